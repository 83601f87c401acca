"""The whole centre's lists (the director's 期限提醒 and 逾期未付款项, 回访与评价) on a busy database: read
by queries or by ids in bounded batches, never by one list of all their ids — tens of thousands of
ids are more than SQLite takes as parameters —, with the same figures as the tables hold."""

from __future__ import annotations

from collections import Counter
from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import event, func, select

from core import case_deadlines
from core.auth import login
from core.demo import generate_demo
from core.followups import due_followups
from core.fulfilment import outstanding_instalments
from core.uow import read_only
from db.models import CaseParty, Party, Payment

TODAY = date(2026, 11, 20)


@pytest.fixture()
def busy(engine):
    generate_demo(engine, cases=400, seed=5, months=6, today=TODAY, batch=200)
    return login(engine, "zhuren", "demo1234")


def _largest_parameter_list(engine, call):
    sizes = []

    def seen(_conn, _cursor, _statement, parameters, _context, _many):
        sizes.append(len(parameters or ()))

    event.listen(engine, "before_cursor_execute", seen)
    try:
        return call(), max(sizes)
    finally:
        event.remove(engine, "before_cursor_execute", seen)


def test_outstanding_instalments_come_with_their_payments_and_agents(engine, busy):
    rows, params = _largest_parameter_list(engine, lambda: outstanding_instalments(engine, busy, TODAY))
    assert len(rows) > 30
    assert params < 10  # however many instalments: no list of their ids
    with read_only(engine) as session:
        paid = dict(session.execute(select(Payment.instalment_id, func.sum(Payment.amount))
                                    .group_by(Payment.instalment_id)).all())
        counts = Counter(session.scalars(select(Payment.instalment_id)))
        agent_phone = {represents: phone for represents, phone in session.execute(
            select(CaseParty.represents_id, Party.phone).join(Party, Party.id == CaseParty.party_id)
            .where(CaseParty.represents_id.is_not(None), Party.phone.is_not(None)))}
    assert any(r.payments for r in rows)
    for row in rows:
        assert row.paid == paid.get(row.id, Decimal("0.00")) and len(row.payments) == counts[row.id]
        assert row.paid_in_full_on is None and row.outstanding > 0
        assert [p.paid_on for p in row.payments] == sorted(p.paid_on for p in row.payments)
        if row.payer_phone.endswith("）"):  # reached through the agent
            assert "代理人" in row.payer_phone and row.payer_phone.split("（")[0] in agent_phone.values()
    assert [(r.due_on, r.id) for r in rows] == sorted((r.due_on, r.id) for r in rows)


def test_due_followups_of_the_whole_centre(engine, busy):
    rows, params = _largest_parameter_list(engine, lambda: due_followups(engine, busy, TODAY))
    assert len(rows) > 10 and params < 10
    assert all(r.visited_on is None for r in rows)
    assert [(r.scheduled_on, r.id) for r in rows] == sorted((r.scheduled_on, r.id) for r in rows)


def test_deadline_lists_are_the_flagged_rows_of_the_open_cases(engine, busy, monkeypatch):
    """The lists read the names and appointments of the flagged cases alone, by their ids in
    batches (here of 7) that any SQLite takes; the rows are those of all open cases."""
    every = case_deadlines.open_case_rows(engine, busy, TODAY, only_mine=False)
    monkeypatch.setattr(case_deadlines, "_ID_BATCH", 7)
    (due_soon, overdue), params = _largest_parameter_list(engine,
                                                          lambda: case_deadlines.deadline_lists(engine, busy, TODAY))
    assert len(due_soon) + len(overdue) > 7 and params <= 7 + 3
    assert due_soon == [r for r in every if r.flag == "due_soon"]
    assert overdue == [r for r in every if r.flag == "overdue"]
    assert any(r.parties for r in overdue)
