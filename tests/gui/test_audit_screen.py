"""审计日志 screen: filters, paging as the view scrolls, before/after side by side."""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import QDate, Qt

from core.audit_view import PAGE_SIZE
from core.uow import unit_of_work
from db.models import AuditEntry
from desktop.screens.audit import AuditScreen, Col


def add_entries(engine, n: int = 0) -> None:
    start = datetime(2026, 9, 1, 8, 0)
    with unit_of_work(engine) as session:
        for i in range(n):
            session.add(AuditEntry(at=start + timedelta(minutes=i), username="qiantai", action="queue.take",
                                   entity="queue_ticket", entity_id=i, after={"number": f"A{i:03d}"},
                                   workstation="PC-1"))
        session.add(AuditEntry(at=datetime(2026, 10, 2, 14, 0), username="tiaojieyuan", action="case.update",
                               entity="case", entity_id=7, before={"status": "registered", "summary": "漏水"},
                               after={"status": "mediating", "summary": "漏水"}, detail="开始调解",
                               workstation="PC-2"))


def make_screen(qtbot, make_ctx, user) -> AuditScreen:
    screen = AuditScreen(make_ctx(user))
    qtbot.addWidget(screen)
    screen.resize(1200, 700)
    screen.show()
    return screen


def test_filters_and_the_before_after_pane(app, qtbot, engine, users, make_ctx):
    add_entries(engine, n=3)
    screen = make_screen(qtbot, make_ctx, users["admin"])
    assert screen.objectName() == "audit"
    assert screen.model.rowCount() >= 4  # plus the entries made when the test accounts were created
    times = [screen.model.row_at(r).at for r in range(screen.model.rowCount())]
    assert times == sorted(times, reverse=True)  # newest first

    screen.user.setCurrentIndex(screen.user.findData("tiaojieyuan"))
    assert [screen.model.row_at(r).action for r in range(screen.model.rowCount())] == ["case.update"]
    screen.user.setCurrentIndex(0)

    screen.action.setCurrentIndex(screen.action.findData("queue"))
    assert screen.model.rowCount() == 3
    screen.action.setCurrentIndex(0)

    screen.text.setText("开始")
    screen.apply_filters()
    assert screen.model.rowCount() == 1
    screen.table.selectRow(0)
    assert "registered" in screen.before.toPlainText() and "mediating" in screen.after.toPlainText()
    assert "漏水" in screen.before.toPlainText()  # Chinese shown as Chinese, not \u escapes
    assert "status" in screen.changed.text() and "summary" not in screen.changed.text()
    assert "开始调解" in screen.detail_title.text() and "案件 #7" in screen.detail_title.text()
    assert screen.before.isReadOnly()

    screen.text.clear()
    screen.entity.setCurrentIndex(screen.entity.findData("queue_ticket"))
    screen.entity_id.setText("2")
    screen.apply_filters()
    assert screen.model.rowCount() == 1 and screen.model.row_at(0).entity_id == 2


def test_date_range_and_a_reversed_range_is_explained(app, qtbot, engine, users, make_ctx):
    add_entries(engine, n=2)
    screen = make_screen(qtbot, make_ctx, users["director"])
    screen.date_from.setDate(QDate(2026, 10, 2))
    screen.date_to.setDate(QDate(2026, 10, 2))
    assert [screen.model.row_at(r).action for r in range(screen.model.rowCount())] == ["case.update"]
    screen.date_from.setDate(QDate(2026, 10, 3))
    assert screen.error.isVisible() and "起始日期" in screen.error.text()
    assert screen.model.rowCount() == 0


def test_pages_are_fetched_as_the_view_scrolls(app, qtbot, engine, users, make_ctx):
    add_entries(engine, n=PAGE_SIZE + 50)
    screen = make_screen(qtbot, make_ctx, users["admin"])
    screen.action.setCurrentIndex(screen.action.findData("queue"))
    assert screen.model.rowCount() == PAGE_SIZE
    assert screen.model.canFetchMore()
    qtbot.waitUntil(lambda: screen.count_label.text() == f"共 {PAGE_SIZE + 50} 条", timeout=5000)
    screen.table.scrollToBottom()
    qtbot.waitUntil(lambda: screen.model.rowCount() == PAGE_SIZE + 50, timeout=5000)
    assert not screen.model.canFetchMore()
    assert screen.model.data(screen.model.index(0, Col.AT)) == "2026-09-01 12:09:00"
    assert screen.model.data(screen.model.index(0, Col.GROUP)) == "取号叫号"
    assert screen.model.data(screen.model.index(0, Col.AT), Qt.ItemDataRole.UserRole).entity_id == PAGE_SIZE + 49


def test_reception_gets_the_refusal_not_the_log(app, qtbot, engine, users, make_ctx):
    add_entries(engine)
    screen = make_screen(qtbot, make_ctx, users["reception"])
    assert screen.model.rowCount() == 0
    assert screen.error.isVisible() and "无权" in screen.error.text()
