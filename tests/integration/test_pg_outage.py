"""The database server going away mid-work (issue 7.6–7.7): a PostgreSQL server of the test's
own is stopped and started under a client. Nothing typed is lost, the save goes through once
the server is back, and nothing is registered twice."""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
import threading
import time
import uuid
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import func, select

from core.connection_loss import is_connection_lost
from core.database import open_database
from core.identifiers import id_check_char
from core.intake import IntakeForm, PartyForm, register_case
from core.uow import read_only
from db.models import Case
from tests.conftest import make_user
from tests.pg_cluster import PrivateCluster, server_bin

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(server_bin() is None, reason="PostgreSQL server binaries not installed"),
    pytest.mark.skipif(os.geteuid() == 0 and shutil.which("runuser") is None, reason="needs runuser as root"),
]


@pytest.fixture(scope="module")
def cluster():
    # Not under pytest's temporary directory: the postgres account cannot enter root's.
    root = Path(tempfile.mkdtemp(prefix="tiaojie-pg-"))
    c = PrivateCluster(root / "cluster").init()
    c.start()
    yield c
    with contextlib.suppress(Exception):  # already stopped by a failed test
        c.stop("immediate")
    shutil.rmtree(root, ignore_errors=True)


@pytest.fixture()
def server(cluster):
    cluster.start() if not _up(cluster) else None
    engine = open_database(cluster.url)
    yield cluster, engine
    if not _up(cluster):
        cluster.start()
    engine.dispose()


def _up(cluster) -> bool:
    import socket

    with socket.socket() as s:
        return s.connect_ex(("127.0.0.1", cluster.port)) == 0


def _form(n: int, key: str = "") -> IntakeForm:
    body = f"33080319850312{n % 1000:03d}"
    return IntakeForm(
        parties=(PartyForm(name=f"申请人{n}", phone="13812345678", id_number=body + id_check_char(body)),
                 PartyForm(role="respondent", name=f"被申请人{n}")),
        committee="general", dispute_type="02", summary=f"停电测试{n}：邻里排水沟堵塞。", requests=("疏通排水沟",),
        intake_key=key or uuid.uuid4().hex,
    )


def _count(engine, key: str | None = None) -> int:
    with read_only(engine) as session:
        query = select(func.count()).select_from(Case)
        if key is not None:
            query = query.where(Case.intake_key == key)
        return session.scalar(query)


def test_a_save_while_the_server_is_down_is_a_lost_connection_and_goes_through_later(server):
    cluster, engine = server
    user = make_user(engine, "reception")
    form = _form(1)
    cluster.stop()
    with pytest.raises(Exception) as caught:
        register_case(engine, user, form)
    assert is_connection_lost(caught.value), repr(caught.value)
    cluster.start()
    first = register_case(engine, user, form)  # the pool's dead connections are replaced
    again = register_case(engine, user, form)  # e.g. the answer to the first commit was lost
    assert again.id == first.id and again.number == first.number
    assert _count(engine, form.intake_key) == 1


def test_stop_and_start_the_server_during_saves(server):
    """Saves keep coming (retried like the intake screen does) while the server is stopped
    and started twice: every form ends up registered exactly once, case numbers unique."""
    cluster, engine = server
    user = make_user(engine, "reception")
    before = _count(engine)
    forms = [_form(100 + i) for i in range(40)]
    errors: list[BaseException] = []

    def clerk() -> None:
        for form in forms:
            for _attempt in range(200):
                try:
                    register_case(engine, user, form)
                    break
                except Exception as exc:  # noqa: BLE001
                    if not is_connection_lost(exc):
                        errors.append(exc)
                        return
                    time.sleep(0.1)

    worker = threading.Thread(target=clerk)
    worker.start()
    for _ in range(2):
        time.sleep(0.3)
        cluster.stop("fast")
        time.sleep(0.5)
        cluster.start()
    worker.join(timeout=120)
    assert not worker.is_alive()
    assert errors == []
    assert _count(engine) == before + len(forms)
    with read_only(engine) as session:
        numbers = session.scalars(select(Case.number)).all()
        keys = session.scalars(select(Case.intake_key).where(Case.intake_key.is_not(None))).all()
    assert len(numbers) == len(set(numbers))
    assert {f.intake_key for f in forms} <= set(keys)  # each once: the key is unique


def test_the_intake_screen_keeps_the_form_and_saves_when_the_server_is_back(server, qtbot, qapp, monkeypatch,
                                                                                tmp_path):
    from PySide6.QtWidgets import QApplication

    from desktop.context import AppContext
    from desktop.screens.intake import IntakeScreen
    from desktop.tasks import TaskRunner

    monkeypatch.setenv("TIAOJIE_DATA_DIR", str(tmp_path / "data"))
    cluster, engine = server
    user = make_user(engine, "reception")
    tasks = TaskRunner()
    screen = IntakeScreen(AppContext(engine, cluster.url, user, tasks))
    qtbot.addWidget(screen)
    screen.resize(1180, 900)
    screen.show()
    qtbot.waitExposed(screen)
    form = _form(7, key="")
    screen.set_form(replace(form, intake_key=""))
    key = screen.form().intake_key
    assert key
    before = _count(engine)

    cluster.stop()
    screen._retry_timer.setInterval(300)
    screen.save()
    qtbot.waitUntil(lambda: screen.save_error.isVisible(), timeout=20000)
    assert "连接中断" in screen.save_error.text() and "自动保存" in screen.save_error.text()
    assert screen.editors[0].text("name") == "申请人7"  # nothing typed is lost
    assert screen.summary.toPlainText() == form.summary
    assert screen.form_area.isEnabled()
    QApplication.processEvents()

    cluster.start()
    qtbot.waitUntil(lambda: screen.result_banner.isVisible(), timeout=30000)
    assert not screen.save_error.isVisible()
    assert _count(engine) == before + 1 and _count(engine, key) == 1
    tasks.wait()
