"""The booking screens driven like a receptionist would: a colliding booking is refused with
the next free slots offered (and one of them books), a booking made on another PC (another
process on the same SQLite file) shows up in the today list by itself, attendance is marked
per party, and the calendar shows sessions that can be cancelled with a reason."""

from __future__ import annotations

import multiprocessing
from datetime import date, datetime, time

import pytest
from PySide6.QtCore import QPoint, Qt
from sqlalchemy import func, select

from core.booking import BookingRequest, book, day_view
from core.calendar_overrides import set_override
from core.uow import read_only
from db.models import Appointment, Case, CaseParty
from desktop.context import AppContext
from desktop.screens.booking import BookingScreen, next_bookable_day
from desktop.screens.calendar import CalendarDayScreen, ReasonDialog, RescheduleDialog
from desktop.screens.today import TodayScreen
from desktop.tasks import TaskRunner
from tests.conftest import make_user
from tests.factories import add_case

ROOM1, ROOM2 = 3, 4


def _case(engine) -> tuple[int, tuple[int, ...]]:
    number = add_case(engine)
    with read_only(engine) as s:
        case_id = s.scalar(select(Case.id).where(Case.number == number))
        parties = tuple(s.scalars(select(CaseParty.id).where(CaseParty.case_id == case_id)
                                  .order_by(CaseParty.position)))
    return case_id, parties


def _appointments(engine) -> int:
    with read_only(engine) as s:
        return s.scalar(select(func.count(Appointment.id)).where(Appointment.status == "booked"))


def _check(widget, value: int) -> None:
    for i in range(widget.count()):
        item = widget.item(i)
        if item.data(Qt.ItemDataRole.UserRole) == value:
            item.setCheckState(Qt.CheckState.Checked)
            return
    raise AssertionError(f"{value} not in the list")


