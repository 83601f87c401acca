"""Screens showing shared data follow the live feed (desktop.live_updates): a booking made in
another process appears in 今日预约 within two seconds of its commit, with no key pressed and no
polling; the case list reloads in place (selection, search text and focus kept); the queue,
the call display and the calendar follow other PCs' changes, and fall back to polling while
the feed is down."""

from __future__ import annotations

import multiprocessing
import time
from datetime import date, datetime

import pytest
from sqlalchemy import select

from core import queue
from core.booking import BookingRequest, book
from core.uow import read_only
from db.models import Case, CaseParty
from desktop.live_updates import LiveUpdates
from desktop.screens.calendar import CalendarDayScreen
from desktop.screens.call_display import CallDisplayScreen
from desktop.screens.cases import CasesScreen
from desktop.screens.queue import QueueScreen
from desktop.screens.today import TodayScreen
from tests.factories import add_case
from tests.integration.test_live_updates import book_elsewhere

NOW = datetime(2026, 11, 22, 8, 0)
MONDAY = date(2026, 11, 23)
ROOM1, ROOM2 = 3, 4
LIMIT_MS = 2000


def _case(engine) -> tuple[int, tuple[int, ...]]:
    number = add_case(engine)
    with read_only(engine) as s:
        case_id = s.scalar(select(Case.id).where(Case.number == number))
        parties = tuple(s.scalars(select(CaseParty.id).where(CaseParty.case_id == case_id)
                                  .order_by(CaseParty.position)))
    return case_id, parties


@pytest.fixture()
def feed(app, qtbot, db_url):
    live = LiveUpdates(db_url)
    live.start()
    qtbot.waitUntil(lambda: live.connected, timeout=10000)
    yield live
    live.stop()


def _screen(qtbot, cls, ctx, feed):
    screen = cls(ctx)
    qtbot.addWidget(screen)
    screen.resize(1200, 760)
    screen.show()
    feed.attach(screen)
    return screen


def at(day: date, hh: int) -> datetime:
    return datetime.combine(day, datetime.min.time()).replace(hour=hh)


def test_a_booking_from_another_pc_appears_in_today_within_two_seconds(qtbot, engine, db_url, users,
                                                                       make_ctx, feed):
    case_id, parties = _case(engine)
    screen = _screen(qtbot, TodayScreen, make_ctx(users["reception"]), feed)
    screen.set_day(MONDAY)
    qtbot.waitUntil(lambda: "最近刷新" in screen.refreshed.text(), timeout=10000)
    assert screen.model.rowCount() == 0
    assert not screen.timer.isActive()  # the feed replaces the two-second poll
    assert "实时更新" in screen.refreshed.text()

    request = BookingRequest(case_id, at(MONDAY, 14), 60, ROOM2, (users["mediator"].id,), (), parties,
                             "第1次调解")
    ctx = multiprocessing.get_context("spawn")
    go = ctx.Event()
    receive, send = ctx.Pipe(duplex=False)
    process = ctx.Process(target=book_elsewhere, args=(db_url, users["reception"], request, go, send))
    process.start()
    try:
        qtbot.wait(300)
        go.set()
        qtbot.waitUntil(receive.poll, timeout=60000)  # the event loop keeps running meanwhile
        committed = receive.recv()
        remaining = int((committed + LIMIT_MS / 1000 - time.time()) * 1000)
        qtbot.waitUntil(lambda: screen.model.rowCount() == 1, timeout=max(1, remaining))
        assert time.time() - committed < LIMIT_MS / 1000
    finally:
        process.join(60)
    assert process.exitcode == 0
    row = screen.model.row_at(0)
    assert (row.time_label, row.room_name) == ("14:00–15:00", "第二调解室")


