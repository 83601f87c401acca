"""Reliability under faults (issue 7.6–7.7): a process killed with SIGKILL in the middle of
saving, a hundred times, leaves an intact SQLite file with no half-written case."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select

from core.identifiers import id_check_char
from core.intake import IntakeForm, PartyForm, register_case
from core.uow import read_only
from db.models import AuditEntry, Case, CaseParty, StatusChange
from tests.conftest import make_user

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork()")


def _form(i: int) -> IntakeForm:
    body = f"33080319850312{i % 1000:03d}"
    return IntakeForm(
        parties=(PartyForm(name=f"申请人{i}", phone="13812345678", id_number=body + id_check_char(body)),
                 PartyForm(role="respondent", name=f"被申请人{i}")),
        committee="general", dispute_type="02", summary=f"第{i}号测试纠纷：邻里排水沟堵塞。",
        requests=("疏通排水沟",),
    )


def _register_forever(url: str, user, ready_w: int) -> None:
    """The child: register cases until killed. Never returns."""
    from core.database import open_database

    try:
        engine = open_database(url, upgrade=False)
        os.write(ready_w, b"r")
        i = 0
        while True:
            i += 1
            register_case(engine, user, _form(i))
    except BaseException:  # only on an error: the parent sees the early exit
        import traceback

        traceback.print_exc()
    finally:
        os._exit(3)


def _whole(engine) -> tuple[int, int]:
    """Every case is whole: parties, a status history and its audit row — never part of them."""
    with read_only(engine) as session:
        cases = session.scalar(select(func.count()).select_from(Case))
        without_parties = session.scalar(
            select(func.count()).select_from(Case)
            .where(~select(CaseParty.id).where(CaseParty.case_id == Case.id).exists()))
        without_history = session.scalar(
            select(func.count()).select_from(Case)
            .where(~select(StatusChange.id).where(StatusChange.case_id == Case.id).exists()))
        audited = session.scalar(
            select(func.count()).select_from(AuditEntry).where(AuditEntry.action == "case.register"))
        seqs = sorted(session.scalars(select(Case.seq)))
    assert without_parties == 0 and without_history == 0
    assert audited == cases
    assert seqs == list(range(1, cases + 1)), "case numbers are gap-free and unique"
    return cases, audited


def test_kill_9_during_saves_a_hundred_times(sqlite_engine, sqlite_url):
    engine = sqlite_engine
    user = make_user(engine, "reception")
    register_case(engine, user, _form(0))  # the first save loads what every later one uses
    path = Path(sqlite_url.removeprefix("sqlite:///"))
    engine.dispose()  # no connection is shared with the children
    rng = random.Random(7)
    for round_ in range(100):
        ready_r, ready_w = os.pipe()
        pid = os.fork()
        if pid == 0:  # pragma: no cover — the child
            os.close(ready_r)
            _register_forever(sqlite_url, user, ready_w)
        os.close(ready_w)
        assert os.read(ready_r, 1) == b"r", f"round {round_}: the child did not start"
        os.close(ready_r)
        time.sleep(rng.uniform(0.02, 0.4))  # some saves done, one under way
        os.kill(pid, signal.SIGKILL)
        _, status = os.waitpid(pid, 0)
        assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL, \
            f"round {round_}: the child ended by itself ({status})"

    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    cases, _ = _whole(engine)
    assert cases >= 20  # the children did save between the kills (about ten per round on an idle machine)
    # and the file still takes new cases
    register_case(engine, user, _form(1))
    assert _whole(engine)[0] == cases + 1
