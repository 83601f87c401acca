"""The case list's table model: keeps the rows fetched so far and asks for the next page
only when the view scrolls near the end (canFetchMore/fetchMore). ``data()`` never
touches the database."""

from __future__ import annotations

from collections.abc import Callable
from enum import IntEnum

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from core.cases import CaseRow
from desktop.vocab import tr_code

PAGE_SIZE = 200


class Col(IntEnum):
    NUMBER = 0
    COMMITTEE = 1
    DISPUTE_TYPE = 2
    PARTIES = 3
    RECEIVED = 4
    STATUS = 5
    MEDIATOR = 6
    AMOUNT = 7


HEADERS = {
    Col.NUMBER: QT_TRANSLATE_NOOP("CaseTableModel", "案号"),
    Col.COMMITTEE: QT_TRANSLATE_NOOP("CaseTableModel", "委员会"),
    Col.DISPUTE_TYPE: QT_TRANSLATE_NOOP("CaseTableModel", "纠纷类型"),
    Col.PARTIES: QT_TRANSLATE_NOOP("CaseTableModel", "当事人"),
    Col.RECEIVED: QT_TRANSLATE_NOOP("CaseTableModel", "登记日期"),
    Col.STATUS: QT_TRANSLATE_NOOP("CaseTableModel", "状态"),
    Col.MEDIATOR: QT_TRANSLATE_NOOP("CaseTableModel", "调解员"),
    Col.AMOUNT: QT_TRANSLATE_NOOP("CaseTableModel", "涉案金额（元）"),
}

# Which core sort key each column sorts by (None: not sortable).
SORT_KEYS = {
    Col.NUMBER: "number",
    Col.COMMITTEE: "committee",
    Col.DISPUTE_TYPE: "dispute_type",
    Col.RECEIVED: "received",
    Col.STATUS: "status",
    Col.AMOUNT: "amount",
}

PageLoader = Callable[[int, int, str, bool], list[CaseRow]]


class CaseTableModel(QAbstractTableModel):
    def __init__(self, load_page: PageLoader, parent=None) -> None:
        super().__init__(parent)
        self._load_page = load_page
        self._rows: list[CaseRow] = []
        self._exhausted = True
        self._sort = "received"
        self._descending = True
        self._loaded = False  # until the first reset(): the view's sort set-up only records the key

    # -- loading -------------------------------------------------------------------
    def reset(self, first_page: list[CaseRow] | None = None) -> None:
        """Start again from the first page (after a filter or sort change)."""
        self.beginResetModel()
        self._rows = first_page if first_page is not None else self._load_page(0, PAGE_SIZE, self._sort, self._descending)
        self._exhausted = len(self._rows) < PAGE_SIZE
        self._loaded = True
        self.endResetModel()

    def canFetchMore(self, parent=QModelIndex()) -> bool:  # noqa: B008 — Qt signature
        return not parent.isValid() and not self._exhausted

    def fetchMore(self, parent=QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or self._exhausted:
            return
        page = self._load_page(len(self._rows), PAGE_SIZE, self._sort, self._descending)
        self._exhausted = len(page) < PAGE_SIZE
        if page:
            start = len(self._rows)
            self.beginInsertRows(QModelIndex(), start, start + len(page) - 1)
            self._rows.extend(page)
            self.endInsertRows()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = SORT_KEYS.get(Col(column))
        if key is None:
            return
        descending = order == Qt.SortOrder.DescendingOrder
        if (key, descending) == (self._sort, self._descending) and self._loaded:
            return
        self._sort, self._descending = key, descending
        # setSortingEnabled() and setSortIndicator() sort while the screen is being built: one
        # query of a million-row table each, for a page nobody sees — the first reset() loads.
        if self._loaded:
            self.reset()

    @property
    def sort_key(self) -> tuple[str, bool]:
        return self._sort, self._descending

    # -- Qt model interface ----------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Col)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.tr(HEADERS[Col(section)])
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        col = Col(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return _display(row, col)
        if role == Qt.ItemDataRole.TextAlignmentRole and col == Col.AMOUNT:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and col in (Col.PARTIES, Col.NUMBER):
            return row.summary[:200] or None
        if role == Qt.ItemDataRole.UserRole:
            return row
        return None

    def row_at(self, r: int) -> CaseRow:
        return self._rows[r]


def _display(row: CaseRow, col: Col) -> str:
    match col:
        case Col.NUMBER:
            return row.number
        case Col.COMMITTEE:
            return tr_code(row.committee_name)
        case Col.DISPUTE_TYPE:
            return tr_code(row.dispute_type_name)
        case Col.PARTIES:
            return row.party_names
        case Col.RECEIVED:
            return row.received.isoformat()
        case Col.STATUS:
            return tr_code(row.status_name)
        case Col.MEDIATOR:
            return row.mediator
        case Col.AMOUNT:
            return "" if row.amount_claimed is None else f"{row.amount_claimed:,.2f}"
