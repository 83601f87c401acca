"""案件列表: every case, filtered and sorted, loaded page by page; reloaded in place (same
selection, same scroll position, the search box untouched) when another PC changes a case."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, QDate, QItemSelectionModel, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from core.cases import CaseFilter, count_cases, fetch_cases, scoped
from core.uow import read_only
from desktop.context import AppContext
from desktop.models.case_table import PAGE_SIZE, CaseTableModel, Col
from desktop.vocab import CASE_STATUSES, COMMITTEE_SHORT, DISPUTE_TYPES


class CasesScreen(QWidget):
    title = "案件列表"
    live_topics = ("cases",)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("cases")
        self.ctx = ctx
        self._filter = CaseFilter()
        self._count_generation = 0
        self._stale = False  # a case changed elsewhere while this screen was hidden

        self.search = QLineEdit(placeholderText=self.tr("案号、当事人姓名或案情关键词（Ctrl+F）"))
        # core.cases.SUMMARY_MIN_CHARS: a single character would match nearly every summary.
        self.search.setToolTip(self.tr("案号和当事人姓名按任意字查找；案情关键词至少两个字"))
        self.search.setClearButtonEnabled(True)
        self.committee = _combo(self.tr("全部委员会"), COMMITTEE_SHORT)
        self.status = _combo(self.tr("全部状态"), CASE_STATUSES)
        self.dispute_type = _combo(self.tr("全部类型"), {k: f"{k} {v}" for k, v in DISPUTE_TYPES.items()})
        self.date_from = _date_edit(self.tr("起始日期"))
        self.date_to = _date_edit(self.tr("截止日期"))
        self.count_label = QLabel()
        self.count_label.setObjectName("countLabel")

        filters = QHBoxLayout()
        filters.addWidget(self.search, 3)
        for w in (self.committee, self.status, self.dispute_type):
            filters.addWidget(w, 1)
        filters.addWidget(QLabel(self.tr("登记日期")))
        filters.addWidget(self.date_from)
        filters.addWidget(QLabel("—"))
        filters.addWidget(self.date_to)

        self.model = CaseTableModel(self._load_page, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicator(Col.RECEIVED, Qt.SortOrder.DescendingOrder)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(28)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        # The coded columns are as wide as their longest label in the UI's language (English
        # committee names are three times the Chinese), within reason.
        metrics = self.table.fontMetrics()

        def fits(labels, least: int, most: int) -> int:
            return min(max(least, max(metrics.horizontalAdvance(t) for t in labels) + 16), most)

        for col, width in {Col.NUMBER: 250, Col.COMMITTEE: fits(COMMITTEE_SHORT.values(), 80, 140),
                           Col.DISPUTE_TYPE: fits(DISPUTE_TYPES.values(), 100, 150), Col.PARTIES: 260,
                           Col.RECEIVED: 100, Col.STATUS: fits(CASE_STATUSES.values(), 80, 110), Col.MEDIATOR: 80,
                           Col.AMOUNT: 120}.items():
            self.table.setColumnWidth(col, width)
        header.setSectionResizeMode(Col.PARTIES, QHeaderView.ResizeMode.Stretch)

        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count_label)

        # Typing waits for a pause before querying; the combos apply at once.
        self._debounce = QTimer(self, singleShot=True, interval=250)
        self._debounce.timeout.connect(self.apply_filters)
        self.search.textChanged.connect(self._debounce.start)
        for combo in (self.committee, self.status, self.dispute_type):
            combo.currentIndexChanged.connect(self.apply_filters)
        for edit in (self.date_from, self.date_to):
            edit.dateChanged.connect(self.apply_filters)
        QShortcut(QKeySequence.StandardKey.Find, self, activated=self.search.setFocus)
        QShortcut(QKeySequence(Qt.Key.Key_F5), self, activated=self.refresh)

        self.setTabOrder(self.search, self.committee)
        self.setTabOrder(self.committee, self.status)
        self.setTabOrder(self.status, self.dispute_type)
        self.setTabOrder(self.dispute_type, self.date_from)
        self.setTabOrder(self.date_from, self.date_to)
        self.setTabOrder(self.date_to, self.table)
        self.refresh()

    # -- data ------------------------------------------------------------------------
    def _load_page(self, offset: int, limit: int, sort: str, descending: bool):
        with read_only(self.ctx.engine) as session:
            return fetch_cases(session, self._filter, offset=offset, limit=limit, sort=sort,
                               descending=descending)

    def current_filter(self) -> CaseFilter:
        return scoped(
            self.ctx.user,
            CaseFilter(
                committee=self.committee.currentData(),
                status=self.status.currentData(),
                dispute_type=self.dispute_type.currentData(),
                received_from=_date_of(self.date_from),
                received_to=_date_of(self.date_to),
                text=self.search.text(),
            ),
        )

    def apply_filters(self) -> None:
        self._debounce.stop()  # a pending search is included now
        self.refresh()

    def refresh(self) -> None:
        self._filter = self.current_filter()
        self._count_generation += 1
        generation = self._count_generation
        if self._filter.text.strip():
            # Text search reads summaries and names: never on the GUI thread.
            self.count_label.setText(self.tr("正在查找…"))
            sort, descending = self.model.sort_key
            self.ctx.tasks.run(
                self._load_page, 0, PAGE_SIZE, sort, descending,
                on_done=lambda rows: self._show_first_page(generation, rows),
            )
            return
        self.model.reset()
        self._after_first_page(generation)

    # -- live updates (desktop.live_updates) -------------------------------------------
    def live_changed(self, _topic: str) -> None:
        if self.isVisible():
            self.reload_in_place()
        else:
            self._stale = True

    def showEvent(self, event) -> None:  # noqa: N802 — Qt API
        super().showEvent(event)
        if self._stale:
            self._stale = False
            self.reload_in_place()

    def reload_in_place(self) -> None:
        """Fetch the rows shown so far again (off the GUI thread) with the filter in force,
        then put them back keeping the selected case and the scroll position."""
        self._count_generation += 1
        generation = self._count_generation
        f, (sort, descending) = self._filter, self.model.sort_key
        limit = max(PAGE_SIZE, self.model.rowCount())
        engine = self.ctx.engine

        def load():
            with read_only(engine) as session:
                return fetch_cases(session, f, offset=0, limit=limit, sort=sort, descending=descending)

        def done(rows) -> None:
            if generation != self._count_generation:
                return
            selection = self.table.selectionModel()
            index = next(iter(selection.selectedRows()), None) or selection.currentIndex()
            number = self.model.row_at(index.row()).number if index.isValid() else None
            column = max(0, selection.currentIndex().column())
            scroll = self.table.verticalScrollBar().value()
            self.model.reset(rows)
            if number is not None:
                row = next((i for i, r in enumerate(rows) if r.number == number), -1)
                if row >= 0:
                    self.table.selectionModel().setCurrentIndex(
                        self.model.index(row, column),
                        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
            self.table.verticalScrollBar().setValue(scroll)
            self._after_first_page(generation)

        self.ctx.tasks.run(load, on_done=done)

    def _show_first_page(self, generation: int, rows) -> None:
        if generation == self._count_generation:
            self.model.reset(rows)
            self._after_first_page(generation)

    def _after_first_page(self, generation: int) -> None:
        shown = self.model.rowCount()
        if shown < PAGE_SIZE:
            self.count_label.setText(self.tr("共 %1 件").replace("%1", f"{shown:,}"))
            return
        self.count_label.setText(self.tr("正在统计…"))
        f = self._filter

        def count() -> int:
            with read_only(self.ctx.engine) as session:
                return count_cases(session, f)

        def show(total: int) -> None:
            if generation == self._count_generation:
                self.count_label.setText(self.tr("共 %1 件").replace("%1", f"{total:,}"))

        self.ctx.tasks.run(count, on_done=show)


def _combo(all_label: str, items: dict[str, str]) -> QComboBox:
    combo = QComboBox()
    combo.addItem(all_label, None)
    for code, label in items.items():
        combo.addItem(label, code)
    return combo


def _date_edit(placeholder: str) -> QDateEdit:
    edit = QDateEdit()
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setSpecialValueText(placeholder)  # shown at the minimum date: "no limit"
    edit.setMinimumDate(QDate(2000, 1, 1))
    edit.setDate(edit.minimumDate())
    edit.setToolTip(QCoreApplication.translate("CasesScreen", "%1（清空：选最早日期）").replace("%1", placeholder))
    return edit


def _date_of(edit: QDateEdit) -> date | None:
    if edit.date() == edit.minimumDate():
        return None
    return edit.date().toPython()
