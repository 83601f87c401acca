"""Table models for booked sessions (reception's today list) and the parties invited to one
session (attendance). ``data()`` never touches the database: the screen hands in the rows
(:class:`core.booking.AppointmentRow`) it fetched off the GUI thread. ``set_rows`` leaves the
model alone when nothing changed, so polling every two seconds does not disturb the view."""

from __future__ import annotations

from enum import IntEnum

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

from core.booking import AppointmentRow, InvitedParty
from desktop.texts import join_list
from desktop.vocab import tr_code

_GREY = QBrush(QColor("#8a8a8a"))
_GREEN = QBrush(QColor("#1b5e20"))
_RED = QBrush(QColor("#b00020"))


class Col(IntEnum):
    TIME = 0
    CASE = 1
    ROOM = 2
    MEDIATORS = 3
    EXPERTS = 4
    PARTIES = 5
    STATUS = 6


HEADERS = {
    Col.TIME: QT_TRANSLATE_NOOP("TableHeaders", "时间"),
    Col.CASE: QT_TRANSLATE_NOOP("TableHeaders", "案号"),
    Col.ROOM: QT_TRANSLATE_NOOP("TableHeaders", "调解室"),
    Col.MEDIATORS: QT_TRANSLATE_NOOP("TableHeaders", "调解员"),
    Col.EXPERTS: QT_TRANSLATE_NOOP("TableHeaders", "专家"),
    Col.PARTIES: QT_TRANSLATE_NOOP("TableHeaders", "邀请当事人（✓到场 ✗未到）"),
    Col.STATUS: QT_TRANSLATE_NOOP("TableHeaders", "状态"),
}


class AppointmentTableModel(QAbstractTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[AppointmentRow] = []

    def set_rows(self, rows: list[AppointmentRow]) -> bool:
        """Replace the rows; returns False (and does nothing) when they are unchanged."""
        rows = list(rows)
        if rows == self._rows:
            return False
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()
        return True

    def rows(self) -> list[AppointmentRow]:
        return list(self._rows)

    def row_at(self, r: int) -> AppointmentRow:
        return self._rows[r]

    def index_of(self, appointment_id: int) -> int:
        return next((i for i, r in enumerate(self._rows) if r.id == appointment_id), -1)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Col)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("TableHeaders", HEADERS[Col(section)])
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        col = Col(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return _display(row, col)
        if role == Qt.ItemDataRole.ForegroundRole:
            if row.status == "cancelled":
                return _GREY
            if col == Col.STATUS and row.status == "held":
                return _GREEN
        if role == Qt.ItemDataRole.FontRole and row.status == "cancelled":
            font = QFont()
            font.setStrikeOut(col != Col.STATUS)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            if row.status == "cancelled" and row.cancel_reason:
                return self.tr("取消原因：") + row.cancel_reason
            if col == Col.PARTIES:
                return "\n".join(self.tr("%1（%2）：%3").replace("%1", p.name).replace("%2", tr_code(p.role_name))
                                 .replace("%3", tr_code(p.attendance_name)) for p in row.parties)
            if col == Col.CASE and row.purpose:
                return row.purpose
        if role == Qt.ItemDataRole.UserRole:
            return row
        return None


def _display(row: AppointmentRow, col: Col) -> str:
    match col:
        case Col.TIME:
            return row.time_label
        case Col.CASE:
            return row.case_number
        case Col.ROOM:
            return row.room_name
        case Col.MEDIATORS:
            return join_list(p.name for p in row.mediators)
        case Col.EXPERTS:
            return join_list(p.name for p in row.experts)
        case Col.PARTIES:  # names with ✓ (present) / ✗ (no-show)
            return join_list(p.label for p in row.parties)
        case Col.STATUS:
            return tr_code(row.status_name)


class PartyCol(IntEnum):
    NAME = 0
    ROLE = 1
    ATTENDANCE = 2


PARTY_HEADERS = {PartyCol.NAME: QT_TRANSLATE_NOOP("TableHeaders", "当事人"), PartyCol.ROLE: QT_TRANSLATE_NOOP("TableHeaders", "身份"), PartyCol.ATTENDANCE: QT_TRANSLATE_NOOP("TableHeaders", "到场情况")}


class InvitationTableModel(QAbstractTableModel):
    """The parties invited to one session, with whether each came."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[InvitedParty] = []

    def set_rows(self, rows) -> bool:
        rows = list(rows)
        if rows == self._rows:
            return False
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()
        return True

    def row_at(self, r: int) -> InvitedParty:
        return self._rows[r]

    def index_of(self, invitation_id: int) -> int:
        return next((i for i, r in enumerate(self._rows) if r.invitation_id == invitation_id), -1)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(PartyCol)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("TableHeaders", PARTY_HEADERS[PartyCol(section)])
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        party = self._rows[index.row()]
        col = PartyCol(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return {PartyCol.NAME: party.name, PartyCol.ROLE: tr_code(party.role_name),
                    PartyCol.ATTENDANCE: tr_code(party.attendance_name)}[col]
        if role == Qt.ItemDataRole.ForegroundRole and col == PartyCol.ATTENDANCE:
            return {"present": _GREEN, "no_show": _RED}.get(party.attendance)
        if role == Qt.ItemDataRole.UserRole:
            return party
        return None
