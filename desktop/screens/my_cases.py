"""我的案件: the mediator's open cases (registered ones waiting to be accepted, accepted,
mediating) with their deadline — due date, what is left, "（暂定）" when the count runs into a
year whose holidays are not known — status and next appointment, the most urgent first.
Enter opens the case."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QSortFilterProxyModel, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from core.case_deadlines import open_case_rows
from desktop.context import AppContext
from desktop.models.mediation_tables import DeadlineTableModel
from desktop.screens.case_detail import open_case
from desktop.widgets.mediation_forms import hint

LEGEND = QT_TRANSLATE_NOOP("DeadlineLegend", "红色：已逾期　橙色：即将到期　灰色：鉴定期间暂停计算　（暂定）：期限跨入节假日安排尚未公布的年份，按周末和法定节假日推算")


class MyCasesScreen(QWidget):
    title = "我的案件"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("my_cases")
        self.ctx = ctx
        self.today = date.today()
        self._generation = 0

        self.only_mine = QCheckBox(self.tr("只看我承办的（含本委员会待受理案件）"))
        self.only_mine.setChecked(ctx.user.role == "mediator")
        self.only_mine.setVisible(ctx.user.role == "mediator")
        self.only_mine.toggled.connect(self.refresh)
        self.search = QLineEdit(placeholderText=self.tr("在列表中查找：案号、当事人（Ctrl+F）"))
        self.search.setClearButtonEnabled(True)
        self.count_label = QLabel(objectName="countLabel")

        self.model = DeadlineTableModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterKeyColumn(-1)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.search.textChanged.connect(self._filter)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(28)
        header = self.table.horizontalHeader()
        # A mediator has tens of open cases, not thousands: columns fit their contents and the
        # parties take the rest.
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.activated.connect(self._open)

        filters = QHBoxLayout()
        filters.addWidget(self.search, 2)
        filters.addWidget(self.only_mine)
        filters.addStretch(1)
        filters.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(hint(QCoreApplication.translate("DeadlineLegend", LEGEND)))

        QShortcut(QKeySequence.StandardKey.Find, self, activated=self.search.setFocus)
        QShortcut(QKeySequence(Qt.Key.Key_F5), self, activated=self.refresh)
        self.setTabOrder(self.search, self.only_mine)
        self.setTabOrder(self.only_mine, self.table)
        self.refresh()

    def refresh(self) -> None:
        self._generation += 1
        generation = self._generation
        engine, user, today, mine = self.ctx.engine, self.ctx.user, self.today, self.only_mine.isChecked()
        self.count_label.setText(self.tr("正在读取…"))

        def show(rows) -> None:
            if generation != self._generation:
                return
            self.model.set_rows(rows)
            self._count()
            if rows and not self.table.currentIndex().isValid():
                self.table.selectRow(0)

        self.ctx.tasks.run(lambda: open_case_rows(engine, user, today, only_mine=mine), on_done=show)

    def _filter(self, text: str) -> None:
        self.proxy.setFilterFixedString(text.strip())
        self._count()

    def _count(self) -> None:
        rows = self.model.rows()
        late = sum(1 for r in rows if r.flag == "overdue")
        soon = sum(1 for r in rows if r.flag == "due_soon")
        self.count_label.setText(self.tr("共 %n 件，逾期 %1 件，即将到期 %2 件", "", self.proxy.rowCount())
                                 .replace("%1", str(late)).replace("%2", str(soon)))

    def selected_row(self):
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        return self.model.row_at(self.proxy.mapToSource(index).row())

    def _open(self, _index=None) -> None:
        row = self.selected_row()
        if row is not None:
            open_case(self, self.ctx, row.case_id)
