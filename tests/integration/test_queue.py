"""The walk-in queue on SQLite and PostgreSQL: numbers, calling order, skip/missed,
transfer, serving, statistics, and number allocation from several processes."""

from __future__ import annotations

import multiprocessing
from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import func, select

from core import queue
from core.auth import PermissionDenied
from core.queue import QueueError
from core.uow import read_only, unit_of_work
from db.models import AuditEntry, Committee, QueueTicket, Setting

DAY = date(2026, 11, 2)  # a Monday


def at(minutes: float, day: date = DAY) -> datetime:
    """``minutes`` after 08:30 on ``day``."""
    return datetime.combine(day, datetime.min.time()) + timedelta(hours=8, minutes=30 + minutes)


def set_setting(engine, key: str, value: str) -> None:
    with unit_of_work(engine) as session:
        session.merge(Setting(key=key, value=value))


@pytest.fixture()
def rec(users):
    return users["reception"]


def test_numbers_run_per_service_and_day_with_the_committee_prefix(engine, rec):
    a = queue.take_ticket(engine, rec, "medical", now=at(0))
    b = queue.take_ticket(engine, rec, "medical", now=at(1))
    c = queue.take_ticket(engine, rec, "traffic", now=at(2))
    g = queue.take_ticket(engine, rec, "general", now=at(3))
    assert [a.label, b.label, c.label, g.label] == ["医-001", "医-002", "交-001", "综-001"]
    assert (a.position_ahead, b.position_ahead, c.position_ahead) == (0, 1, 0)
    assert b.status == "waiting" and b.committee == "medical" and b.committee_name == "医患"
    assert b.service_name == "医疗纠纷人民调解委员会"
    # A new day starts again at 001.
    assert queue.take_ticket(engine, rec, "medical", now=at(0, DAY + timedelta(days=1))).label == "医-001"


def test_unknown_or_inactive_service_and_roles_without_queue_rights(engine, users):
    with pytest.raises(QueueError, match="没有这个服务窗口"):
        queue.take_ticket(engine, users["reception"], "nonsense", now=at(0))
    with unit_of_work(engine) as session:
        session.scalar(select(Committee).where(Committee.code == "water")).active = False
    with pytest.raises(QueueError, match="已停用"):
        queue.take_ticket(engine, users["reception"], "water", now=at(0))
    with pytest.raises(PermissionDenied):
        queue.take_ticket(engine, users["director"], "medical", now=at(0))
    with pytest.raises(PermissionDenied):
        queue.call_next(engine, users["admin"], None, "1号窗口", now=at(0))


def test_call_next_takes_the_oldest_of_a_service_or_of_all(engine, rec):
    m1 = queue.take_ticket(engine, rec, "medical", now=at(0))
    t1 = queue.take_ticket(engine, rec, "traffic", now=at(1))
    m2 = queue.take_ticket(engine, rec, "medical", now=at(2))
    called = queue.call_next(engine, rec, "traffic", "2号窗口", now=at(5))
    assert (called.id, called.status, called.window, called.call_count) == (t1.id, "called", "2号窗口", 1)
    assert called.waited_minutes == 4
    assert queue.call_next(engine, rec, None, "1号窗口", now=at(6)).id == m1.id
    assert queue.call_next(engine, rec, None, "3号窗口", now=at(7)).id == m2.id
    assert queue.call_next(engine, rec, None, "4号窗口", now=at(8)) is None
    with pytest.raises(QueueError, match="请先选择窗口"):
        queue.call_next(engine, rec, None, "  ", now=at(9))


def test_yesterdays_open_tickets_are_not_called_today(engine, rec):
    queue.take_ticket(engine, rec, "medical", now=at(0, DAY - timedelta(days=3)))
    assert queue.call_next(engine, rec, None, "1号窗口", now=at(0)) is None