def test_the_case_list_reloads_in_place_keeping_selection_search_and_focus(qtbot, engine, users,
                                                                           make_ctx, feed):
    for _ in range(3):
        add_case(engine)
    screen = _screen(qtbot, CasesScreen, make_ctx(users["director"]), feed)
    qtbot.waitUntil(lambda: screen.model.rowCount() == 3, timeout=10000)
    screen.search.insert("张")  # (keyClicks takes ASCII only)
    qtbot.waitUntil(lambda: not screen._debounce.isActive() and not screen.ctx.tasks.busy, timeout=10000)
    assert screen.model.rowCount() == 3
    screen.table.selectRow(1)
    chosen = screen.model.row_at(1).number
    screen.activateWindow()
    screen.search.setFocus()
    # Another PC registers a case; nobody touches this screen.
    add_case(engine, parties=(("张四", "person"), ("某某公司", "organisation")))
    qtbot.waitUntil(lambda: screen.model.rowCount() == 4, timeout=LIMIT_MS + 500)
    assert screen.search.text() == "张"
    assert screen.search.hasFocus() or not screen.isActiveWindow()
    index = screen.table.selectionModel().currentIndex()
    assert index.isValid() and screen.model.row_at(index.row()).number == chosen
    assert "共 4 件" in screen.count_label.text()


def test_the_queue_and_the_call_display_follow_other_pcs(qtbot, engine, users, make_ctx, feed):
    ctx = make_ctx(users["reception"])
    screen = _screen(qtbot, QueueScreen, ctx, feed)
    display = _screen(qtbot, CallDisplayScreen, ctx, feed)
    qtbot.waitUntil(lambda: not screen.polling and not display._polling, timeout=10000)
    assert not screen.timer.isActive() and not display.timer.isActive()
    code = queue.services(engine)[0].code
    ticket = queue.take_ticket(engine, users["reception"], code)  # at another reception PC
    qtbot.waitUntil(lambda: any(r.id == ticket.id for r in screen.model.rows()), timeout=LIMIT_MS + 500)
    queue.call_next(engine, users["reception"], code, "3号窗口")
    qtbot.waitUntil(lambda: display.number_label.text() == ticket.label, timeout=LIMIT_MS + 500)
    # The feed goes down (server away): both poll again until it is back.
    feed._set_connected(False)
    assert screen.timer.isActive() and display.timer.isActive()
    feed._set_connected(True)
    assert not screen.timer.isActive() and not display.timer.isActive()
    screen.timer.stop()
    display.timer.stop()


def test_the_calendar_shows_a_booking_made_elsewhere(qtbot, engine, users, make_ctx, feed):
    case_id, parties = _case(engine)
    screen = _screen(qtbot, CalendarDayScreen, make_ctx(users["reception"]), feed)
    screen.set_day(MONDAY)
    qtbot.waitUntil(lambda: "共 0 场调解" in screen.summary.text(), timeout=10000)
    row = book(engine, users["reception"], BookingRequest(case_id, at(MONDAY, 9), 90, ROOM1,
                                                          (users["mediator"].id,), (), parties), now=NOW)
    qtbot.waitUntil(lambda: screen.grid.rect_of(row.id) is not None, timeout=LIMIT_MS + 500)
    assert "共 1 场调解" in screen.summary.text()


def test_a_hidden_screen_catches_up_when_shown(qtbot, engine, users, make_ctx, feed):
    case_id, parties = _case(engine)
    screen = _screen(qtbot, TodayScreen, make_ctx(users["reception"]), feed)
    screen.set_day(MONDAY)
    qtbot.waitUntil(lambda: "最近刷新" in screen.refreshed.text(), timeout=10000)
    screen.hide()
    book(engine, users["reception"], BookingRequest(case_id, at(MONDAY, 10), 60, ROOM1,
                                                    (users["mediator"].id,), (), parties), now=NOW)
    qtbot.waitUntil(lambda: screen._stale, timeout=LIMIT_MS + 500)
    assert screen.model.rowCount() == 0  # nothing loaded while hidden
    screen.show()
    qtbot.waitUntil(lambda: screen.model.rowCount() == 1, timeout=5000)