def test_a_colliding_booking_is_refused_with_alternatives_offered(app, qtbot, engine, users, make_ctx):
    case_id, parties = _case(engine)
    other_case, other_parties = _case(engine)
    mediator = users["mediator"].id
    day = next_bookable_day(engine)
    nine = datetime.combine(day, time(9, 0))
    book(engine, users["reception"], BookingRequest(other_case, nine, 90, ROOM1, (mediator,), (), other_parties))

    screen = BookingScreen(make_ctx(users["reception"]))
    qtbot.addWidget(screen)
    screen.show()
    screen.set_case(case_id)
    qtbot.waitUntil(lambda: screen.options is not None and screen.parties.count() == 2, timeout=10000)
    assert screen.purpose.text() == "第1次调解"

    # Nothing chosen yet: Ctrl+S explains beside the fields.
    screen.room.setCurrentIndex(screen.room.findData(ROOM1))
    qtbot.keyClick(screen, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: screen.mediators_error.isVisible(), timeout=10000)
    assert "请至少选择一名调解员" in screen.mediators_error.text()

    _check(screen.mediators, mediator)
    screen.date_edit.setDate(day)
    screen.time_edit.setTime(time(9, 30))
    # The live panel runs the one check by itself and lists room and mediator at once.
    qtbot.waitUntil(lambda: screen.clash_list.count() == 2 and screen.slot_list.count() > 0, timeout=10000)
    clashes = [screen.clash_list.item(i).text() for i in range(screen.clash_list.count())]
    assert any("第一调解室" in c for c in clashes) and any("调解员李调解" in c for c in clashes)
    assert "冲突" in screen.check_status.text()

    qtbot.keyClick(screen, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: screen.banner.isVisible() and "未成功" in screen.banner.text(), timeout=10000)
    assert screen.slot_list.count() > 0
    assert _appointments(engine) == 1

    # Take the first slot offered: it fills the form, the check turns green, Ctrl+S books.
    first = screen.slot_list.item(0)
    slot = first.data(Qt.ItemDataRole.UserRole)
    assert slot.starts_at >= datetime.combine(day, time(10, 45))
    rect = screen.slot_list.visualItemRect(first)
    qtbot.mouseClick(screen.slot_list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert screen.request().starts_at == slot.starts_at and screen.room.currentData() == slot.room_id
    qtbot.waitUntil(lambda: "可以预约" in screen.check_status.text(), timeout=10000)
    qtbot.keyClick(screen, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: screen.last_booked is not None, timeout=10000)
    assert "已预约" in screen.banner.text() and screen.print_button.isVisible()
    assert _appointments(engine) == 2


def _book_elsewhere(url: str, user, request: BookingRequest) -> None:
    """Another reception PC: its own process and engine on the same SQLite file."""
    from db.engine import make_engine

    engine = make_engine(url)
    book(engine, user, request)
    engine.dispose()


def test_a_booking_made_in_another_process_appears_in_the_today_list(app, qtbot, sqlite_engine, sqlite_url):
    engine = sqlite_engine
    reception = make_user(engine, "reception")
    mediator = make_user(engine, "mediator", committees=("medical",))
    case_id, parties = _case(engine)
    day = next_bookable_day(engine)
    tasks = TaskRunner()
    screen = TodayScreen(AppContext(engine, sqlite_url, reception, tasks))
    qtbot.addWidget(screen)
    screen.show()
    screen.set_day(day)
    qtbot.waitUntil(lambda: "最近刷新" in screen.refreshed.text(), timeout=10000)
    assert screen.model.rowCount() == 0

    request = BookingRequest(case_id, datetime.combine(day, time(14, 0)), 60, ROOM2, (mediator.id,), (), parties)
    process = multiprocessing.get_context("spawn").Process(target=_book_elsewhere,
                                                           args=(sqlite_url, reception, request))
    process.start()
    process.join(120)
    assert process.exitcode == 0
    # No key pressed: the two-second poll brings it in.
    qtbot.waitUntil(lambda: screen.model.rowCount() == 1, timeout=15000)
    row = screen.model.row_at(0)
    assert (row.time_label, row.room_name, row.parties_label) == ("14:00–15:00", "第二调解室", "张三、衢江区人民医院")
    assert "1 场调解" in screen.counts.text()
    tasks.wait()


def test_attendance_is_marked_per_party_on_the_day(app, qtbot, engine, users, make_ctx):
    today = date.today()
    # Make sure today is a working day (an admin's override, as for a make-up Saturday).
    set_override(engine, users["admin"], today, True, "测试用工作日")
    case_id, parties = _case(engine)
    early = datetime.combine(today, time(0, 0))
    row = book(engine, users["reception"], BookingRequest(case_id, datetime.combine(today, time(8, 30)), 60,
                                                          ROOM1, (users["mediator"].id,), (), parties), now=early)
    screen = TodayScreen(make_ctx(users["reception"]))
    qtbot.addWidget(screen)
    screen.show()
    qtbot.waitUntil(lambda: screen.model.rowCount() == 1, timeout=10000)
    assert screen.select(row.id)
    qtbot.waitUntil(lambda: screen.present_button.isEnabled(), timeout=5000)
    qtbot.keyClick(screen, Qt.Key.Key_F2)  # the applicant came …
    qtbot.waitUntil(lambda: screen.model.row_at(0).parties[0].attendance == "present", timeout=10000)
    qtbot.waitUntil(lambda: screen.current_party() is not None
                    and screen.current_party().case_party_id == parties[1], timeout=10000)
    qtbot.keyClick(screen, Qt.Key.Key_F3)  # … the hospital did not
    qtbot.waitUntil(lambda: screen.model.row_at(0).parties_label == "张三✓、衢江区人民医院✗", timeout=10000)
    assert "到场 1" in screen.counts.text() and "未到 1" in screen.counts.text()
    director = TodayScreen(make_ctx(users["director"]))
    qtbot.addWidget(director)
    assert not director.present_button.isVisible()


def test_the_day_calendar_shows_the_session_and_it_can_be_cancelled_or_moved(app, qtbot, engine, users, make_ctx,
                                                                              monkeypatch):
    case_id, parties = _case(engine)
    day = next_bookable_day(engine)
    row = book(engine, users["reception"], BookingRequest(case_id, datetime.combine(day, time(9, 0)), 90, ROOM1,
                                                          (users["mediator"].id,), (), parties))
    ctx = make_ctx(users["reception"])
    screen = CalendarDayScreen(ctx)
    qtbot.addWidget(screen)
    screen.resize(1100, 700)
    screen.show()
    screen.set_day(day)
    qtbot.waitUntil(lambda: screen.grid.rect_of(row.id) is not None, timeout=10000)
    opened = []
    monkeypatch.setattr("desktop.screens.calendar.AppointmentDialog.exec", lambda self: opened.append(self.row))
    rect = screen.grid.rect_of(row.id)
    qtbot.mouseClick(screen.grid, Qt.MouseButton.LeftButton, pos=QPoint(int(rect.center().x()), int(rect.center().y())))
    assert [r.id for r in opened] == [row.id]

    # Rescheduling needs a reason; into the lunch break it is refused with alternatives.
    move = RescheduleDialog(ctx, row)
    qtbot.addWidget(move)
    move.show()
    move.time_edit.setTime(time(11, 30))
    move.try_reschedule()
    assert move.reason_error.isVisible() and "改期原因" in move.reason_error.text()
    move.reason.setPlainText("调解员临时开会")
    move.try_reschedule()
    assert move.clashes.isVisible() and "午休" in move.clashes.text() and move.slots.count() > 0
    move.time_edit.setTime(time(14, 0))
    move.try_reschedule()
    assert move.result_row is not None and move.result_row.rescheduled_from_id == row.id

    stop = ReasonDialog(ctx, move.result_row)
    qtbot.addWidget(stop)
    stop.show()
    stop.try_cancel()
    assert stop.error.isVisible() and "取消原因" in stop.error.text()
    stop.reason.setPlainText("双方已自行和解")
    stop.try_cancel()
    assert [r.status for r in day_view(engine, day)] == ["cancelled", "cancelled"]
    screen.refresh()
    qtbot.waitUntil(lambda: "共 0 场调解" in screen.summary.text(), timeout=10000)


@pytest.mark.parametrize("key", ["booking", "calendar_day", "calendar_week", "today"])
def test_the_screens_are_registered_for_their_roles(key):
    from desktop import navigation

    screen = navigation.screen_by_key(key)
    assert screen is not None and "reception" in screen.roles
    assert ("director" in screen.roles) == (key != "booking")


def test_a_half_done_booking_comes_back_after_a_crash(app, qtbot, engine, users, make_ctx):
    """Nothing typed is lost (issue 7.6): the booking form is a local draft until booked."""
    case_id, parties = _case(engine)
    mediator = users["mediator"].id
    day = next_bookable_day(engine)
    screen = BookingScreen(make_ctx(users["reception"]))
    qtbot.addWidget(screen)
    screen.show()
    screen.set_case(case_id)
    qtbot.waitUntil(lambda: screen.options is not None and screen.parties.count() == 2, timeout=10000)
    _check(screen.mediators, mediator)
    screen.parties.item(1).setCheckState(Qt.CheckState.Unchecked)
    screen.date_edit.setDate(day)
    screen.time_edit.setTime(time(14, 30))
    screen.room.setCurrentIndex(screen.room.findData(ROOM2))
    screen.purpose.setText("现场调解")
    screen.draft.write()  # what the debounce does 0.8 s after the last change
    # the crash: this screen never books

    again = BookingScreen(make_ctx(users["reception"]))
    qtbot.addWidget(again)
    again.show()
    qtbot.waitUntil(lambda: again.options is not None and "已恢复" in again.banner.text(), timeout=10000)
    request = again.request()
    assert request.case_id == case_id and request.mediator_ids == (mediator,)
    assert request.invited_party_ids == (parties[0],) and request.room_id == ROOM2
    assert request.starts_at == datetime.combine(day, time(14, 30)) and request.purpose == "现场调解"
    qtbot.waitUntil(lambda: "可以预约" in again.check_status.text(), timeout=10000)
    qtbot.keyClick(again, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: again.last_booked is not None, timeout=10000)
    assert again.draft.pending() is None  # booked: the draft is gone
    third = BookingScreen(make_ctx(users["reception"]))
    qtbot.addWidget(third)
    assert third.options is None and not third.banner.isVisible()
