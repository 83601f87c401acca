"""取号叫号: take a number per service (F1…F11), call the next visitor to this window
(F12), recall, skip, transfer, start the intake (Ctrl+I), and print the ticket.

Everything that touches the database or a printer runs through ``ctx.tasks``; the list is
reloaded as soon as any PC takes or calls a number (desktop.live_updates), so several reception
PCs see each other's numbers — polled every two seconds while that feed is down.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from PySide6.QtCore import QSettings, QSize, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QFontMetrics, QImage, QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from core import queue
from core.auth import PermissionDenied
from core.queue import QueueError, Service, TicketRow
from db.engine import data_dir
from desktop.context import AppContext
from desktop.messages import error_text
from desktop.models.queue_table import Col, QueueTableModel, label_font
from desktop.vocab import tr_code

POLL_MS = 2000
# Windows are named like rooms: the name is stored on the ticket and shown on the hall's call
# display (Chinese for the visitors), so it stays Chinese whatever the UI's language.
DEFAULT_WINDOWS = [f"{i}号窗口" for i in range(1, 7)]
#: Keys for the services in the centre's order (11 services: F1…F11; F12 calls).
SERVICE_KEYS = [f"F{i}" for i in range(1, 12)]

_STYLE = """
QWidget#queue QFrame#panel { background: #ffffff; border: 1px solid #d0d5dd; border-radius: 6px; }
QWidget#queue QLabel#panelTitle { color: #1f3a5f; font-size: 11pt; font-weight: bold; }
QWidget#queue QPushButton#takeButton {
    background: #ffffff; border: 1px solid #b8c4d6; border-left: 5px solid #2e5c8a;
    border-radius: 4px; padding: 6px 8px; text-align: left; font-size: 10.5pt; color: #101828;
}
QWidget#queue QPushButton#takeButton:hover { background: #eef4fb; }
QWidget#queue QPushButton#takeButton:pressed { background: #d6e4f5; }
QWidget#queue QPushButton#takeButton:disabled { color: #98a2b3; }
QWidget#queue QLabel#currentLabel { color: #b54708; font-size: 34pt; font-weight: bold; }
QWidget#queue QLabel#currentIdle { color: #98a2b3; font-size: 20pt; }
QWidget#queue QLabel#currentInfo { color: #344054; font-size: 11pt; }
QWidget#queue QLabel#windowBadge {
    background: #1f3a5f; color: #ffffff; border-radius: 4px; padding: 3px 10px; font-size: 11pt;
}
QWidget#queue QPushButton#callButton {
    background: #1f6f43; color: #ffffff; border: none; border-radius: 4px;
    font-size: 12pt; font-weight: bold; padding: 8px 18px;
}
QWidget#queue QPushButton#callButton:hover { background: #185c37; }
QWidget#queue QPushButton#callButton:disabled { background: #98a2b3; }
QWidget#queue QPushButton#actionButton { padding: 7px 12px; }
QWidget#queue QLabel#message { color: #1e6b3a; font-size: 10pt; }
QWidget#queue QLabel#daySummary { color: #475467; background: #f2f6fb; border-radius: 4px; padding: 6px 8px; }
QWidget#queue QLabel#ticketPreview { background: #eef1f5; border: 1px dashed #b8c4d6; }
"""


@dataclass(frozen=True)
class PrintResult:
    """What happened to a ticket sent for printing (handed back to the GUI thread)."""

    label: str
    pdf_path: Path
    sent_to: str  # "" → PDF only; else the ESC/POS printer it went to


def print_ticket_job(engine, ticket_id: int) -> PrintResult:
    """Worker-thread part of printing: build the PDF (always kept under
    data_dir()/tickets/<day>/ as the record and for the preview) and send the ticket to
    the ESC/POS printer when the ``ticket_printer`` Setting names one."""
    from core.devices.printer import printer_from_setting
    from core.documents.ticket import ticket_pdf
    from core.settings import get_settings
    from core.uow import read_only

    data = queue.ticket_data(engine, ticket_id)
    with read_only(engine) as session:
        settings = get_settings(session)
    try:
        paper = int(settings.get("ticket_paper", "80"))
    except ValueError:
        paper = 80
    paper = paper if paper in (80, 58) else 80
    folder = data_dir() / "tickets" / data.taken_at.date().isoformat()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{data.label}.pdf"
    ticket_pdf(data, paper=paper, out=path)
    printer = printer_from_setting(settings.get("ticket_printer", ""), paper=paper)
    sent_to = ""
    if printer is not None:
        printer.print_ticket(data)
        sent_to = getattr(printer, "description", type(printer).__name__)
    return PrintResult(data.label, path, sent_to)


def render_pdf_preview(path: Path, width: int) -> QImage | None:
    """First page of a PDF as an image ``width`` pixels wide (QtPdf), or None."""
    from PySide6.QtPdf import QPdfDocument

    doc = QPdfDocument()
    try:
        if doc.load(str(path)) != QPdfDocument.Error.None_ or doc.pageCount() < 1:
            return None
        size = doc.pagePointSize(0)
        height = max(1, round(width * size.height() / max(1.0, size.width())))
        return doc.render(0, QSize(width, height))
    finally:
        doc.close()


class QueueScreen(QWidget):
    title = "取号叫号"
    live_topics = ("queue",)

    #: Start intake: the ticket being served (its ``prefill`` fills the intake form).
    intake_requested = Signal(object)
    #: A ticket was printed (PrintResult) — for the status bar and tests.
    ticket_printed = Signal(object)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("queue")
        self.setStyleSheet(_STYLE)
        self.ctx = ctx
        self.clock = datetime.now  # tests may replace it
        self.services: list[Service] = queue.services(ctx.engine)
        self._names = {s.code: s.short_name for s in self.services}
        self._counts: dict[str, int] = {}
        self._day_rows: list[TicketRow] = []
        self._busy = False
        self._polling = False
        self._poll_again = False
        self._live = False  # the live feed works: no polling timer
        self._stale = False  # a change arrived while hidden
        self._generation = 0
        self.current: TicketRow | None = None
        self.last_print: PrintResult | None = None
        self._station = QSettings(str(data_dir() / "workstation.ini"), QSettings.Format.IniFormat)

        # -- left: take a number ------------------------------------------------------
        take_panel, take_layout = _panel(self.tr("取号（按服务）"))
        grid = QGridLayout()
        grid.setSpacing(6)
        self.take_buttons: dict[str, QPushButton] = {}
        for i, service in enumerate(self.services):
            button = QPushButton()
            button.setObjectName("takeButton")
            button.setMinimumHeight(50)
            button.setMaximumHeight(78)
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
            button.setToolTip(self.tr("为“%1”取号并打印票据").replace("%1", tr_code(service.name)))
            button.clicked.connect(lambda _=False, code=service.code: self.take(code))
            if i < len(SERVICE_KEYS):
                QShortcut(QKeySequence(SERVICE_KEYS[i]), self,
                          activated=lambda code=service.code: self.take(code))
            self.take_buttons[service.code] = button
            grid.addWidget(button, i // 2, i % 2)
        take_layout.addLayout(grid)
        take_layout.addStretch(1)
        self.day_summary = QLabel()
        self.day_summary.setObjectName("daySummary")
        self.day_summary.setWordWrap(True)
        take_layout.addSpacing(8)
        take_layout.addWidget(self.day_summary)
        self._update_take_buttons()

        # -- middle: this window's current ticket, the actions, the list --------------
        self.window_combo = QComboBox()
        self.window_combo.setEditable(True)
        self.window_combo.addItems(DEFAULT_WINDOWS)
        self.window_combo.setCurrentText(str(self._station.value("queue/window", DEFAULT_WINDOWS[0])))
        self.window_combo.setToolTip(self.tr("本机所在的窗口或柜台（叫号大屏上显示）"))
        self.window_combo.currentTextChanged.connect(self._window_changed)
        self.scope_combo = QComboBox()
        self.scope_combo.addItem(self.tr("全部服务"), None)
        for service in self.services:
            self.scope_combo.addItem(service.short_name, service.code)
        self.scope_combo.setToolTip(self.tr("叫下一位时从哪项服务的队列中叫号"))
        selectors = QHBoxLayout()
        selectors.addWidget(QLabel(self.tr("本机窗口")))
        selectors.addWidget(self.window_combo, 1)
        selectors.addSpacing(12)
        selectors.addWidget(QLabel(self.tr("叫号范围")))
        selectors.addWidget(self.scope_combo, 1)
        for combo in (self.window_combo, self.scope_combo):
            combo.setMaximumWidth(240)
        selectors.addStretch(1)

        current_panel, current_layout = _panel(self.tr("当前呼叫"))
        self.window_badge = QLabel()
        self.window_badge.setObjectName("windowBadge")
        self.current_label = QLabel()
        self.current_label.setObjectName("currentIdle")
        self.current_info = QLabel()
        self.current_info.setObjectName("currentInfo")
        self.current_info.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(self.current_label)
        top.addSpacing(16)
        top.addWidget(self.current_info, 1)
        top.addWidget(self.window_badge, 0, Qt.AlignmentFlag.AlignTop)
        current_layout.addLayout(selectors)
        current_layout.addLayout(top)

        self.call_button = QPushButton(self.tr("叫下一位\nF12"))
        self.call_button.setObjectName("callButton")
        self.call_button.setToolTip(self.tr("叫下一位（F12 或 Ctrl+Enter）"))
        self.call_button.clicked.connect(self.call_next)
        self.recall_button = _action(self.tr("重呼  Ctrl+R"), self.tr("再呼叫一次（选中过号的号票可重新呼叫）"))
        self.recall_button.clicked.connect(self.recall)
        self.skip_button = _action(self.tr("过号  Ctrl+K"), self.tr("当事人不在：放回队列，呼叫次数满即作过号"))
        self.skip_button.clicked.connect(self.skip)
        self.transfer_button = _action(self.tr("转窗口  Ctrl+T"), self.tr("转到其他服务，保留原排队时间"))
        self.transfer_menu = QMenu(self)
        for service in self.services:
            self.transfer_menu.addAction(service.short_name).triggered.connect(
                lambda _=False, code=service.code: self.transfer(code))
        self.transfer_button.setMenu(self.transfer_menu)
        self.intake_button = _action(self.tr("开始登记  Ctrl+I"), self.tr("开始办理并打开登记表（预填服务和到达时间）"))
        self.intake_button.clicked.connect(self.start_intake)
        self.finish_button = _action(self.tr("办结  Ctrl+D"), self.tr("接待完毕"))
        self.finish_button.clicked.connect(self.finish)
        # The call button large on the left; the other actions in two rows beside it.
        self.call_button.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        actions = QGridLayout()
        actions.setHorizontalSpacing(6)
        actions.setVerticalSpacing(6)
        actions.addWidget(self.call_button, 0, 0, 2, 1)
        for i, b in enumerate((self.recall_button, self.skip_button, self.transfer_button,
                               self.intake_button, self.finish_button)):
            actions.addWidget(b, i // 3, 1 + i % 3)
        # Sized for 1280×800; on wider screens the spare room goes to the right, not into
        # ever wider buttons.
        self.call_button.setMinimumWidth(150)
        self.call_button.setMaximumWidth(220)
        for i in (1, 2, 3):
            actions.setColumnMinimumWidth(i, 118)
        actions.setColumnStretch(4, 1)
        current_layout.addLayout(actions)

        self.model = QueueTableModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(30)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        widths = self.model.column_widths(self.table.fontMetrics(), QFontMetrics(label_font()),
                                          header.fontMetrics())
        for col, width in widths.items():
            self.table.setColumnWidth(col, width)
        header.setSectionResizeMode(Col.NOTE, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(lambda _i: self.start_intake())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._enable_actions())
        self.show_closed = QCheckBox(self.tr("显示已办结、过号和已转的号"))
        self.show_closed.toggled.connect(lambda _on: self._apply(self._day_rows, self._counts))
        self.summary = QLabel()
        self.summary.setObjectName("panelTitle")
        list_head = QHBoxLayout()
        list_head.addWidget(self.summary)
        list_head.addStretch(1)
        list_head.addWidget(self.show_closed)
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.error = QLabel()
        self.error.setObjectName("fieldError")
        self.error.setWordWrap(True)
        self.error.hide()

        middle = QVBoxLayout()
        middle.addWidget(current_panel)
        middle.addLayout(list_head)
        middle.addWidget(self.table, 1)
        middle.addWidget(self.error)
        middle.addWidget(self.message)

        # -- right: the last ticket ----------------------------------------------------
        ticket_panel, ticket_layout = _panel(self.tr("最近打印的票据"))
        self.preview = QLabel(self.tr("尚未打印票据"))
        self.preview.setObjectName("ticketPreview")
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setMinimumSize(204, 240)
        self.preview_info = QLabel()
        self.preview_info.setObjectName("hint")
        self.preview_info.setWordWrap(True)
        self.reprint_button = _action(self.tr("重打  Ctrl+P"), self.tr("再打印选中号票（或最近一张）的票据"))
        self.reprint_button.clicked.connect(self.reprint)
        self.open_button = _action(self.tr("打开 PDF"), self.tr("用系统的 PDF 阅读器打开，可从中打印"))
        self.open_button.clicked.connect(self.open_pdf)
        self.open_button.setEnabled(False)
        ticket_layout.addWidget(self.preview, 0, Qt.AlignmentFlag.AlignHCenter)
        ticket_layout.addWidget(self.preview_info)
        ticket_panel.setFixedWidth(232)
        # Side by side when both fit the panel (Chinese), one above the other when not (English).
        margins = ticket_layout.contentsMargins()
        room = ticket_panel.width() - margins.left() - margins.right()
        for button in (self.reprint_button, self.open_button):
            button.ensurePolished()
        side_by_side = self.reprint_button.sizeHint().width() + self.open_button.sizeHint().width() + 6 <= room
        row = QHBoxLayout() if side_by_side else QVBoxLayout()
        row.addWidget(self.reprint_button)
        row.addWidget(self.open_button)
        ticket_layout.addLayout(row)
        ticket_layout.addStretch(1)

        layout = QHBoxLayout(self)
        take_panel.setFixedWidth(268)
        layout.addWidget(take_panel)
        layout.addLayout(middle, 1)
        layout.addWidget(ticket_panel)

        for keys, slot in (("F12", self.call_next), ("Ctrl+Return", self.call_next),
                           ("Ctrl+Enter", self.call_next), ("Ctrl+R", self.recall),
                           ("Ctrl+K", self.skip), ("Ctrl+T", self._open_transfer_menu),
                           ("Ctrl+I", self.start_intake), ("Ctrl+D", self.finish),
                           ("Ctrl+P", self.reprint), ("F5", self.refresh)):
            QShortcut(QKeySequence(keys), self, activated=slot)

        self.setTabOrder(self.window_combo, self.scope_combo)
        self.setTabOrder(self.scope_combo, self.call_button)
        self.setTabOrder(self.call_button, self.recall_button)
        self.setTabOrder(self.recall_button, self.skip_button)
        self.setTabOrder(self.skip_button, self.transfer_button)
        self.setTabOrder(self.transfer_button, self.intake_button)
        self.setTabOrder(self.intake_button, self.finish_button)
        self.setTabOrder(self.finish_button, self.table)

        self._show_current()
        self.timer = QTimer(self, interval=POLL_MS)
        self.timer.timeout.connect(self.refresh)
        self.timer.start()
        self.refresh()

    # -- state -----------------------------------------------------------------------
    @property
    def busy(self) -> bool:
        """An action (take, call …) is under way; buttons are disabled until it ends."""
        return self._busy

    @property
    def polling(self) -> bool:
        return self._polling

    def window(self) -> str:
        return self.window_combo.currentText().strip()

    def selected_ticket(self) -> TicketRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def target_ticket(self) -> TicketRow | None:
        """What recall/skip/transfer/intake act on: the selected row, else this window's ticket."""
        return self.selected_ticket() or self.current

    def resizeEvent(self, event) -> None:  # noqa: N802 — Qt API
        super().resizeEvent(event)
        self._update_take_buttons()  # the service names are elided to the buttons' new width

    # -- polling ---------------------------------------------------------------------
    def showEvent(self, event) -> None:  # noqa: N802 — Qt API
        super().showEvent(event)
        if self._live:
            if self._stale:
                self._stale = False
                self.refresh()
        elif not self.timer.isActive():
            self.timer.start()
            self.refresh()

    def hideEvent(self, event) -> None:  # noqa: N802 — Qt API
        # Another screen is in front: stop polling until this one is shown again.
        super().hideEvent(event)
        self.timer.stop()

    # -- live updates (desktop.live_updates) -------------------------------------------
    def live_connected(self, connected: bool) -> None:
        self._live = connected
        if connected:
            self.timer.stop()
        elif self.isVisible() and not self.timer.isActive():
            self.timer.start()
            self.refresh()  # changes may have been missed while the feed was down

    def live_changed(self, _topic: str) -> None:
        if self.isVisible():
            self.refresh()  # one fetch at a time; a change during one triggers another
        else:
            self._stale = True

    def refresh(self) -> None:
        """Fetch the list again (off the GUI thread); at most one fetch at a time."""
        if self._polling:
            self._poll_again = True
            return
        self._polling = True
        self._generation += 1
        generation = self._generation
        engine, now = self.ctx.engine, self.clock()

        def fetch():
            rows = queue.waiting_list(engine, now.date(), include_closed=True, now=now)
            return rows, queue.waiting_counts(engine, now.date())

        def done(result) -> None:
            if not isValid(self):  # closed while the query ran
                return
            self._polling = False
            if generation == self._generation:
                self._apply(*result)
            if self._poll_again:
                self._poll_again = False
                self.refresh()

        def failed(exc: BaseException) -> None:
            if not isValid(self):  # closed while the query ran
                return
            self._polling = False
            self._show_error(self.tr("无法读取队列：") + error_text(exc))

        self.ctx.tasks.run(fetch, on_done=done, on_error=failed)

    def _apply(self, rows: list[TicketRow], counts: dict[str, int]) -> None:
        self._day_rows = rows
        self._show_day_summary(rows)
        if not self.show_closed.isChecked():
            rows = [r for r in rows if r.status in queue.ACTIVE_STATUSES]
        selected = self.selected_ticket()
        self.model.set_rows(rows)
        if selected is not None:
            r = self.model.index_of(selected.id)
            if r >= 0:
                self.table.selectRow(r)
            else:
                self.table.clearSelection()
        self._counts = counts
        self._update_take_buttons()
        window = self.window()
        mine = [r for r in rows if r.window == window and r.status in ("called", "serving")]
        self.current = max(mine, key=lambda r: (r.called_at or r.taken_at, r.id)) if mine else None
        self._show_current()
        waiting = sum(counts.values())
        self.summary.setText(self.tr("等候队列：共 %1 人等候").replace("%1", str(waiting)))

    def _show_day_summary(self, rows: list[TicketRow]) -> None:
        taken = [r for r in rows if r.transferred_from_id is None]
        waits = [r.waited_minutes for r in taken
                 if r.status in ("serving", "done", "transferred") and r.called_at]
        by = {s: sum(1 for r in rows if r.status == s) for s in ("done", "missed", "transferred")}
        text = self.tr("今日取号 %1　已办结 %2\n过号 %3　转窗口 %4") \
            .replace("%1", str(len(taken))).replace("%2", str(by["done"])) \
            .replace("%3", str(by["missed"])).replace("%4", str(by["transferred"]))
        if waits:
            text = self.tr("%1　平均等候 %2 分钟").replace("%2", f"{sum(waits) / len(waits):.0f}").replace("%1", text)
        self.day_summary.setText(text)

    def _update_take_buttons(self) -> None:
        for i, service in enumerate(self.services):
            key = SERVICE_KEYS[i] if i < len(SERVICE_KEYS) else ""
            waiting = self._counts.get(service.code, 0)
            name = tr_code(service.short_name)
            button = self.take_buttons[service.code]
            # English names are three times the Chinese: the name gets its own line, elided to the
            # button's width (the whole name is in the tooltip), the key and the count the second.
            # Redone when the screen is resized (resizeEvent).
            room = max(button.width() - 24, 60)
            metrics = button.fontMetrics()
            shown = metrics.elidedText(name, Qt.TextElideMode.ElideRight, room)
            count = self.tr("%1　等候 %2 人").replace("%1", key).replace("%2", str(waiting))
            if metrics.horizontalAdvance(count) > room:  # F10/F11 with a two-digit queue: the short form
                count = self.tr("%1　%2 人").replace("%1", key).replace("%2", str(waiting))
            button.setText(f"{shown}\n{count}")

    def _show_current(self) -> None:
        window = self.window() or self.tr("未选择窗口")
        self.window_badge.setText(window)
        t = self.current
        if t is None:
            self.current_label.setObjectName("currentIdle")
            self.current_label.setText(self.tr("空闲"))
            self.current_info.setText(self.tr("按 F12 叫下一位；按 F1–F11 为对应服务取号。"))
        else:
            self.current_label.setObjectName("currentLabel")
            self.current_label.setText(t.label)
            state = self.tr("办理中") if t.status == "serving" else \
                self.tr("第 %1 次呼叫").replace("%1", str(t.call_count))
            info = [self.tr("%1　·　%2").replace("%1", tr_code(t.committee_name)).replace("%2", state),
                    self.tr("取号 %1，已等 %2 分钟").replace("%1", t.taken_at.strftime("%H:%M"))
                    .replace("%2", str(t.waited_minutes))]
            if t.status == "called":
                info.append(self.tr("再呼 %n 次未到即过号", "", t.calls_left))
            if t.transferred_from_label:
                info.append(self.tr("由 %1 转入").replace("%1", t.transferred_from_label))
            self.current_info.setText("\n".join(info))
        # objectName changed: re-apply the style sheet to this label
        self.current_label.style().unpolish(self.current_label)
        self.current_label.style().polish(self.current_label)
        self._enable_actions()

    def _enable_actions(self) -> None:
        idle = not self._busy
        for b in self.take_buttons.values():
            b.setEnabled(idle)
        self.call_button.setEnabled(idle)
        t = self.target_ticket()
        status = t.status if t else None
        self.recall_button.setEnabled(idle and status in ("called", "waiting"))
        self.skip_button.setEnabled(idle and status == "called")
        self.transfer_button.setEnabled(idle and status in queue.ACTIVE_STATUSES)
        self.intake_button.setEnabled(idle and status in queue.ACTIVE_STATUSES)
        self.finish_button.setEnabled(idle and status in ("called", "serving"))
        self.reprint_button.setEnabled(idle and (t is not None or self.last_print is not None))

    def _window_changed(self, text: str) -> None:
        if text.strip():
            self._station.setValue("queue/window", text.strip())
        self.current = None
        self._show_current()
        self.refresh()

    # -- actions ---------------------------------------------------------------------
    def _run(self, fn, *args, on_done=None, **kwargs) -> None:
        """One queue use case off the GUI thread; its result or error comes back here."""
        if self._busy:
            return
        self._busy = True
        self._show_error("")
        self._enable_actions()

        def done(result) -> None:
            if not isValid(self):  # closed while the query ran
                return
            self._busy = False
            if on_done is not None:
                on_done(result)
            self._enable_actions()
            self.refresh()

        def failed(exc: BaseException) -> None:
            if not isValid(self):  # closed while the query ran
                return
            self._busy = False
            if isinstance(exc, QueueError | PermissionDenied):
                self._show_error(error_text(exc))
            else:
                self._show_error(self.tr("操作未完成：") + (error_text(exc) or type(exc).__name__))
            self._enable_actions()
            self.refresh()

        self.ctx.tasks.run(fn, self.ctx.engine, self.ctx.user, *args, on_done=done,
                           on_error=failed, **kwargs)

    def take(self, code: str) -> None:
        def taken(row: TicketRow) -> None:
            self._say(self.tr("已取号 %1（%2），前面 %3 人等候。正在打印票据…")
                      .replace("%1", row.label).replace("%2", tr_code(row.committee_name))
                      .replace("%3", str(row.position_ahead)))
            self.print_ticket(row.id)

        self._run(queue.take_ticket, code, on_done=taken)

    def call_next(self) -> None:
        window = self.window()
        if not window:
            self._show_error(self.tr("请先选择本机窗口"))
            self.window_combo.setFocus()
            return

        def called(row: TicketRow | None) -> None:
            if row is None:
                scope = self.scope_combo.currentText()
                self._say(self.tr("%1暂无等候的号。").replace("%1", scope))
                self.current = None
            else:
                self.current = row
                self.table.clearSelection()
                self._say(self.tr("请 %1 号到 %2。").replace("%1", row.label).replace("%2", window))
            self._show_current()

        self._run(queue.call_next, self.scope_combo.currentData(), window, on_done=called)

    def recall(self) -> None:
        t = self.target_ticket()
        if t is None:
            self._show_error(self.tr("没有可重呼的号：请先叫号或在列表中选中号票"))
            return

        def recalled(row: TicketRow) -> None:
            self.current = row
            self.table.clearSelection()
            self._say(self.tr("已重呼 %1（第 %2 次）。").replace("%1", row.label)
                      .replace("%2", str(row.call_count)))
            self._show_current()

        self._run(queue.recall, t.id, window=self.window() or None, on_done=recalled)

    def skip(self) -> None:
        t = self.target_ticket()
        if t is None or t.status != "called":
            self._show_error(self.tr("只有正在呼叫的号可以过号"))
            return

        def skipped(row: TicketRow) -> None:
            if self.current is not None and self.current.id == row.id:
                self.current = None
            self.table.clearSelection()
            if row.status == "missed":
                self._say(self.tr("%1 已呼叫 %n 次未到，作过号处理。", "", row.call_count).replace("%1", row.label))
            else:
                self._say(self.tr("%1 暂未到，已放回队列（还可呼叫 %n 次）。", "", row.calls_left).replace("%1", row.label))
            self._show_current()

        self._run(queue.skip, t.id, on_done=skipped)

    def _open_transfer_menu(self) -> None:
        if self.transfer_button.isEnabled():
            self.transfer_button.showMenu()

    def transfer(self, to_code: str) -> None:
        t = self.target_ticket()
        if t is None:
            self._show_error(self.tr("请先选中要转窗口的号票"))
            return

        def moved(row: TicketRow) -> None:
            if self.current is not None and self.current.id == t.id:
                self.current = None
            self.table.clearSelection()
            self._say(self.tr("%1 已转至%2，新号 %3（保留原排队时间）。正在打印新票据…")
                      .replace("%1", t.label).replace("%2", tr_code(row.committee_name)).replace("%3", row.label))
            self._show_current()
            self.print_ticket(row.id)

        self._run(queue.transfer, t.id, to_code, on_done=moved)

    def start_intake(self) -> None:
        """The ticket becomes an intake form: mark it 办理中 and emit ``intake_requested``."""
        t = self.target_ticket()
        if t is None:
            self._show_error(self.tr("请先叫号或选中号票，再开始登记"))
            return

        def started(row: TicketRow) -> None:
            self.current = row
            self._say(self.tr("%1 办理中：正在打开登记表。").replace("%1", row.label))
            self._show_current()
            self.intake_requested.emit(row)

        self._run(queue.start_service, t.id, window=self.window() or None, on_done=started)

    def finish(self) -> None:
        t = self.target_ticket()
        if t is None:
            self._show_error(self.tr("没有正在办理的号"))
            return

        def finished(row: TicketRow) -> None:
            if self.current is not None and self.current.id == row.id:
                self.current = None
            self.table.clearSelection()
            self._say(self.tr("%1 已办结。").replace("%1", row.label))
            self._show_current()

        self._run(queue.finish, t.id, on_done=finished)

    # -- tickets ---------------------------------------------------------------------
    def print_ticket(self, ticket_id: int) -> None:
        """Build the ticket PDF and send it to the configured printer, off the GUI thread."""

        def printed(result: PrintResult) -> None:
            if not isValid(self):  # closed while the query ran
                return
            self.last_print = result
            self._show_preview(result)
            where = result.sent_to or self.tr("PDF 已保存")
            done = self.tr("票据 %1 已打印（%2）。").replace("%1", result.label).replace("%2", where)
            current = self.message.text()
            pending = current.find(self.tr("正在打印"))
            if pending >= 0:  # complete the take/transfer message rather than replace it
                self.message.setText(current[:pending] + done)
            else:
                self._say(done)
            self._enable_actions()
            self.ticket_printed.emit(result)

        def failed(exc: BaseException) -> None:
            if not isValid(self):  # closed while the query ran
                return
            self._show_error(self.tr("票据未能打印：") + (error_text(exc) or type(exc).__name__)
                             + self.tr("（号已取到，可按 Ctrl+P 重打）"))

        self.ctx.tasks.run(print_ticket_job, self.ctx.engine, ticket_id, on_done=printed,
                           on_error=failed)

    def reprint(self) -> None:
        t = self.selected_ticket() or self.current
        if t is not None:
            self.print_ticket(t.id)
        elif self.last_print is not None:
            self._show_preview(self.last_print)

    def _show_preview(self, result: PrintResult) -> None:
        image = render_pdf_preview(result.pdf_path, 204 * max(1, round(self.devicePixelRatioF())))
        if image is not None:
            pixmap = QPixmap.fromImage(image)
            pixmap.setDevicePixelRatio(self.devicePixelRatioF())
            self.preview.setPixmap(pixmap)
        self.preview_info.setText(self.tr("%1　%2").replace("%1", result.label).replace("%2", result.pdf_path.name) + "\n"
                                  + (self.tr("已送打印机：") + result.sent_to if result.sent_to
                                     else self.tr("已保存 PDF（未配置票据打印机）")))
        self.open_button.setEnabled(True)

    def open_pdf(self) -> None:
        if self.last_print is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.last_print.pdf_path)))

    # -- messages --------------------------------------------------------------------
    def _say(self, text: str) -> None:
        self.message.setText(self.tr("%1　%2").replace("%1", f"{self.clock():%H:%M:%S}").replace("%2", text))

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))

    def today(self) -> date:
        return self.clock().date()


def _panel(title: str) -> tuple[QFrame, QVBoxLayout]:
    frame = QFrame()
    frame.setObjectName("panel")
    layout = QVBoxLayout(frame)
    layout.setContentsMargins(12, 10, 12, 12)
    label = QLabel(title)
    label.setObjectName("panelTitle")
    layout.addWidget(label)
    return frame, layout


def _action(text: str, tip: str) -> QPushButton:
    button = QPushButton(text)
    button.setObjectName("actionButton")
    button.setToolTip(tip)
    return button
