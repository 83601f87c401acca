"""Table model of staff accounts."""

from __future__ import annotations

from enum import IntEnum

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QCoreApplication, QModelIndex, Qt

from core.users import UserRow
from desktop.texts import join_list
from desktop.vocab import COMMITTEE_SHORT, tr_code


class Col(IntEnum):
    USERNAME = 0
    NAME = 1
    ROLE = 2
    COMMITTEES = 3
    STATE = 4
    LAST_LOGIN = 5


HEADERS = (
    QT_TRANSLATE_NOOP("TableHeaders", "用户名"),
    QT_TRANSLATE_NOOP("TableHeaders", "姓名"),
    QT_TRANSLATE_NOOP("TableHeaders", "角色"),
    QT_TRANSLATE_NOOP("TableHeaders", "所属委员会"),
    QT_TRANSLATE_NOOP("TableHeaders", "状态"),
    QT_TRANSLATE_NOOP("TableHeaders", "最近登录"),
)


class UserTableModel(QAbstractTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[UserRow] = []

    def set_rows(self, rows: list[UserRow]) -> None:
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def row_at(self, r: int) -> UserRow:
        return self._rows[r]

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Col)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("TableHeaders", HEADERS[section])
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        u = self._rows[index.row()]
        match Col(index.column()):
            case Col.USERNAME:
                return u.username
            case Col.NAME:
                return u.full_name
            case Col.ROLE:
                return tr_code(u.role_name)
            case Col.COMMITTEES:
                return join_list(COMMITTEE_SHORT.get(c, c) for c in u.committees)
            case Col.STATE:
                if not u.active:
                    return self.tr("已停用")
                return self.tr("已锁定") if u.locked else self.tr("正常")
            case Col.LAST_LOGIN:
                return u.last_login_at.strftime("%Y-%m-%d %H:%M") if u.last_login_at else ""
