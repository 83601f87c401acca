"""统计报表: the director's dashboard — a month's headline figures beside the previous month and
the same month last year, the committees' table and charts, tabs by dispute type, source and
mediator (一案一补), and the printed report (PDF) and workbook (Excel).

Every number opens the cases behind it (:mod:`desktop.screens.stats_drilldown`): a click on a
card, a table cell or a bar. The figures are computed off the GUI thread
(:func:`core.stats.monthly_report_data`); the models and charts only show what they were given.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QDate,
    QLocale,
    QModelIndex,
    QPointF,
    QRectF,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetrics,
    QKeySequence,
    QPainter,
    QPen,
    QShortcut,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QDialog,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSizePolicy,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from core import stats
from core.stats import COLUMN_LABELS, SUMMARY_ROWS, Figures, MonthlyStats, fmt, fmt_change
from desktop.context import AppContext
from desktop.messages import error_text
from desktop.screens.stats_drilldown import DrillSpec, StatsDrilldownScreen, opens
from desktop.vocab import CASE_SOURCES, COMMITTEE_SHORT, DISPUTE_TYPES, tr_code
from desktop.widgets.mediation_forms import FitLabel


def _points() -> str:
    """core.stats.POINTS ("{value}个百分点") in the UI's language."""
    return tr_code(stats.POINTS)


def _short_points() -> str:
    """The cards' shorter "{value}百分点" (the card has room for little)."""
    return QCoreApplication.translate("StatCard", "{value}百分点")


#: The headline cards: (figure, title); the titles are figure names of core.stats.COLUMN_LABELS.
CARDS: tuple[tuple[str, str], ...] = (
    ("received", QT_TRANSLATE_NOOP("Codes", "受理")),
    ("successful", QT_TRANSLATE_NOOP("Codes", "调解成功")),
    ("success_rate", QT_TRANSLATE_NOOP("Codes", "调解成功率")),
    ("amount_claimed", QT_TRANSLATE_NOOP("Codes", "涉案金额（万元）")),
    ("fulfilment_rate", QT_TRANSLATE_NOOP("Codes", "兑现率")),
    ("satisfaction_rate", QT_TRANSLATE_NOOP("Codes", "满意率")),
)

#: Columns of the committee, type and source tables: the summary's figures but the sessions
#: (counted by mediator: the mediator tab).
TABLE_COLUMNS: tuple[str, ...] = tuple(n for n in SUMMARY_ROWS if n != "sessions")
MEDIATOR_COLUMNS: tuple[str, ...] = ("accepted", "concluded", "successful", "success_rate", "avg_days", "sessions",
                                     "amount_agreed")

LINK = QColor("#1f5fa8")
C_RECEIVED = QColor("#4472C4")
C_CONCLUDED = QColor("#A5A5A5")
C_SUCCESS = QColor("#ED7D31")


# ------------------------------------------------------------------------------ table model


@dataclass(frozen=True)
class StatRow:
    label: str
    current: Figures
    previous: Figures | None = None
    last_year: Figures | None = None
    filters: dict = field(default_factory=dict)  # DrillSpec filters of this row ({} = all)
    texts: tuple[str, ...] = ()  # extra text columns after the label
    total: bool = False


