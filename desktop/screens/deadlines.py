"""期限提醒: cases whose mediation deadline has passed or ends within ``deadline_warn_days``
(mediators: their committees' cases; the director: all), and instalments past their due day
with the payer's contact. Provisional deadlines are marked "（暂定）". Enter opens the case."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from core.auth import can
from core.case_deadlines import deadline_lists, warn_days_setting
from core.fulfilment import overdue_instalments
from core.uow import read_only
from desktop.context import AppContext
from desktop.models.mediation_tables import DeadlineTableModel, OverdueInstalmentTableModel
from desktop.screens.case_detail import open_case
from desktop.screens.my_cases import LEGEND
from desktop.widgets.mediation_forms import hint


def _table(model) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(26)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.horizontalHeader().setStretchLastSection(True)
    return view


class DeadlinesScreen(QWidget):
    title = "期限提醒"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("deadlines")
        self.ctx = ctx
        self.today = date.today()
        self._generation = 0
        self.show_money = can(ctx.user, "agreements") or can(ctx.user, "cases.read_all")

        self.heading = QLabel()
        self.heading.setStyleSheet("font-weight: bold; color: #1f3a5f; font-size: 11pt;")
        self.overdue_model = DeadlineTableModel(self)
        self.due_soon_model = DeadlineTableModel(self)
        self.money_model = OverdueInstalmentTableModel(self)
        self.overdue_view = _table(self.overdue_model)
        self.due_soon_view = _table(self.due_soon_model)
        self.money_view = _table(self.money_model)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.overdue_view, "")
        self.tabs.addTab(self.due_soon_view, "")
        if self.show_money:
            self.tabs.addTab(self.money_view, "")
        for view in (self.overdue_view, self.due_soon_view, self.money_view):
            view.activated.connect(lambda index, v=view: self._open(v, index))

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(hint(QCoreApplication.translate("DeadlineLegend", LEGEND)))
        QShortcut(QKeySequence(Qt.Key.Key_F5), self, activated=self.refresh)
        for i in range(self.tabs.count()):
            QShortcut(QKeySequence(f"Alt+{i + 1}"), self, activated=lambda i=i: self.tabs.setCurrentIndex(i))
        self.refresh()

    def refresh(self) -> None:
        self._generation += 1
        generation = self._generation
        engine, user, today, money = self.ctx.engine, self.ctx.user, self.today, self.show_money
        self.heading.setText(self.tr("正在读取…"))

        def load():
            due_soon, overdue = deadline_lists(engine, user, today)
            unpaid = overdue_instalments(engine, user, today) if money else []
            with read_only(engine) as session:
                warn = warn_days_setting(session)
            return due_soon, overdue, unpaid, warn

        def show(result) -> None:
            if generation != self._generation:
                return
            due_soon, overdue, unpaid, warn = result
            self.overdue_model.set_rows(overdue)
            self.due_soon_model.set_rows(due_soon)
            self.money_model.set_rows(unpaid)
            self.tabs.setTabText(0, self.tr("已逾期（%1）").replace("%1", str(len(overdue))))
            self.tabs.setTabText(1, self.tr("即将到期（%1）").replace("%1", str(len(due_soon))))
            if self.show_money:
                self.tabs.setTabText(2, self.tr("逾期未付款项（%1）").replace("%1", str(len(unpaid))))
            scope = (self.tr("本委员会") if user.role == "mediator" else self.tr("全中心"))
            self.heading.setText(self.tr("%1调解期限：已逾期 %2 件，%n日内到期 %3 件（截至 %4）", "", warn)
                                 .replace("%1", scope).replace("%2", str(len(overdue)))
                                 .replace("%3", str(len(due_soon))).replace("%4", today.isoformat()))
            if overdue:
                self.overdue_view.selectRow(0)
            if due_soon:
                self.due_soon_view.selectRow(0)
            if not overdue and due_soon:
                self.tabs.setCurrentIndex(1)
            elif not overdue and not due_soon and unpaid:
                self.tabs.setCurrentIndex(2)

        self.ctx.tasks.run(load, on_done=show)

    def _open(self, view: QTableView, index) -> None:
        if index.isValid():
            open_case(self, self.ctx, view.model().row_at(index.row()).case_id)
