"""统计报表 and 统计明细: clicking a number (a table cell, a card, a bar) lists exactly the cases
behind it; exports run off the GUI thread."""

from __future__ import annotations

from datetime import date

import openpyxl
import pytest
from PySide6.QtCore import QDate, QPoint, Qt

from desktop.main_window import MainWindow
from desktop.screens.stats import StatsScreen
from desktop.screens.stats_drilldown import DrillSpec, StatsDrilldownScreen
from tests.integration.test_stats import DRILL_EXPECTED, build_dataset


@pytest.fixture()
def data(engine):
    return build_dataset(engine)


@pytest.fixture()
def window(qtbot, make_ctx, users, data):
    win = MainWindow(make_ctx(users["director"]), centre_name="衢州市衢江区专业调解中心")
    qtbot.addWidget(win)
    win.resize(1280, 800)
    win.show()
    return win


def _october(qtbot, screen: StatsScreen) -> StatsScreen:
    screen.month.setDate(QDate(2026, 10, 1))
    qtbot.waitUntil(lambda: screen.data is not None and (screen.data.year, screen.data.month) == (2026, 10),
                    timeout=60000)
    return screen


def _stats_screen(qtbot, window) -> StatsScreen:
    return _october(qtbot, window.show_screen("stats"))


def _drilldown(qtbot, window) -> StatsDrilldownScreen:
    screen = window.current_screen()
    assert isinstance(screen, StatsDrilldownScreen)
    return screen


def _click_cell(qtbot, view, row_label: str, figure: str) -> None:
    model = view.model()
    row = next(i for i, r in enumerate(model.rows) if r.label == row_label)
    column = next(c for c in range(model.columnCount()) if model.figure_at(c) == figure)
    index = model.index(row, column)
    view.scrollTo(index)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center())


def test_clicking_a_committee_cell_lists_exactly_those_cases(qtbot, window, data):
    screen = _stats_screen(qtbot, window)
    assert screen.cards["received"].value.text() == "6"
    _click_cell(qtbot, screen.committee_table, "劳动保障", "received")
    drill = _drilldown(qtbot, window)
    assert set(drill.case_numbers()) == data.cases("C5", "C6", "C12")
    assert drill.count_label.text() == "共 3 件"
    assert drill.heading.text() == "2026年10月 · 受理 · 劳动保障"
    assert drill.figure.currentData() == "received" and drill.committee.currentData() == "labour"


@pytest.mark.parametrize(("row", "figure", "expected"), [
    ("合计", "overdue", DRILL_EXPECTED["overdue"]),
    ("合计", "fulfilment_rate", ("C1", "C8")),  # a rate opens its denominator
    ("交通事故", "amount_agreed", ("C1", "C2")),
    ("综合", "ratings", ("C8",)),
])
def test_every_number_opens_its_cases(qtbot, window, data, row, figure, expected):
    screen = _stats_screen(qtbot, window)
    _click_cell(qtbot, screen.committee_table, row, figure)
    assert set(_drilldown(qtbot, window).case_numbers()) == data.cases(*expected)


def test_cards_type_and_mediator_tabs(qtbot, window, data):
    screen = _stats_screen(qtbot, window)
    qtbot.mouseClick(screen.cards["successful"], Qt.MouseButton.LeftButton)
    assert set(_drilldown(qtbot, window).case_numbers()) == data.cases("C1", "C2")

    window.show_screen("stats")
    screen.tabs.setCurrentIndex(1)
    _click_cell(qtbot, screen.type_table, "99 其他", "overdue")
    assert set(_drilldown(qtbot, window).case_numbers()) == data.cases("C10")

    window.show_screen("stats")
    screen.tabs.setCurrentIndex(3)
    _click_cell(qtbot, screen.mediator_table, "戊调解", "sessions")  # held a session on C7
    drill = _drilldown(qtbot, window)
    assert set(drill.case_numbers()) == data.cases("C7")
    assert "戊调解" in drill.heading.text()


def test_clicking_a_bar(qtbot, window, data):
    screen = _stats_screen(qtbot, window)
    chart = screen.committee_chart
    chart.repaint()
    rect = next(r for r, category, series in chart._bars if category == 0 and series == 1)  # traffic, 调解成功
    qtbot.mouseClick(chart, Qt.MouseButton.LeftButton, pos=QPoint(int(rect.center().x()), int(rect.bottom() - 2)))
    assert set(_drilldown(qtbot, window).case_numbers()) == data.cases("C1", "C2")


def test_queue_figures_do_not_pretend_to_have_cases(qtbot, window):
    screen = _stats_screen(qtbot, window)
    _click_cell(qtbot, screen.committee_table, "合计", "queue_tickets")
    assert window.current_screen() is screen
    assert "不对应具体案件" in screen.status.text()