def test_skip_counts_calls_and_the_nth_unanswered_call_makes_the_ticket_missed(engine, rec):
    """Setting queue_missed_after_calls = N (default 3): missed only after N calls."""
    t = queue.take_ticket(engine, rec, "labour", now=at(0))
    for call in (1, 2):
        assert queue.call_next(engine, rec, "labour", "1号窗口", now=at(call)).call_count == call
        skipped = queue.skip(engine, rec, t.id, now=at(call + 0.5))
        assert skipped.status == "waiting" and skipped.calls_left == 3 - call
    queue.call_next(engine, rec, "labour", "1号窗口", now=at(3))
    missed = queue.skip(engine, rec, t.id, now=at(4))
    assert (missed.status, missed.call_count, missed.finished_at) == ("missed", 3, at(4))
    assert queue.call_next(engine, rec, "labour", "1号窗口", now=at(5)) is None
    with pytest.raises(QueueError, match="只有已叫号"):
        queue.skip(engine, rec, t.id, now=at(6))


def test_the_number_of_calls_before_missed_is_a_setting(engine, rec):
    set_setting(engine, "queue_missed_after_calls", "1")
    t = queue.take_ticket(engine, rec, "food", now=at(0))
    queue.call_next(engine, rec, "food", "1号窗口", now=at(1))
    assert queue.skip(engine, rec, t.id, now=at(2)).status == "missed"
    set_setting(engine, "queue_missed_after_calls", "not a number")
    assert queue.take_ticket(engine, rec, "food", now=at(3)).missed_after == queue.DEFAULT_MISSED_AFTER


def test_a_skipped_ticket_waits_behind_tickets_not_yet_called(engine, rec):
    a = queue.take_ticket(engine, rec, "medical", now=at(0))
    b = queue.take_ticket(engine, rec, "medical", now=at(1))
    queue.call_next(engine, rec, "medical", "1号窗口", now=at(2))
    queue.skip(engine, rec, a.id, now=at(3))
    c = queue.take_ticket(engine, rec, "medical", now=at(4))
    listed = [r.label for r in queue.waiting_list(engine, DAY, "medical", now=at(4))]
    assert listed == [b.label, c.label, a.label]
    assert [r.position_ahead for r in queue.waiting_list(engine, DAY, now=at(4))] == [0, 1, 2]
    assert queue.call_next(engine, rec, "medical", "1号窗口", now=at(5)).id == b.id
    assert queue.call_next(engine, rec, "medical", "2号窗口", now=at(6)).id == c.id
    assert queue.call_next(engine, rec, "medical", "3号窗口", now=at(7)).id == a.id


def test_recall_announces_again_and_brings_back_a_skipped_visitor(engine, rec):
    a = queue.take_ticket(engine, rec, "traffic", now=at(0))
    queue.call_next(engine, rec, "traffic", "1号窗口", now=at(1))
    again = queue.recall(engine, rec, a.id, now=at(2))
    assert (again.call_count, again.called_at, again.window) == (2, at(2), "1号窗口")
    queue.skip(engine, rec, a.id, now=at(3))
    back = queue.recall(engine, rec, a.id, window="2号窗口", now=at(10))
    assert (back.status, back.call_count, back.window) == ("called", 3, "2号窗口")
    queue.finish(engine, rec, a.id, now=at(20))
    with pytest.raises(QueueError, match="不能重呼"):
        queue.recall(engine, rec, a.id, now=at(21))


def test_calling_next_closes_what_is_still_open_at_that_window(engine, rec):
    a = queue.take_ticket(engine, rec, "medical", now=at(0))
    b = queue.take_ticket(engine, rec, "medical", now=at(1))
    c = queue.take_ticket(engine, rec, "medical", now=at(2))
    queue.call_next(engine, rec, "medical", "1号窗口", now=at(3))
    queue.start_service(engine, rec, a.id, now=at(4))
    queue.call_next(engine, rec, "medical", "1号窗口", now=at(30))  # a forgot 办结 → done
    assert queue.ticket_row(engine, a.id).status == "done"
    queue.call_next(engine, rec, "medical", "1号窗口", now=at(31))  # b did not come → skipped
    rows = {r.id: r for r in queue.waiting_list(engine, DAY, include_closed=True, now=at(31))}
    assert rows[a.id].finished_at == at(30)
    assert (rows[b.id].status, rows[b.id].call_count) == ("waiting", 1)
    assert (rows[c.id].status, rows[c.id].window) == ("called", "1号窗口")


