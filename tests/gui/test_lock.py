"""Screen lock (issue 7.3): locks after the idle time, unlocks with the same user's
password, keeps whatever was typed underneath."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLineEdit

from core.uow import unit_of_work
from db.models import Setting
from desktop.lock import idle_lock_minutes
from desktop.main_window import MainWindow
from tests.conftest import TEST_PASSWORD


@pytest.fixture()
def window(app, qtbot, make_ctx, users):
    win = MainWindow(make_ctx(users["reception"]))
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.idle_lock.unlock()
    win.close()


def test_a_closed_window_does_not_lock(window, qtbot):
    lock = window.idle_lock
    window.close()  # as at logout: the window object lives on for a while
    lock.set_interval_ms(50)
    qtbot.wait(300)
    assert not lock.is_locked


def test_locks_after_idle_and_unlocks_with_the_password_keeping_typed_text(window, qtbot):
    search: QLineEdit = window.show_screen("cases").search
    search.setFocus()
    qtbot.keyClicks(search, "zhang san")
    lock = window.idle_lock
    lock.set_interval_ms(200)
    qtbot.waitUntil(lambda: lock.is_locked, timeout=5000)
    screen = lock.screen
    assert screen.isVisible() and screen.objectName() == "lock"
    # it covers the main window
    assert screen.geometry().contains(window.geometry().center())

    # input meant for the covered window is dropped
    qtbot.keyClicks(search, "xyz")
    assert search.text() == "zhang san"

    qtbot.keyClicks(screen.password, "wrong-password")
    qtbot.keyClick(screen.password, Qt.Key.Key_Return)
    assert lock.is_locked
    assert screen.error.isVisible() and "再错4次" in screen.error.text()
    assert screen.password.text() == ""

    qtbot.keyClicks(screen.password, TEST_PASSWORD)
    qtbot.keyClick(screen.password, Qt.Key.Key_Return)
    assert not lock.is_locked and not screen.isVisible()
    assert search.text() == "zhang san"
    qtbot.keyClicks(search, "!")
    assert search.text() == "zhang san!"
    # and it is armed again
    qtbot.waitUntil(lambda: lock.is_locked, timeout=5000)


def test_input_postpones_the_lock(window, qtbot):
    lock = window.idle_lock
    lock.set_interval_ms(600)
    for _ in range(8):
        qtbot.mouseMove(window.nav, QPoint(10, 10 + _))
        qtbot.keyClick(window.show_screen("cases").search, Qt.Key.Key_Shift)
        qtbot.wait(150)
        assert not lock.is_locked
    qtbot.waitUntil(lambda: lock.is_locked, timeout=5000)


def test_zero_minutes_never_locks_and_ctrl_shift_l_locks_at_once(window, qtbot):
    lock = window.idle_lock
    lock.set_minutes(0)
    assert lock.interval_ms == 0
    qtbot.wait(300)
    assert not lock.is_locked
    action = next(a for a in window.findChildren(QAction) if a.shortcut().toString() == "Ctrl+Shift+L")
    assert action.text() == "锁定屏幕"
    action.trigger()
    assert lock.is_locked and lock.screen.isVisible()


def test_switch_user_logs_out(window, qtbot):
    lock = window.idle_lock
    screen = lock.lock_now()
    with qtbot.waitSignal(window.logout_requested, timeout=2000):
        qtbot.mouseClick(screen.switch_button, Qt.MouseButton.LeftButton)
    assert window.logged_out and not lock.is_locked


def test_the_idle_minutes_come_from_the_settings(engine):
    assert idle_lock_minutes(engine) == 10
    with unit_of_work(engine) as session:
        session.merge(Setting(key="idle_lock_minutes", value="0.5"))
    assert idle_lock_minutes(engine) == 0.5
    with unit_of_work(engine) as session:
        session.merge(Setting(key="idle_lock_minutes", value="abc"))
    assert idle_lock_minutes(engine) == 10