def test_screen_outside_the_main_window_opens_its_own_window(qtbot, make_ctx, users, data):
    screen = StatsScreen(make_ctx(users["director"]))
    qtbot.addWidget(screen)
    _october(qtbot, screen)
    drill = screen.open_drilldown(screen.spec_for("refused"))
    assert isinstance(drill, StatsDrilldownScreen) and drill.window() is not screen.window()
    assert set(drill.case_numbers()) == data.cases("C6")


def test_drilldown_from_the_navigation_and_its_pickers(qtbot, window, data):
    drill = window.show_screen("stats_drilldown")
    today = date.today()
    assert (drill.spec.date_from, drill.spec.figure) == (date(today.year, today.month, 1), "received")
    drill.show_spec(DrillSpec.month(2026, 10, "accepted"))
    assert set(drill.case_numbers()) == data.cases(*DRILL_EXPECTED["accepted"])
    drill.figure.setCurrentIndex(drill.figure.findData("successful_oral"))
    assert set(drill.case_numbers()) == data.cases("C2")
    drill.mediator.setCurrentIndex(drill.mediator.findData(data.mediators["D"]))
    drill.figure.setCurrentIndex(drill.figure.findData("agreements_due"))
    assert set(drill.case_numbers()) == data.cases("C8")
    drill.month.setDate(QDate(2026, 9, 1))
    drill.mediator.setCurrentIndex(0)
    drill.figure.setCurrentIndex(drill.figure.findData("judicial_confirmed"))
    assert set(drill.case_numbers()) == data.cases("C8")


def test_exports_run_in_the_background(qtbot, window, tmp_path):
    screen = _stats_screen(qtbot, window)
    pdf, xlsx = tmp_path / "月报.pdf", tmp_path / "月报.xlsx"
    screen.export_pdf(pdf)
    qtbot.waitUntil(lambda: screen.pdf_button.isEnabled(), timeout=120000)
    assert pdf.read_bytes()[:5] == b"%PDF-" and str(pdf) in screen.status.text()
    screen.export_xlsx(xlsx)
    qtbot.waitUntil(lambda: screen.xlsx_button.isEnabled(), timeout=60000)
    assert openpyxl.load_workbook(xlsx)["汇总"].cell(5, 2).value == 6  # 受理, October


def test_reception_has_no_statistics(qtbot, make_ctx, users):
    win = MainWindow(make_ctx(users["reception"]))
    qtbot.addWidget(win)
    assert win.show_screen("stats") is None and win.show_screen("stats_drilldown") is None


@pytest.mark.parametrize("size", [(1366, 705), (1920, 1080)])
def test_the_committee_table_shows_every_row_and_the_total(qtbot, window, size):
    """In a maximised window on a 1366×768 screen (≈ 705 pixels under the taskbar; common at the
    centre's desks) the total row was cut off; on a large screen the table had empty space below
    it. Now it is as high as its rows and the charts take the rest; a smaller window still fits
    (the table scrolls then, the window does not grow taller than the screen)."""
    window.resize(*size)
    screen = _stats_screen(qtbot, window)
    qtbot.wait(50)  # the layout after the rows arrived
    _every_row_shown(window, screen)
    window.resize(1366, 600)
    qtbot.waitUntil(lambda: window.height() == 600)
    assert screen.committee_table.verticalScrollBar().maximum() > 0


def _every_row_shown(window, screen: StatsScreen) -> None:
    view = screen.committee_table
    last = view.model().rowCount() - 1
    assert view.model().rows[last].label in ("合计", "Total")
    assert view.rowViewportPosition(0) == 0
    bottom = view.rowViewportPosition(last) + view.rowHeight(last)
    assert bottom <= view.viewport().height() < bottom + view.rowHeight(last)  # all rows, no empty row's room
    assert view.verticalScrollBar().maximum() == 0
    chart = screen.committee_chart
    assert chart.height() >= chart.minimumHeight()
    assert chart.mapTo(window, chart.rect().bottomLeft()).y() <= window.centralWidget().geometry().bottom()


def test_in_english_too_the_committee_table_shows_its_total_on_a_1366_by_768_screen(qtbot, english, window):
    """English texts are longer: the comparison line beside the buttons wrapped to three lines
    and a card's title to two, and the total row was cut off. The current month (the longest
    comparison line, "Up to day 23; vs …") is what the director sees first."""
    window.resize(1366, 705)
    screen = window.show_screen("stats")
    qtbot.waitUntil(lambda: screen.data is not None, timeout=60000)
    qtbot.wait(50)
    assert screen.status.text().startswith("Up to day ")
    assert screen.tabs.tabText(0) == "By committee"
    _every_row_shown(window, screen)
