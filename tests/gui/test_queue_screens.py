"""取号叫号 and 叫号大屏 driven with qtbot: take a number, call, skip until missed, transfer,
start the intake, the display following the calls, printing the ticket."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from core import queue
from core.uow import unit_of_work
from db.engine import data_dir
from db.models import Setting
from desktop.screens.call_display import POLL_MS, CallDisplayScreen
from desktop.screens.queue import QueueScreen


@pytest.fixture()
def ctx(make_ctx, users):
    return make_ctx(users["reception"])


@pytest.fixture()
def screen(qtbot, ctx):
    s = QueueScreen(ctx)
    qtbot.addWidget(s)
    s.resize(1100, 740)
    s.show()
    s.window_combo.setCurrentText("2号窗口")
    idle(qtbot, s)
    yield s
    s.timer.stop()
    ctx.tasks.wait()


@pytest.fixture()
def display(qtbot, ctx):
    d = CallDisplayScreen(ctx)
    qtbot.addWidget(d)
    d.resize(1280, 800)
    d.show()
    qtbot.waitUntil(lambda: not d._polling)
    yield d
    d.timer.stop()
    ctx.tasks.wait()


def idle(qtbot, s: QueueScreen) -> None:
    """Wait until the action and the list refresh it triggered have come back."""
    qtbot.waitUntil(lambda: not s.busy and not s.polling, timeout=5000)
    s.ctx.tasks.wait()
    qtbot.waitUntil(lambda: not s.busy and not s.polling, timeout=5000)


def labels(s: QueueScreen) -> list[str]:
    return [r.label for r in s.model.rows()]


def row(s: QueueScreen, label: str):
    return next(r for r in s.model.rows() if r.label == label)


def test_take_a_number_it_is_listed_and_its_ticket_printed(qtbot, screen):
    button = screen.take_buttons["medical"]
    assert "医患" in button.text() and "F2" in button.text()
    with qtbot.waitSignal(screen.ticket_printed, timeout=15000) as printed:
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    idle(qtbot, screen)
    assert labels(screen) == ["医-001"]
    assert row(screen, "医-001").status_name == "等候中"
    assert "等候 1 人" in button.text()
    result = printed.args[0]
    assert result.label == "医-001" and result.sent_to == ""
    assert result.pdf_path.is_relative_to(data_dir() / "tickets")
    assert result.pdf_path.read_bytes().startswith(b"%PDF")
    assert not screen.preview.pixmap().isNull()  # the slip is shown beside the list
    assert "已取号 医-001（医患），前面 0 人等候。票据 医-001 已打印（PDF 已保存）" in screen.message.text()


def test_function_keys_take_numbers_for_their_service(qtbot, screen):
    screen.activateWindow()
    qtbot.waitUntil(screen.isActiveWindow)
    qtbot.keyClick(screen, Qt.Key.Key_F1)  # traffic: the first service
    idle(qtbot, screen)
    qtbot.keyClick(screen, Qt.Key.Key_F11)  # the general desk: the eleventh
    idle(qtbot, screen)
    assert sorted(labels(screen)) == ["交-001", "综-001"]


def test_call_next_and_the_display_shows_it_within_one_refresh(qtbot, screen, display, ctx):
    assert display.number_label.text() == "请取号等候"
    queue.take_ticket(ctx.engine, ctx.user, "traffic")
    screen.activateWindow()
    qtbot.waitUntil(screen.isActiveWindow)
    qtbot.keyClick(screen, Qt.Key.Key_F12)
    idle(qtbot, screen)
    assert screen.current is not None and screen.current.label == "交-001"
    assert screen.current_label.text() == "交-001"
    assert row(screen, "交-001").window == "2号窗口"
    # The display polls on its own timer: one refresh interval (plus the query) is enough.
    qtbot.waitUntil(lambda: display.number_label.text() == "交-001", timeout=POLL_MS + 2000)
    assert display.window_label.text() == "到 2号窗口 办理"
    assert display.service_label.text() == "交通事故纠纷人民调解委员会"
    assert display.flashing  # a new call while the display is up draws the eye


def test_the_display_lists_earlier_calls_and_the_waiting(qtbot, display, ctx):
    for code in ("medical", "medical", "labour"):
        queue.take_ticket(ctx.engine, ctx.user, code)
    queue.call_next(ctx.engine, ctx.user, "medical", "1号窗口")
    queue.call_next(ctx.engine, ctx.user, "labour", "3号窗口")
    display.refresh()
    qtbot.waitUntil(lambda: display.number_label.text() == "劳-001")
    first = display.recent_cells[0]
    assert (first[0].text(), first[1].text(), first[2].text()) == ("医-001", "1号窗口", "呼叫中")
    assert "医患 1 人" in display.waiting_label.text()
    assert "叫号3次未到视为过号" in display.rule_label.text()
    assert display.centre_label.text() == "衢州市衢江区专业调解中心"


def test_skip_n_times_makes_the_ticket_missed(qtbot, screen, ctx):
    with unit_of_work(ctx.engine) as session:
        session.merge(Setting(key="queue_missed_after_calls", value="2"))
    queue.take_ticket(ctx.engine, ctx.user, "labour")
    screen.refresh()
    idle(qtbot, screen)
    for call in (1, 2):
        qtbot.mouseClick(screen.call_button, Qt.MouseButton.LeftButton)
        idle(qtbot, screen)
        assert screen.current.call_count == call
        assert screen.skip_button.isEnabled()
        qtbot.mouseClick(screen.skip_button, Qt.MouseButton.LeftButton)
        idle(qtbot, screen)
    assert "作过号处理" in screen.message.text()
    assert labels(screen) == []  # only open tickets by default
    screen.show_closed.setChecked(True)
    assert row(screen, "劳-001").status == "missed"
    qtbot.mouseClick(screen.call_button, Qt.MouseButton.LeftButton)
    idle(qtbot, screen)
    assert "暂无等候" in screen.message.text()


def test_a_skipped_visitor_who_comes_back_is_recalled_from_the_list(qtbot, screen, ctx):
    queue.take_ticket(ctx.engine, ctx.user, "medical")
    queue.take_ticket(ctx.engine, ctx.user, "medical")
    screen.refresh()
    idle(qtbot, screen)
    qtbot.mouseClick(screen.call_button, Qt.MouseButton.LeftButton)
    idle(qtbot, screen)
    qtbot.mouseClick(screen.skip_button, Qt.MouseButton.LeftButton)
    idle(qtbot, screen)
    assert labels(screen) == ["医-002", "医-001"]  # behind the one not yet called
    screen.table.selectRow(1)
    assert screen.recall_button.isEnabled() and not screen.skip_button.isEnabled()
    qtbot.mouseClick(screen.recall_button, Qt.MouseButton.LeftButton)
    idle(qtbot, screen)
    assert (screen.current.label, screen.current.call_count) == ("医-001", 2)


def test_transfer_to_another_service(qtbot, screen, ctx):
    queue.take_ticket(ctx.engine, ctx.user, "general")
    queue.take_ticket(ctx.engine, ctx.user, "traffic")
    screen.refresh()
    idle(qtbot, screen)
    screen.scope_combo.setCurrentIndex(screen.scope_combo.findData("general"))
    qtbot.mouseClick(screen.call_button, Qt.MouseButton.LeftButton)
    idle(qtbot, screen)
    assert screen.current.label == "综-001"
    actions = {a.text(): a for a in screen.transfer_menu.actions()}
    with qtbot.waitSignal(screen.ticket_printed, timeout=15000) as printed:
        actions["交通事故"].trigger()
        idle(qtbot, screen)
    assert printed.args[0].label == "交-002"
    assert "综-001 已转至交通事故，新号 交-002" in screen.message.text()
    assert labels(screen) == ["交-002", "交-001"]  # keeps the earlier place in time
    assert row(screen, "交-002").note == "由 综-001 转入"
    assert screen.current is None


def test_a_transfer_note_fits_beside_the_scroll_bar_of_a_1280_pixel_window(qtbot, screen, ctx):
    """A maximised window on a 1280-pixel screen leaves the screen ≈ 1100 × 620 pixels: with a
    busy morning's queue the list scrolls, and the note column still shows a transfer's note
    whole (it was squeezed to an ellipsis); the short headers say in full what they mean."""
    from desktop.models.queue_table import Col

    for code in ("traffic", "medical", "labour", "land", "general") * 4:
        queue.take_ticket(ctx.engine, ctx.user, code)
    called = queue.call_next(ctx.engine, ctx.user, "medical", "1号窗口")
    queue.transfer(ctx.engine, ctx.user, called.id, "land")
    screen.resize(1100, 620)
    screen.refresh()
    idle(qtbot, screen)
    qtbot.waitUntil(lambda: screen.table.verticalScrollBar().isVisible())
    note = next(r.note for r in screen.model.rows() if r.note)
    assert note.startswith("由 医-001")
    header = screen.table.horizontalHeader()
    assert header.sectionSize(Col.NOTE) >= screen.table.fontMetrics().horizontalAdvance(note) + 8
    assert sum(header.sectionSize(c) for c in Col) <= screen.table.viewport().width()  # no sideways scrolling
    tips = {c: screen.model.headerData(c, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole) for c in Col}
    assert tips[Col.TAKEN] == "取号时间" and tips[Col.CALLS].startswith("已呼叫次数")


def test_start_intake_emits_the_ticket_with_its_prefill(qtbot, screen, ctx):
    queue.take_ticket(ctx.engine, ctx.user, "medical")
    screen.refresh()
    idle(qtbot, screen)
    qtbot.mouseClick(screen.call_button, Qt.MouseButton.LeftButton)
    idle(qtbot, screen)
    screen.activateWindow()
    qtbot.waitUntil(screen.isActiveWindow)
    with qtbot.waitSignal(screen.intake_requested, timeout=5000) as started:
        qtbot.keyClick(screen, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    ticket = started.args[0]
    assert (ticket.label, ticket.status) == ("医-001", "serving")
    assert (ticket.prefill.committee, ticket.prefill.ticket_id) == ("medical", ticket.id)
    idle(qtbot, screen)
    assert screen.current_label.text() == "医-001" and "办理中" in screen.current_info.text()
    qtbot.mouseClick(screen.finish_button, Qt.MouseButton.LeftButton)
    idle(qtbot, screen)
    assert screen.current is None and screen.current_label.text() == "空闲"


def test_errors_are_shown_beside_the_actions(qtbot, screen):
    screen.skip()
    assert screen.error.isVisible() and screen.error.text() == "只有正在呼叫的号可以过号"
    screen.window_combo.setCurrentText("")
    screen.call_next()
    assert screen.error.text() == "请先选择本机窗口"


def test_escpos_printer_from_the_setting(qtbot, screen, ctx):
    with unit_of_work(ctx.engine) as session:
        session.merge(Setting(key="ticket_printer", value="simulated"))
        session.merge(Setting(key="ticket_paper", value="58"))
    with qtbot.waitSignal(screen.ticket_printed, timeout=15000) as printed:
        screen.take("water")
    assert printed.args[0].sent_to == "模拟打印机"
    assert "模拟打印机" in screen.preview_info.text()
    idle(qtbot, screen)


def test_a_bad_printer_setting_keeps_the_number_and_says_why(qtbot, screen, ctx):
    with unit_of_work(ctx.engine) as session:
        session.merge(Setting(key="ticket_printer", value="escpos:usb:zz"))
    screen.take("water")
    qtbot.waitUntil(lambda: "票据未能打印" in screen.error.text(), timeout=15000)
    assert "票据打印机设置无法识别" in screen.error.text()
    idle(qtbot, screen)
    assert labels(screen) == ["水-001"]


def test_display_goes_full_screen_on_the_second_screen(qtbot, display, ctx):
    embedded = CallDisplayScreen(ctx)
    holder = QApplication.activeWindow() or display
    embedded.setParent(holder)
    shown = embedded.show_full_screen_on_second_screen()
    assert shown is not embedded and shown.parentWidget() is None
    assert shown.isFullScreen() and shown.full_screen_button.isHidden()
    assert embedded.show_full_screen_on_second_screen() is shown  # reused, not a second one
    assert display.show_full_screen_on_second_screen() is display  # a top-level display moves itself
    shown.close()
    embedded.timer.stop()
    shown.timer.stop()
    ctx.tasks.wait()


def test_the_queue_counts_calls_in_the_singular_and_the_plural_in_english(english, qtbot, screen, ctx):
    """Missed after three calls (the default): the current ticket's panel, the list's tooltip and
    the messages say "2 more calls", then "1 more call", "1 call left", "after 3 calls"."""
    queue.take_ticket(ctx.engine, ctx.user, "labour")
    screen.refresh()
    idle(qtbot, screen)

    def press(button) -> None:
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        idle(qtbot, screen)

    press(screen.call_button)
    assert screen.current_info.text().endswith("\nMissed after 2 more calls")
    tip = screen.model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert tip.splitlines()[-1] == "Calls so far: 1; missed after 2 more calls"
    press(screen.recall_button)
    assert screen.current_info.text().endswith("\nMissed after 1 more call")
    press(screen.skip_button)
    assert screen.message.text().endswith("  劳-001 is not here yet; back in the queue (1 call left).")
    screen.table.selectRow(0)
    press(screen.recall_button)
    press(screen.skip_button)
    assert screen.message.text().endswith("  劳-001 did not come after 3 calls and is marked missed.")