def test_serving_and_finishing_with_the_intake_prefill(engine, rec):
    t = queue.take_ticket(engine, rec, "medical", now=at(0))
    queue.call_next(engine, rec, None, "2号窗口", now=at(12))
    serving = queue.start_service(engine, rec, t.id, now=at(13))
    assert (serving.status, serving.served_at, serving.waited_minutes) == ("serving", at(13), 12)
    prefill = serving.prefill
    assert (prefill.ticket_id, prefill.ticket_label, prefill.committee) == (t.id, "医-001", "medical")
    assert (prefill.arrived_at, prefill.window) == (at(0), "2号窗口")
    done = queue.finish(engine, rec, t.id, now=at(40))
    assert (done.status, done.finished_at) == ("done", at(40))
    with pytest.raises(QueueError, match="不能办结"):
        queue.finish(engine, rec, t.id, now=at(41))
    # A visitor served straight from the waiting list: that is also when the wait ended.
    w = queue.take_ticket(engine, rec, "general", now=at(50))
    direct = queue.start_service(engine, rec, w.id, window="1号窗口", now=at(55))
    assert (direct.called_at, direct.call_count, direct.window) == (at(55), 1, "1号窗口")


def test_transfer_gives_a_new_number_that_keeps_the_place_in_time(engine, rec):
    early = queue.take_ticket(engine, rec, "general", now=at(0))
    t1 = queue.take_ticket(engine, rec, "traffic", now=at(5))
    t2 = queue.take_ticket(engine, rec, "traffic", now=at(6))
    queue.call_next(engine, rec, "general", "1号窗口", now=at(10))
    moved = queue.transfer(engine, rec, early.id, "traffic", now=at(12))
    assert (moved.label, moved.status, moved.taken_at) == ("交-003", "waiting", at(0))
    assert (moved.transferred_from_id, moved.transferred_from_label) == (early.id, "综-001")
    assert moved.position_ahead == 0 and "综-001" in moved.note
    old = queue.ticket_row(engine, early.id)
    assert (old.status, old.finished_at) == ("transferred", at(12)) and "交-003" in old.note
    order = [queue.call_next(engine, rec, "traffic", w, now=at(20 + i)).id
             for i, w in enumerate(("1号窗口", "2号窗口", "3号窗口"))]
    assert order == [moved.id, t1.id, t2.id]
    data = queue.ticket_data(engine, moved.id, now=at(13))
    assert data.transferred_from == "综-001"
    with pytest.raises(QueueError, match="不能转窗口"):
        queue.transfer(engine, rec, early.id, "medical", now=at(30))
    with pytest.raises(QueueError, match="无须转窗口"):
        queue.transfer(engine, rec, t1.id, "traffic", now=at(30))


def test_recent_calls_for_the_display_latest_first(engine, rec):
    tickets = [queue.take_ticket(engine, rec, "medical", now=at(i)) for i in range(5)]
    for i, w in enumerate(("1号窗口", "2号窗口", "3号窗口", "1号窗口")):
        queue.call_next(engine, rec, "medical", w, now=at(10 + i))
    queue.recall(engine, rec, tickets[1].id, now=at(20))
    recent = queue.recent_calls(engine, DAY, limit=3)
    assert [r.label for r in recent] == ["医-002", "医-004", "医-003"]
    assert recent[0].window == "2号窗口" and recent[0].call_count == 2
    # 医-001 was skipped when window 1 called 医-004; 医-005 has not been called.
    assert queue.waiting_counts(engine, DAY)["medical"] == 2
    assert queue.waiting_counts(engine, DAY)["traffic"] == 0


def test_ticket_data_for_printing_uses_the_centre_settings(engine, rec):
    queue.take_ticket(engine, rec, "medical", now=at(0))
    t = queue.take_ticket(engine, rec, "medical", now=at(1))
    data = queue.ticket_data(engine, t.id, now=at(1))
    assert (data.label, data.ahead, data.missed_after, data.phone) == ("医-002", 1, 3, "")
    assert data.centre_name == "衢州市衢江区专业调解中心"
    set_setting(engine, "centre_phone", "0570-3456789")
    assert queue.ticket_data(engine, t.id).phone == "0570-3456789"


