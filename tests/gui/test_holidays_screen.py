"""节假日与调休 (admin): the year's schedule, the centre's own entries, errors beside fields."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QMessageBox

from core.auth import PermissionDenied
from core.calendar_overrides import load_calendar, set_override, year_calendar
from core.uow import read_only
from desktop.screens.holidays import HolidaysScreen


@pytest.fixture()
def screen(app, qtbot, make_ctx, users):
    s = HolidaysScreen(make_ctx(users["admin"]))
    qtbot.addWidget(s)
    s.resize(1000, 700)
    s.show()
    return s


def test_a_known_year_lists_the_state_council_schedule(screen):
    screen.year.setValue(2026)
    days = {d.day: d for d in screen.current.days}
    assert days[date(2026, 10, 1)].name == "国庆节" and not days[date(2026, 10, 1)].workday
    assert days[date(2026, 1, 4)].workday  # a Sunday at work for 元旦
    assert "程序内置了 2026 年" in screen.known_label.text()
    assert not screen.remove_button.isEnabled()  # the package's days are not deleted here


def test_an_unknown_year_is_entered_by_the_admin(screen, qtbot, engine, monkeypatch):
    """domain.md §3: a year nobody knows is provisional until its schedule is entered."""
    screen.year.setValue(2031)
    assert year_calendar(engine, 2031).provisional
    assert "暂定" in screen.known_label.text()

    # a weekday marked "at work" without a reason changes nothing: said beside the name
    screen.day.setDate(QDate(2031, 9, 30))  # a Tuesday
    screen.kind.setCurrentIndex(1)
    screen.name.clear()
    screen.save_button.click()
    assert screen.errors["name"].isVisible() and "本来就是工作日" in screen.errors["name"].text()

    screen.day.setDate(QDate(2031, 10, 1))
    screen.kind.setCurrentIndex(0)
    screen.name.setText("国庆节")
    screen.save_button.click()
    assert not screen.errors["name"].isVisible()
    row = next(d for d in screen.current.days if d.day == date(2031, 10, 1))
    assert (row.kind_name, row.name, row.source_name) == ("放假", "国庆节", "本中心录入")
    assert "本中心已录入 1 天" in screen.known_label.text()
    with read_only(engine) as session:
        assert not load_calendar(session).is_workday(date(2031, 10, 1))

    # and removed again, after confirmation
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    screen.table.selectRow(screen.model.row_of(date(2031, 10, 1)))
    assert screen.remove_button.isEnabled()
    screen.remove_button.click()
    assert screen.current.entered == 0 and screen.current.days == ()


def test_only_the_admin_may_change_the_calendar(engine, users):
    with pytest.raises(PermissionDenied):
        set_override(engine, users["reception"], date(2031, 10, 1), False, "国庆节")


def test_a_day_typed_and_not_saved_comes_back_after_a_crash(app, qtbot, make_ctx, users, engine):
    """Nothing typed is lost: the one-line form keeps a draft until the day is saved."""
    def open_screen() -> HolidaysScreen:
        s = HolidaysScreen(make_ctx(users["admin"]))
        qtbot.addWidget(s)
        s.show()
        return s

    first = open_screen()
    first.year.setValue(2031)
    first.day.setDate(QDate(2031, 10, 8))
    first.kind.setCurrentIndex(0)
    first.name.setText("国庆节（延长）")
    first.draft.flush()
    # the crash: not saved

    again = open_screen()
    assert (again.day.date(), again.name.text(), again.year.value()) == (QDate(2031, 10, 8), "国庆节（延长）", 2031)
    assert "未保存的内容" in again.message.text()
    again.save_button.click()
    with read_only(engine) as session:
        assert not load_calendar(session).is_workday(date(2031, 10, 8))  # a Wednesday, now a holiday
    third = open_screen()
    assert third.name.text() == "" and "未保存" not in third.message.text()  # saved: the draft is gone
