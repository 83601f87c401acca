"""Table model of a year's special days (holidays, make-up working days)."""

from __future__ import annotations

from enum import IntEnum

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import QColor

from core.calendar_overrides import SpecialDay


class Col(IntEnum):
    DAY = 0
    WEEKDAY = 1
    KIND = 2
    NAME = 3
    SOURCE = 4


HEADERS = (
    QT_TRANSLATE_NOOP("TableHeaders", "日期"),
    QT_TRANSLATE_NOOP("TableHeaders", "星期"),
    QT_TRANSLATE_NOOP("TableHeaders", "安排"),
    QT_TRANSLATE_NOOP("TableHeaders", "名称"),
    QT_TRANSLATE_NOOP("TableHeaders", "来源"),
)


class HolidayTableModel(QAbstractTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[SpecialDay] = []

    def set_rows(self, rows: list[SpecialDay]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, r: int) -> SpecialDay:
        return self._rows[r]

    def row_of(self, day) -> int:
        return next((i for i, r in enumerate(self._rows) if r.day == day), -1)

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Col)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("TableHeaders", HEADERS[section])
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        d = self._rows[index.row()]
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == Col.KIND:
            return QColor("#1b5e20") if d.workday else QColor("#b71c1c")
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        match Col(index.column()):
            case Col.DAY:
                return d.day.isoformat()
            case Col.WEEKDAY:
                return d.weekday_name
            case Col.KIND:
                return d.kind_name
            case Col.NAME:
                return d.name
            case Col.SOURCE:
                return d.source_name
