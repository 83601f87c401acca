"""The queue screen's ticket list: the day's open tickets (at a window first, then the
waiting ones in calling order). The screen hands it fresh rows at each poll; ``data()``
never touches the database."""

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
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetrics

from core.queue import TicketRow
from db.codes import QUEUE_STATUSES
from desktop.vocab import tr_code


class Col(IntEnum):
    LABEL = 0
    SERVICE = 1
    STATUS = 2
    TAKEN = 3
    WAITED = 4
    AHEAD = 5
    CALLS = 6
    WINDOW = 7
    NOTE = 8


HEADERS = {
    Col.LABEL: QT_TRANSLATE_NOOP("TableHeaders", "号码"),
    Col.SERVICE: QT_TRANSLATE_NOOP("TableHeaders", "服务"),
    Col.STATUS: QT_TRANSLATE_NOOP("TableHeaders", "状态"),
    Col.TAKEN: QT_TRANSLATE_NOOP("TableHeaders", "取号"),
    Col.WAITED: QT_TRANSLATE_NOOP("TableHeaders", "已等候"),
    Col.AHEAD: QT_TRANSLATE_NOOP("TableHeaders", "前面"),
    Col.CALLS: QT_TRANSLATE_NOOP("TableHeaders", "呼叫"),
    Col.WINDOW: QT_TRANSLATE_NOOP("TableHeaders", "窗口"),
    Col.NOTE: QT_TRANSLATE_NOOP("TableHeaders", "备注"),
}

# Short headers leave the note room (a transfer's "由 交-001 转入") beside a scroll bar in a
# 1280-pixel window; what each short header means is in its tooltip.
HEADER_TIPS = {
    Col.TAKEN: QT_TRANSLATE_NOOP("TableHeaders", "取号时间"),
    Col.WAITED: QT_TRANSLATE_NOOP("TableHeaders", "自取号起已等候的时间"),
    Col.AHEAD: QT_TRANSLATE_NOOP("TableHeaders", "同一服务排在前面的人数"),
    Col.CALLS: QT_TRANSLATE_NOOP("TableHeaders", "已呼叫次数（过号后再叫也计入）"),
}

_PADDING = 12  # the cell's margins (the list is not sortable: no sort indicator)
_MAX_WIDTH = 90  # a longer status elides (the tooltip has it whole)
_CENTRED = {Col.LABEL, Col.STATUS, Col.TAKEN, Col.WAITED, Col.AHEAD, Col.CALLS, Col.WINDOW}

_STATUS_COLOURS = {
    "called": ("#fff4d6", "#8a5a00"),
    "serving": ("#e3f4e8", "#1e6b3a"),
    "done": (None, "#667085"),
    "missed": (None, "#b42318"),
    "transferred": (None, "#667085"),
}


def label_font() -> QFont:
    """The ticket number's font: bold and a little larger, the number is what the visitor holds."""
    font = QFont()
    font.setBold(True)
    font.setPointSizeF(font.pointSizeF() * 1.15 if font.pointSizeF() > 0 else 11)
    return font


class QueueTableModel(QAbstractTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[TicketRow] = []

    def set_rows(self, rows: list[TicketRow]) -> None:
        if rows == self._rows:
            return
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[TicketRow]:
        return list(self._rows)

    def row_at(self, r: int) -> TicketRow:
        return self._rows[r]

    def index_of(self, ticket_id: int) -> int:
        """Row number of a ticket, or -1."""
        return next((i for i, row in enumerate(self._rows) if row.id == ticket_id), -1)

    # -- Qt model interface ----------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Col)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("TableHeaders", HEADERS[Col(section)])
        if role == Qt.ItemDataRole.ToolTipRole and Col(section) in HEADER_TIPS:
            return QCoreApplication.translate("TableHeaders", HEADER_TIPS[Col(section)])
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        col = Col(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, col)
        if role == Qt.ItemDataRole.TextAlignmentRole and col in _CENTRED:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.BackgroundRole:
            colour = _STATUS_COLOURS.get(row.status, (None, None))[0]
            return QBrush(QColor(colour)) if colour else None
        if role == Qt.ItemDataRole.ForegroundRole:
            colour = _STATUS_COLOURS.get(row.status, (None, None))[1]
            if row.status == "waiting" and row.call_count:
                colour = "#b54708"  # skipped once or more: back in the queue
            return QBrush(QColor(colour)) if colour else None
        if role == Qt.ItemDataRole.FontRole and col == Col.LABEL:
            return label_font()
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row)
        if role == Qt.ItemDataRole.UserRole:
            return row
        return None

    def column_widths(self, cells: QFontMetrics, labels: QFontMetrics, headers: QFontMetrics) -> dict[Col, int]:
        """Widths for the short columns, from their header and their longest usual text in the
        UI's language (the service and window columns keep room for their data; the note takes
        what is left)."""
        status_texts = [tr_code(name) for name in QUEUE_STATUSES.values()] + [self.tr("过号待呼")]
        samples = {Col.LABEL: (labels, ["交-888"]), Col.STATUS: (cells, status_texts),
                   Col.TAKEN: (cells, ["08:88"]), Col.WAITED: (cells, [self.tr("%1 分钟").replace("%1", "888")]),
                   Col.AHEAD: (cells, ["88"]), Col.CALLS: (cells, ["8/8"]),
                   Col.SERVICE: (cells, ["交通事故"]), Col.WINDOW: (cells, ["8号窗口"])}
        widths = {}
        for col, (metrics, texts) in samples.items():
            header = headers.horizontalAdvance(str(self.headerData(col, Qt.Orientation.Horizontal)))
            widest = max(metrics.horizontalAdvance(t) for t in texts)
            widths[col] = min(max(header, widest) + _PADDING, _MAX_WIDTH)
        return widths

    def _display(self, row: TicketRow, col: Col) -> str:
        match col:
            case Col.LABEL:
                return row.label
            case Col.SERVICE:
                return tr_code(row.committee_name)
            case Col.STATUS:
                if row.status == "waiting" and row.call_count:
                    return self.tr("过号待呼")
                return tr_code(row.status_name)
            case Col.TAKEN:
                return row.taken_at.strftime("%H:%M")
            case Col.WAITED:
                return self.tr("%1 分钟").replace("%1", str(row.waited_minutes))
            case Col.AHEAD:
                return str(row.position_ahead) if row.status == "waiting" else ""
            case Col.CALLS:
                return f"{row.call_count}/{row.missed_after}" if row.call_count else ""
            case Col.WINDOW:
                return row.window or ""
            case Col.NOTE:
                return row.note

    def _tooltip(self, row: TicketRow) -> str:
        lines = [self.tr("%1　%2").replace("%1", row.label).replace("%2", tr_code(row.service_name)),
                 self.tr("取号：") + row.taken_at.strftime("%H:%M:%S")]
        if row.called_at:
            lines.append(self.tr("最近叫号：") + row.called_at.strftime("%H:%M:%S"))
        if row.status in ("waiting", "called") and row.call_count:
            lines.append(self.tr("已呼叫 %1 次，再呼 %n 次未到即过号", "", row.calls_left)
                         .replace("%1", str(row.call_count)))
        if row.note:
            lines.append(row.note)
        return "\n".join(lines)