class StatsTableModel(QAbstractTableModel):
    """Rows of figures (a breakdown plus its total); column 0 is the label, then ``text_headers``,
    then one column per figure. ``data()`` only formats what it was given."""

    def __init__(self, columns: tuple[str, ...], first_header: str, text_headers: tuple[str, ...] = (),
                 parent=None) -> None:
        super().__init__(parent)
        self.columns = columns
        self.first_header = first_header
        self.text_headers = text_headers
        self.rows: list[StatRow] = []

    def set_rows(self, rows: list[StatRow]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def figure_at(self, column: int) -> str | None:
        offset = 1 + len(self.text_headers)
        return self.columns[column - offset] if column >= offset else None

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 1 + len(self.text_headers) + len(self.columns)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if section == 0:
            return self.tr(self.first_header)
        if section <= len(self.text_headers):
            return self.tr(self.text_headers[section - 1])
        return tr_code(COLUMN_LABELS[self.figure_at(section)])

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        col = index.column()
        figure = self.figure_at(col)
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                return row.label
            if figure is None:
                return row.texts[col - 1] if col - 1 < len(row.texts) else ""
            return fmt(figure, row.current.value(figure))
        if role == Qt.ItemDataRole.TextAlignmentRole and figure is not None:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and row.total:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and figure is not None and self.drillable(index):
            return QBrush(LINK)
        if role == Qt.ItemDataRole.ToolTipRole and figure is not None:
            return self._tooltip(row, figure)
        if role == Qt.ItemDataRole.UserRole:
            return row
        return None

    def drillable(self, index) -> bool:
        figure = self.figure_at(index.column())
        if figure is None or opens(figure) is None:
            return False
        return self.rows[index.row()].current.value(figure) is not None

    def _tooltip(self, row: StatRow, figure: str) -> str | None:
        lines = []
        cur = row.current.value(figure)
        for label, other in ((self.tr("上月"), row.previous), (self.tr("去年同月"), row.last_year)):
            if other is not None:
                base = other.value(figure)
                lines.append(self.tr("%1：%2（%3）").replace("%1", label).replace("%2", fmt(figure, base))
                             .replace("%3", fmt_change(figure, cur, base, _points())))
        if opens(figure):
            lines.append(self.tr("单击查看案件明细"))
        return "\n".join(lines) or None


# The item delegate's text margins (2 × 3 px) and the grid line, as Qt's own sizing counts them.
_CELL_PADDING = 8


def _fit_columns(view: QTableView) -> None:
    """Wide enough for the header and the numbers. Measured from the display texts (a few
    hundred cells) rather than with resizeColumnsToContents, which asks every cell for every
    role — ~10,000 calls into Python for the four tables, 40–80 ms of the director's login."""
    model = view.model()
    plain = view.fontMetrics()
    bold_font = QFont(view.font())
    bold_font.setBold(True)
    bold = QFontMetrics(bold_font)
    header = view.horizontalHeader().fontMetrics()
    for c in range(model.columnCount()):
        text = str(model.headerData(c, Qt.Orientation.Horizontal) or "")
        wanted = max(header.horizontalAdvance(text) + 18, 64)
        for r, row in enumerate(model.rows):
            metrics = bold if row.total else plain
            shown = model.data(model.index(r, c))
            wanted = max(wanted, metrics.horizontalAdvance(str(shown or "")) + _CELL_PADDING)
        view.setColumnWidth(c, min(wanted, 220))


#: Low enough for the committees' table with all its rows above the charts in a maximised window on a
#: 1366×768 screen (≈ 700 pixels under the taskbar).
CHART_MIN_HEIGHT = 120


def _show_every_row(view: QTableView) -> None:
    """The committees' table is at most as high as its rows (on a large screen it had empty space
    below them) and has the first claim on the page's height (its stretch), so that on a
    1366×768 screen it shows every row, the total last; the charts take the rest. Where even
    that is too little (a taskbar on a 768-pixel screen), the table scrolls rather than the
    window growing taller than the screen."""
    view.ensurePolished()
    rows = view.model().rowCount()
    view.setMaximumHeight(view.horizontalHeader().sizeHint().height()
                          + rows * view.verticalHeader().defaultSectionSize()
                          + view.horizontalScrollBar().sizeHint().height() + 2 * view.frameWidth())


# ------------------------------------------------------------------------------ charts


class BarChart(QWidget):
    """Grouped bars (受理 / 调解成功 by committee); clicking a bar emits (category, series)."""

    bar_clicked = Signal(int, int)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("committeeChart")
        self.categories: list[str] = []
        self.series: list[tuple[str, QColor, list[int]]] = []
        self._bars: list[tuple[QRectF, int, int]] = []
        self.setMinimumHeight(CHART_MIN_HEIGHT)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setCursor(Qt.CursorShape.PointingHandCursor)

    def set_data(self, categories: list[str], series: list[tuple[str, QColor, list[int]]]) -> None:
        self.categories, self.series = categories, series
        self.update()

    def paintEvent(self, _event) -> None:  # noqa: N802 (Qt API)
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.fillRect(self.rect(), QColor("#ffffff"))
        self._bars = []
        if not self.categories:
            return
        left, top, right, bottom = 38, 26, 10, 34
        w, h = self.width() - left - right, self.height() - top - bottom
        top_value, step = _nice(max((max(v) for _l, _c, v in self.series if v), default=0) * 1.12)
        _axes(p, left, top, w, h, top_value, step)
        n = len(self.categories)
        slot = w / n
        k = len(self.series)
        bar_w = max(2.0, (slot - 8) / max(k, 1))
        small = QFont(self.font())
        small.setPointSizeF(7.5)
        p.setFont(small)
        widest = max((p.fontMetrics().horizontalAdvance(f"{v:,}") for _l, _c, vs in self.series for v in vs),
                     default=0)
        show_values = widest <= bar_w + 2  # values wider than their bar would run into each other
        for i, name in enumerate(self.categories):
            x0 = left + i * slot + (slot - bar_w * k) / 2
            for j, (_label, color, values) in enumerate(self.series):
                v = values[i]
                bh = h * v / top_value if top_value else 0
                rect = QRectF(x0 + j * bar_w, top + h - bh, bar_w - 1, bh)
                p.fillRect(rect, color)
                self._bars.append((QRectF(rect.x(), top, rect.width(), h), i, j))
                self.setToolTip(self.tr("单击柱形查看案件明细"))
                if show_values:
                    p.setPen(QColor("#333333"))
                    p.drawText(QRectF(rect.x() - 10, rect.y() - 14, rect.width() + 20, 12),
                               Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom, f"{v:,}")
            p.setPen(QColor("#333333"))
            # A name wider than its slot (English) wraps onto the second line, a word still too
            # wide is elided; the Chinese names fit on one line.
            metrics = p.fontMetrics()
            if metrics.horizontalAdvance(name) > slot:
                name = " ".join(metrics.elidedText(word, Qt.TextElideMode.ElideRight, int(slot)) for word in name.split())
            p.drawText(QRectF(left + i * slot, top + h + 3, slot, bottom - 3),
                       Qt.AlignmentFlag.AlignHCenter | Qt.TextFlag.TextWordWrap, name)
        _legend(p, left, 4, [(label, color) for label, color, _v in self.series])
        p.end()

    def mousePressEvent(self, event) -> None:  # noqa: N802 (Qt API)
        pos = event.position()
        for rect, i, j in self._bars:
            if rect.contains(pos):
                self.bar_clicked.emit(i, j)
                return
        super().mousePressEvent(event)


class TrendChart(QWidget):
    """Lines of 受理 / 办结 / 调解成功 over 13 months."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("trendChart")
        self.labels: list[str] = []
        self.series: list[tuple[str, QColor, list[int]]] = []
        self.setMinimumHeight(CHART_MIN_HEIGHT)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def set_data(self, labels: list[str], series: list[tuple[str, QColor, list[int]]]) -> None:
        self.labels, self.series = labels, series
        self.update()

    def paintEvent(self, _event) -> None:  # noqa: N802 (Qt API)
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.fillRect(self.rect(), QColor("#ffffff"))
        if not self.labels:
            return
        left, top, right, bottom = 44, 26, 10, 34
        w, h = self.width() - left - right, self.height() - top - bottom
        top_value, step = _nice(max((max(v) for _l, _c, v in self.series if v), default=0) * 1.1)
        _axes(p, left, top, w, h, top_value, step)
        n = len(self.labels)
        slot = w / n
        small = QFont(self.font())
        small.setPointSizeF(7.5)
        p.setFont(small)
        for _label, color, values in self.series:
            pen = QPen(color, 2)
            p.setPen(pen)
            points = [QPointF(left + (i + 0.5) * slot, top + h - h * v / top_value) for i, v in enumerate(values)]
            for a, b in zip(points, points[1:], strict=False):
                p.drawLine(a, b)
            p.setBrush(color)
            for pt in points:
                p.drawEllipse(pt, 2.5, 2.5)
        p.setPen(QColor("#333333"))
        for i, label in enumerate(self.labels):
            p.drawText(QRectF(left + i * slot - 4, top + h + 3, slot + 8, 28), Qt.AlignmentFlag.AlignHCenter, label)
        _legend(p, left, 4, [(label, color) for label, color, _v in self.series])
        p.end()


def _nice(value: float) -> tuple[float, float]:
    value = max(float(value), 1.0)
    for step in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 2500, 5000, 10000, 20000, 50000):
        if value / step <= 5:
            return step * -(-value // step), step
    step = 10 ** len(str(int(value)))
    return step * -(-value // step), step


def _axes(p: QPainter, left: float, top: float, w: float, h: float, top_value: float, step: float) -> None:
    small = QFont(p.font())
    small.setPointSizeF(7.5)
    p.setFont(small)
    v = 0.0
    while v <= top_value + 1e-9:
        y = top + h - h * v / top_value
        p.setPen(QPen(QColor("#e4e7ec"), 1))
        p.drawLine(QPointF(left, y), QPointF(left + w, y))
        p.setPen(QColor("#555555"))
        p.drawText(QRectF(0, y - 7, left - 4, 14), Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                   f"{int(v):,}")
        v += step
    p.setPen(QPen(QColor("#888888"), 1))
    p.drawLine(QPointF(left, top + h), QPointF(left + w, top + h))


def _legend(p: QPainter, x: float, y: float, items: list[tuple[str, QColor]]) -> None:
    font = QFont(p.font())
    font.setPointSizeF(8)
    p.setFont(font)
    metrics = p.fontMetrics()
    for label, color in items:
        p.fillRect(QRectF(x, y + 4, 10, 8), color)
        p.setPen(QColor("#333333"))
        p.drawText(QPointF(x + 14, y + 12), label)
        x += 14 + metrics.horizontalAdvance(label) + 14


# ------------------------------------------------------------------------------ cards


class StatCard(QFrame):
    """One headline figure with the previous month and the same month last year; clickable."""

    clicked = Signal(str)

    def __init__(self, figure: str, title: str, parent=None) -> None:
        super().__init__(parent)
        self.figure = figure
        self.setObjectName("statCard")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet("QFrame#statCard { background: #ffffff; border: 1px solid #d0d5dd; border-radius: 6px; }"
                           "QFrame#statCard:hover, QFrame#statCard:focus { border-color: #1f5fa8; }"
                           "QFrame#statCard QLabel { border: none; }")
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.title = FitLabel(title)
        self.title.setStyleSheet("color: #475467; font-size: 9.5pt;")

        self.value = QLabel("—")
        self.value.setObjectName("cardValue")
        self.value.setStyleSheet("color: #1f3a5f; font-size: 18pt; font-weight: bold;")
        # the cards share the width equally, whatever their numbers (no card pushes the window wider)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        for label in (self.title, self.value):
            label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        # One line per comparison: "上月 84,931  −20.1%"; wraps before the change when the card is narrow.
        self.compare: dict[str, QLabel] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.setSpacing(1)
        layout.addWidget(self.title)
        layout.addWidget(self.value)
        for key in ("previous", "last_year"):
            label = FitLabel()
            label.setStyleSheet("color: #667085; font-size: 7.5pt;")
            label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
            self.compare[key] = label
            layout.addWidget(label)
        self.setToolTip(self.tr("单击查看案件明细") if opens(figure) else "")

    def show_values(self, current, previous, last_year) -> None:
        f = self.figure
        self.value.setText(_card_text(f, current))
        self.value.setToolTip(fmt(f, current))
        for key, base, name, word in (("previous", previous, self.tr("上月"), self.tr("环比")),
                                      ("last_year", last_year, self.tr("去年同月"), self.tr("同比"))):
            label = self.compare[key]
            label.setText(f"{name} {_card_text(f, base)} · {fmt_change(f, current, base, _short_points())}")
            label.setToolTip(self.tr("%1 %2，%3 %4").replace("%1", name).replace("%2", fmt(f, base))
                             .replace("%3", word).replace("%4", fmt_change(f, current, base, _points())))

    def mousePressEvent(self, event) -> None:  # noqa: N802 (Qt API)
        if event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit(self.figure)
        super().mousePressEvent(event)

    def keyPressEvent(self, event) -> None:  # noqa: N802 (Qt API)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.clicked.emit(self.figure)
            return
        super().keyPressEvent(event)


def _card_text(figure: str, value) -> str:
    """As :func:`core.stats.fmt`, but money in whole 万元 (the card has room for one number)."""
    if value is not None and stats.FIGURE_KINDS.get(figure) == "money":
        return f"{stats.wan(value):,.0f}"
    return fmt(figure, value)


# ------------------------------------------------------------------------------ the screen


class StatsScreen(QWidget):
    title = "统计报表"

    #: Emitted with the DrillSpec whenever a number is clicked (also opens the drill-down).
    drill_requested = Signal(object)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("stats")
        self.ctx = ctx
        self.data: MonthlyStats | None = None
        self._generation = 0
        self._dialogs: list[QDialog] = []

        today = date.today()
        self.month = QDateEdit(QDate(today.year, today.month, 1))
        self.month.setDisplayFormat(self.tr("yyyy年MM月"))  # "Nov 2026" in English
        self.month.setCurrentSection(QDateEdit.Section.MonthSection)
        self.month.setMinimumDate(QDate(2000, 1, 1))
        self.month.setToolTip(self.tr("统计月份（上下键切换月份）"))
        self.prev_button = QPushButton(self.tr("◀ 上月"))
        self.next_button = QPushButton(self.tr("下月 ▶"))
        self.refresh_button = QPushButton(self.tr("刷新 (F5)"))
        self.pdf_button = QPushButton(self.tr("导出月报 PDF…"))
        self.xlsx_button = QPushButton(self.tr("导出 Excel…"))
        self.status = FitLabel(slack=1.05)
        self.status.setObjectName("countLabel")
        self.status.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.status.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.error = QLabel()
        self.error.setObjectName("fieldError")
        self.error.setWordWrap(True)
        self.error.hide()

        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("统计月份")))
        bar.addWidget(self.month)
        bar.addWidget(self.prev_button)
        bar.addWidget(self.next_button)
        bar.addWidget(self.refresh_button)
        bar.addWidget(self.status, 1)
        bar.addWidget(self.pdf_button)
        bar.addWidget(self.xlsx_button)

        self.cards: dict[str, StatCard] = {}
        cards = QGridLayout()
        cards.setSpacing(8)
        for i, (figure, title) in enumerate(CARDS):
            card = StatCard(figure, tr_code(title))
            card.clicked.connect(self._card_clicked)
            self.cards[figure] = card
            cards.addWidget(card, 0, i)
            cards.setColumnStretch(i, 1)

        self.committee_model = StatsTableModel(TABLE_COLUMNS, QT_TRANSLATE_NOOP("StatsTableModel", "委员会"), parent=self)
        self.type_model = StatsTableModel(TABLE_COLUMNS, QT_TRANSLATE_NOOP("StatsTableModel", "纠纷类型"), parent=self)
        self.source_model = StatsTableModel(TABLE_COLUMNS, QT_TRANSLATE_NOOP("StatsTableModel", "来源"), parent=self)
        self.mediator_model = StatsTableModel(MEDIATOR_COLUMNS, QT_TRANSLATE_NOOP("StatsTableModel", "调解员"),
                                              (QT_TRANSLATE_NOOP("StatsTableModel", "所属委员会"),), parent=self)
        self.committee_table = self._table(self.committee_model, "committeeTable")
        self.type_table = self._table(self.type_model, "typeTable")
        self.source_table = self._table(self.source_model, "sourceTable")
        self.mediator_table = self._table(self.mediator_model, "mediatorTable")
        self.mediator_table.setColumnWidth(1, 130)

        self.committee_chart = BarChart()
        self.committee_chart.bar_clicked.connect(self._bar_clicked)
        self.trend_chart = TrendChart()
        committee_page = QWidget()
        page = QVBoxLayout(committee_page)
        page.setContentsMargins(0, 4, 0, 0)
        page.addWidget(self.committee_table, 10)  # see _show_every_row
        charts = QHBoxLayout()
        charts.addWidget(self.committee_chart, 3)
        charts.addWidget(self.trend_chart, 2)
        page.addLayout(charts, 1)

        self.tabs = QTabWidget()
        self.tabs.addTab(committee_page, self.tr("按委员会"))
        self.tabs.addTab(self.type_table, self.tr("按纠纷类型"))
        self.tabs.addTab(self.source_table, self.tr("按来源"))
        self.tabs.addTab(self.mediator_table, self.tr("按调解员（一案一补）"))

        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.error)
        layout.addLayout(cards)
        layout.addWidget(self.tabs, 1)

        self.month.dateChanged.connect(lambda _d: self.refresh())
        self.prev_button.clicked.connect(lambda: self.month.setDate(self.month.date().addMonths(-1)))
        self.next_button.clicked.connect(lambda: self.month.setDate(self.month.date().addMonths(1)))
        self.refresh_button.clicked.connect(self.refresh)
        self.pdf_button.clicked.connect(self._ask_pdf)
        self.xlsx_button.clicked.connect(self._ask_xlsx)
        QShortcut(QKeySequence(Qt.Key.Key_F5), self, activated=self.refresh)
        QShortcut(QKeySequence("Ctrl+P"), self, activated=self._ask_pdf)
        QShortcut(QKeySequence("Ctrl+E"), self, activated=self._ask_xlsx)
        self.setTabOrder(self.month, self.prev_button)
        self.setTabOrder(self.prev_button, self.next_button)
        self.setTabOrder(self.next_button, self.refresh_button)
        self.setTabOrder(self.refresh_button, self.pdf_button)
        self.setTabOrder(self.pdf_button, self.xlsx_button)
        previous: QWidget = self.xlsx_button
        for card in self.cards.values():
            self.setTabOrder(previous, card)
            previous = card
        self.setTabOrder(previous, self.tabs)
        self._set_export_enabled(False)
        self.refresh()

    # -- building ------------------------------------------------------------------------
    def _table(self, model: StatsTableModel, name: str) -> QTableView:
        view = QTableView()
        view.setObjectName(name)
        view.setModel(model)
        view.setAlternatingRowColors(True)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        view.verticalHeader().setVisible(False)
        view.verticalHeader().setDefaultSectionSize(24)
        view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        view.horizontalHeader().setDefaultSectionSize(86)
        view.setColumnWidth(0, 110)
        view.setMouseTracking(True)
        view.clicked.connect(lambda index, v=view: self._cell_clicked(v, index))
        view.activated.connect(lambda index, v=view: self._cell_clicked(v, index))
        return view

    # -- data ------------------------------------------------------------------------------
    def selected_month(self) -> tuple[int, int]:
        d = self.month.date()
        return d.year(), d.month()

    def refresh(self) -> None:
        year, month = self.selected_month()
        self._generation += 1
        generation = self._generation
        self.status.setText(self.tr("正在统计%1年%2月…").replace("%1", str(year)).replace("%2", str(month)))
        self.error.hide()
        self._set_export_enabled(False)

        def compute() -> MonthlyStats:
            return stats.monthly_report_data(self.ctx.engine, year, month, user=self.ctx.user)

        def done(data: MonthlyStats) -> None:
            if generation == self._generation:
                self.show_data(data)

        def failed(exc: BaseException) -> None:
            if generation == self._generation:
                self.status.setText("")
                self.error.setText(self.tr("统计失败：") + error_text(exc))
                self.error.show()

        self.ctx.tasks.run(compute, on_done=done, on_error=failed)

    def show_data(self, data: MonthlyStats) -> None:
        """Show already computed figures (also used by tests)."""
        self.data = data
        cur, prev, ly = data.current, data.previous, data.last_year
        for figure, card in self.cards.items():
            card.show_values(cur.total.value(figure), prev.total.value(figure), ly.total.value(figure))
        names = {c: tr_code(cur.committee_names.get(c) or '') or COMMITTEE_SHORT.get(c, c) for c in cur.by_committee}
        self.committee_model.set_rows(self._rows(data, "committee", names))
        _show_every_row(self.committee_table)
        self.type_model.set_rows(self._rows(data, "dispute_type", {k: f"{k} {v}" for k, v in DISPUTE_TYPES.items()}))
        self.source_model.set_rows(self._rows(data, "source", dict(CASE_SOURCES)))
        self.mediator_model.set_rows(self._mediator_rows(data))
        codes = list(cur.by_committee)
        self.committee_chart.set_data([names[c] for c in codes], [
            (self.tr("受理"), C_RECEIVED, [cur.by_committee[c].received for c in codes]),
            (self.tr("调解成功"), C_SUCCESS, [cur.by_committee[c].successful for c in codes]),
        ])
        self._chart_codes = codes
        self.trend_chart.set_data([QLocale().monthName(p.month, QLocale.FormatType.ShortFormat)
                                   + (f"\n{p.year}" if p.month == 1 or i == 0 else "")
                                   for i, p in enumerate(data.trend)], [
            (self.tr("受理"), C_RECEIVED, [p.received for p in data.trend]),
            (self.tr("办结"), C_CONCLUDED, [p.concluded for p in data.trend]),
            (self.tr("调解成功"), C_SUCCESS, [p.successful for p in data.trend]),
        ])
        status = self.tr("比较：上月 %1，去年同月 %2").replace("%1", self._month_label(data.previous.date_from)).replace(
            "%2", self._month_label(data.last_year.date_from))
        today = date.today()
        if (data.year, data.month) == (today.year, today.month):
            status = self.tr("本月数据截至%1日；").replace("%1", str(today.day)) + status
        self.status.setText(status)
        self.status.setToolTip(status)  # the bar may be too narrow for all of it
        for view in (self.committee_table, self.type_table, self.source_table, self.mediator_table):
            _fit_columns(view)
        self._set_export_enabled(True)

    def _month_label(self, day: date) -> str:
        """"2026年10月" (core.stats' labels), in the UI's language ("Oct 2026")."""
        return QLocale().toString(QDate(day.year, day.month, 1), self.tr("yyyy年M月"))

    def _rows(self, data: MonthlyStats, axis: str, labels: dict[str, str]) -> list[StatRow]:
        cur, prev, ly = data.current.breakdown(axis), data.previous.breakdown(axis), data.last_year.breakdown(axis)
        rows = [StatRow(label, cur.get(code, Figures()), prev.get(code, Figures()), ly.get(code, Figures()),
                        {axis: code}) for code, label in labels.items()]
        rows.append(StatRow(self.tr("合计"), data.current.total, data.previous.total, data.last_year.total, {},
                            total=True))
        return rows

    def _mediator_rows(self, data: MonthlyStats) -> list[StatRow]:
        cur = data.current
        rows = []
        for r in stats.mediator_rows(cur):
            f = cur.by_mediator[r.key]
            if r.key == stats.UNASSIGNED and not any(f.value(c) for c in MEDIATOR_COLUMNS):
                continue
            committees = self.tr("、").join(tr_code(cur.committee_names.get(c) or '') or COMMITTEE_SHORT.get(c, c) for c in r.committees)
            mediator = stats.UNASSIGNED if r.id is None else r.id
            rows.append(StatRow(r.name, f, data.previous.by_mediator.get(r.key), data.last_year.by_mediator.get(r.key),
                                {"mediator_id": mediator, "mediator_name": r.name}, (committees,)))
        rows.append(StatRow(self.tr("合计"), cur.total, data.previous.total, data.last_year.total, {}, ("",), True))
        return rows

    # -- drilling down --------------------------------------------------------------------
    def spec_for(self, figure: str, filters: dict | None = None) -> DrillSpec | None:
        target = opens(figure)
        if target is None or self.data is None:
            return None
        return DrillSpec(self.data.current.date_from, self.data.current.date_to, target, **(filters or {}))

    def _cell_clicked(self, view: QTableView, index: QModelIndex) -> None:
        model: StatsTableModel = view.model()
        figure = model.figure_at(index.column())
        if figure is None:
            return
        if not model.drillable(index):
            self.status.setText(self.tr("“%1”不对应具体案件").replace("%1", tr_code(COLUMN_LABELS[figure])))
            return
        row: StatRow = model.rows[index.row()]
        self.open_drilldown(self.spec_for(figure, row.filters))

    def _card_clicked(self, figure: str) -> None:
        spec = self.spec_for(figure)
        if spec is not None:
            self.open_drilldown(spec)

    def _bar_clicked(self, category: int, series: int) -> None:
        codes = getattr(self, "_chart_codes", [])
        if category < len(codes):
            self.open_drilldown(self.spec_for(("received", "successful")[series], {"committee": codes[category]}))

    def open_drilldown(self, spec: DrillSpec | None) -> QWidget | None:
        """Show the cases behind ``spec``: on the 统计明细 screen of the main window, or in a
        window of its own when this screen is not inside one (tests, a detached screen)."""
        if spec is None:
            return None
        self.drill_requested.emit(spec)
        window = self.window()
        if hasattr(window, "show_screen"):
            screen = window.show_screen("stats_drilldown")
            if screen is not None:
                screen.show_spec(spec)
                return screen
        dialog = QDialog(self)
        dialog.setWindowTitle(self.tr("统计明细"))
        dialog.resize(1100, 640)
        screen = StatsDrilldownScreen(self.ctx, dialog, spec)
        QVBoxLayout(dialog).addWidget(screen)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.destroyed.connect(lambda _=None, d=dialog: self._dialogs.remove(d) if d in self._dialogs else None)
        self._dialogs.append(dialog)
        dialog.show()
        return screen

    # -- exports ----------------------------------------------------------------------------
    def _set_export_enabled(self, enabled: bool) -> None:
        self.pdf_button.setEnabled(enabled)
        self.xlsx_button.setEnabled(enabled)

    def _default_name(self, suffix: str) -> str:
        data = self.data
        return f"{data.centre_name}{data.year}年{data.month:02d}月统计月报.{suffix}" if data else f"统计月报.{suffix}"

    def _ask_pdf(self) -> None:
        if self.data is None:
            return
        path, _ = QFileDialog.getSaveFileName(self, self.tr("导出月报 PDF"), self._default_name("pdf"),
                                              self.tr("PDF 文件 (*.pdf)"))
        if path:
            self.export_pdf(path)

    def _ask_xlsx(self) -> None:
        if self.data is None:
            return
        path, _ = QFileDialog.getSaveFileName(self, self.tr("导出 Excel"), self._default_name("xlsx"),
                                              self.tr("Excel 工作簿 (*.xlsx)"))
        if path:
            self.export_xlsx(path)

    def export_pdf(self, path: str | Path) -> None:
        """Build the PDF of the month shown, off the GUI thread."""
        data = self.data

        def build() -> Path:
            from core.documents.monthly_report import build_monthly_report

            build_monthly_report(data, out=path)
            return Path(path)

        self._export(build)

    def export_xlsx(self, path: str | Path) -> None:
        data = self.data

        def build() -> Path:
            from core.stats_xlsx import write_workbook

            write_workbook(data, path)
            return Path(path)

        self._export(build)

    def _export(self, build) -> None:
        if self.data is None:
            return
        self._set_export_enabled(False)
        self.status.setText(self.tr("正在生成…"))

        def done(path: Path) -> None:
            self._set_export_enabled(True)
            self.status.setText(self.tr("已保存：") + str(path))

        def failed(exc: BaseException) -> None:
            self._set_export_enabled(True)
            self.status.setText("")
            self.error.setText(self.tr("导出失败：") + error_text(exc))
            self.error.show()

        self.ctx.tasks.run(build, on_done=done, on_error=failed)