def test_waiting_statistics_per_service(engine, rec):
    day2 = DAY + timedelta(days=1)
    waits = {"medical": [(0, 10), (2, 32), (3, 23)], "traffic": [(0, 5)]}
    for code, pairs in waits.items():
        for taken, called in pairs:
            t = queue.take_ticket(engine, rec, code, now=at(taken, day2))
            with unit_of_work(engine) as session:  # a day's history, written directly
                row = session.get(QueueTicket, t.id)
                row.status, row.called_at, row.call_count = "done", at(called, day2), 1
    missed = queue.take_ticket(engine, rec, "medical", now=at(50, day2))
    with unit_of_work(engine) as session:
        session.get(QueueTicket, missed.id).status = "missed"
    # A transfer: counted once, at the first service.
    g = queue.take_ticket(engine, rec, "general", now=at(60, day2))
    queue.call_next(engine, rec, "general", "1号窗口", now=at(66, day2))
    queue.transfer(engine, rec, g.id, "medical", now=at(70, day2))
    queue.take_ticket(engine, rec, "medical", now=at(0))  # outside the period

    stats = {s.committee: s for s in queue.waiting_stats(engine, day2, day2)}
    med = stats["medical"]
    assert (med.tickets, med.attended, med.missed, med.transferred) == (4, 3, 1, 0)
    assert (med.average_minutes, med.median_minutes, med.max_minutes) == (20.0, 20.0, 30.0)
    assert stats["general"].transferred == 1 and stats["general"].average_minutes == 6.0
    assert stats["water"].attended == 0 and stats["water"].average_minutes is None
    total = stats[""]
    assert total.committee_name == "合计" and total.tickets == 6 and total.attended == 5
    assert total.median_minutes == 10.0
    with pytest.raises(QueueError):
        queue.waiting_stats(engine, day2, DAY)


def test_every_queue_write_is_audited(engine, rec):
    t = queue.take_ticket(engine, rec, "medical", now=at(0))
    queue.call_next(engine, rec, None, "1号窗口", now=at(1))
    queue.recall(engine, rec, t.id, now=at(2))
    queue.skip(engine, rec, t.id, now=at(3))
    queue.recall(engine, rec, t.id, window="1号窗口", now=at(4))
    queue.start_service(engine, rec, t.id, now=at(5))
    queue.transfer(engine, rec, t.id, "traffic", now=at(6))
    with read_only(engine) as session:
        actions = list(session.scalars(
            select(AuditEntry.action).where(AuditEntry.action.like("queue.%")).order_by(AuditEntry.id)))
        users = set(session.scalars(select(AuditEntry.username).where(AuditEntry.action.like("queue.%"))))
    assert actions == ["queue.take", "queue.call", "queue.recall", "queue.skip", "queue.recall",
                       "queue.start", "queue.transfer", "queue.take"]
    assert users == {rec.username}


# --------------------------------------------------------------- several processes


def _take_many(url: str, user, codes: list[str]) -> list[str]:
    from core.database import open_database

    engine = open_database(url)
    now = datetime.combine(DAY, datetime.min.time()) + timedelta(hours=9)
    try:
        return [queue.take_ticket(engine, user, code, now=now).label for code in codes]
    finally:
        engine.dispose()


def _concurrent(url: str, user) -> None:
    ctx = multiprocessing.get_context("spawn")
    work = [["medical", "traffic"] * 8 for _ in range(4)]
    with ctx.Pool(4) as pool:
        results = pool.starmap(_take_many, [(url, user, codes) for codes in work])
    labels = [label for chunk in results for label in chunk]
    assert len(labels) == len(set(labels)) == 64
    assert sorted(label for label in labels if label.startswith("医")) == [f"医-{i:03d}" for i in range(1, 33)]
    from core.database import open_database

    engine = open_database(url)
    with read_only(engine) as session:
        assert session.scalar(select(func.count(QueueTicket.id))) == 64
    engine.dispose()


@pytest.mark.postgres
def test_no_duplicate_numbers_from_several_pcs_on_postgres(pg_engine, pg_url):
    from tests.conftest import make_user

    _concurrent(pg_url, make_user(pg_engine, "reception"))


def test_no_duplicate_numbers_from_several_pcs_on_sqlite(sqlite_engine, sqlite_url):
    from tests.conftest import make_user

    _concurrent(sqlite_url, make_user(sqlite_engine, "reception"))
