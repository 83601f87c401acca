"""叫号大屏: the call display for a second monitor or a TV in the waiting hall.

Dark background, the number being called in very large type with its window
("请 医-003 号 到 2号窗口"), the last numbers called, how many wait per service, the
centre's name and a clock. It reloads through ``ctx.tasks`` as soon as any PC calls a number
(desktop.live_updates), polling every two seconds while that feed is down; a new call (or a recall of the same number) makes the panel flash.
Font sizes follow the window's height, so it reads the same at 1280×800 and 1920×1080.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDateTime, QLocale, Qt, QTimer
from PySide6.QtGui import QFont, QFontMetrics, QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from core import queue
from core.queue import TicketRow
from desktop.context import AppContext
from desktop.vocab import tr_code

POLL_MS = 2000
RECENT = 8  # the current call and the seven before it
FLASHES = 6

STATES = {
    "called": QT_TRANSLATE_NOOP("CallDisplayScreen", "呼叫中"),
    "serving": QT_TRANSLATE_NOOP("CallDisplayScreen", "办理中"),
    "done": QT_TRANSLATE_NOOP("CallDisplayScreen", "已办结"),
    "missed": QT_TRANSLATE_NOOP("CallDisplayScreen", "过号"),
    "transferred": QT_TRANSLATE_NOOP("CallDisplayScreen", "已转"),
    "waiting": QT_TRANSLATE_NOOP("CallDisplayScreen", "待重呼"),
}

_STYLE = """
QWidget#call_display { background: #0b1a2e; }
QWidget#call_display QLabel { color: #e6edf7; background: transparent; }
QWidget#call_display QFrame#topBar { background: #12294a; border-bottom: 3px solid #f0b429; }
QWidget#call_display QLabel#centreName { color: #ffffff; font-weight: bold; }
QWidget#call_display QLabel#clock { color: #c9d6ea; }
QWidget#call_display QFrame#callPanel { background: #102544; border: 3px solid #1d3b66; border-radius: 14px; }
QWidget#call_display QFrame#callPanel[flash="true"] { background: #3a2a05; border: 3px solid #f0b429; }
QWidget#call_display QLabel#caption { color: #8fa6c7; }
QWidget#call_display QLabel#please { color: #e6edf7; }
QWidget#call_display QLabel#bigNumber { color: #ffd24a; font-weight: bold; }
QWidget#call_display QLabel#bigWindow { color: #7ee0a1; font-weight: bold; }
QWidget#call_display QLabel#serviceLine { color: #c9d6ea; }
QWidget#call_display QFrame#recentPanel { background: #0f2240; border: 1px solid #1d3b66; border-radius: 14px; }
QWidget#call_display QLabel#recentTitle { color: #8fa6c7; }
QWidget#call_display QLabel#recentLabel { color: #ffffff; font-weight: bold; }
QWidget#call_display QLabel#recentWindow { color: #9fd8b4; }
QWidget#call_display QLabel#recentState { color: #8fa6c7; }
QWidget#call_display QFrame#bottomBar { background: #12294a; }
QWidget#call_display QLabel#waitingLine { color: #e6edf7; }
QWidget#call_display QLabel#ruleLine { color: #f0b429; }
QWidget#call_display QPushButton#fullScreenButton {
    background: #1d3b66; color: #e6edf7; border: 1px solid #2e5c8a; border-radius: 4px; padding: 4px 10px;
}
"""


class CallDisplayScreen(QWidget):
    title = "叫号大屏"
    live_topics = ("queue", "settings")

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("call_display")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet(_STYLE)
        self.ctx = ctx
        self.clock = datetime.now  # tests may replace it
        self.current: TicketRow | None = None
        self.recent: list[TicketRow] = []
        self._last_key: tuple | None = None
        self._loaded = False
        self._counts: dict[str, int] = {}
        self._names: dict[str, str] = {}
        self._flashes_left = 0
        self._polling = False
        self._again = False  # a change arrived during a fetch: fetch once more
        self._live = False  # the live feed works: no polling timer
        self._stale = False
        self._feed = None  # desktop.live_updates.LiveUpdates, handed on to a detached display
        self._detached: CallDisplayScreen | None = None
        self.missed_after = queue.DEFAULT_MISSED_AFTER
        self.centre_name = ""

        # -- top bar: centre name, clock -------------------------------------------------
        top = QFrame()
        top.setObjectName("topBar")
        self.centre_label = QLabel()
        self.centre_label.setObjectName("centreName")
        self.clock_label = QLabel()
        self.clock_label.setObjectName("clock")
        self.full_screen_button = QPushButton(self.tr("在副屏全屏显示  F11"))
        self.full_screen_button.setObjectName("fullScreenButton")
        self.full_screen_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.full_screen_button.clicked.connect(self.show_full_screen_on_second_screen)
        top_layout = QHBoxLayout(top)
        top_layout.setContentsMargins(28, 10, 28, 10)
        top_layout.addWidget(self.centre_label)
        top_layout.addStretch(1)
        top_layout.addWidget(self.full_screen_button)
        top_layout.addSpacing(16)
        top_layout.addWidget(self.clock_label)

        # -- the call --------------------------------------------------------------------
        self.call_panel = QFrame()
        self.call_panel.setObjectName("callPanel")
        self.caption = QLabel(self.tr("正在叫号"))
        self.caption.setObjectName("caption")
        self.please = QLabel(self.tr("请"))
        self.please.setObjectName("please")
        self.number_label = QLabel()
        self.number_label.setObjectName("bigNumber")
        self.number_suffix = QLabel(self.tr("号"))
        self.number_suffix.setObjectName("please")
        self.window_label = QLabel()
        self.window_label.setObjectName("bigWindow")
        self.service_label = QLabel()
        self.service_label.setObjectName("serviceLine")
        self.rule_label = QLabel()
        self.rule_label.setObjectName("ruleLine")
        number_row = QHBoxLayout()
        number_row.addStretch(1)
        number_row.addWidget(self.please, 0, Qt.AlignmentFlag.AlignBottom)
        number_row.addSpacing(18)
        number_row.addWidget(self.number_label, 0, Qt.AlignmentFlag.AlignBottom)
        number_row.addSpacing(18)
        number_row.addWidget(self.number_suffix, 0, Qt.AlignmentFlag.AlignBottom)
        number_row.addStretch(1)
        for label in (self.caption, self.window_label, self.service_label, self.rule_label):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        call_layout = QVBoxLayout(self.call_panel)
        call_layout.setContentsMargins(24, 18, 24, 24)
        call_layout.addWidget(self.caption)
        call_layout.addStretch(1)
        call_layout.addLayout(number_row)
        call_layout.addWidget(self.window_label)
        call_layout.addSpacing(8)
        call_layout.addWidget(self.service_label)
        call_layout.addStretch(1)
        call_layout.addWidget(self.rule_label)

        # -- recent calls ------------------------------------------------------------------
        recent_panel = QFrame()
        recent_panel.setObjectName("recentPanel")
        self.recent_title = QLabel(self.tr("最近叫号"))
        self.recent_title.setObjectName("recentTitle")
        self.recent_grid = QGridLayout()
        self.recent_grid.setHorizontalSpacing(18)
        self.recent_grid.setVerticalSpacing(6)
        self.recent_cells: list[tuple[QLabel, QLabel, QLabel]] = []
        for i in range(RECENT - 1):
            cells = (QLabel(), QLabel(), QLabel())
            for cell, name in zip(cells, ("recentLabel", "recentWindow", "recentState"), strict=True):
                cell.setObjectName(name)
            self.recent_grid.addWidget(cells[0], i, 0)
            self.recent_grid.addWidget(cells[1], i, 1)
            self.recent_grid.addWidget(cells[2], i, 2, Qt.AlignmentFlag.AlignRight)
            self.recent_cells.append(cells)
        recent_layout = QVBoxLayout(recent_panel)
        recent_layout.setContentsMargins(24, 18, 24, 18)
        recent_layout.addWidget(self.recent_title)
        recent_layout.addSpacing(6)
        recent_layout.addLayout(self.recent_grid)
        recent_layout.addStretch(1)

        middle = QHBoxLayout()
        middle.setContentsMargins(28, 22, 28, 18)
        middle.setSpacing(22)
        middle.addWidget(self.call_panel, 62)
        middle.addWidget(recent_panel, 38)

        # -- bottom: waiting per service, the missed rule ----------------------------------
        bottom = QFrame()
        bottom.setObjectName("bottomBar")
        self.waiting_label = QLabel()
        self.waiting_label.setObjectName("waitingLine")
        bottom_layout = QHBoxLayout(bottom)
        bottom_layout.setContentsMargins(28, 10, 28, 10)
        bottom_layout.addWidget(self.waiting_label, 1)

        # Large type must not widen the window: an explicit minimum width lets the layout
        # shrink these labels below their text (the fonts are fitted in _scale_fonts).
        for label in (self.centre_label, self.please, self.number_label, self.number_suffix,
                      self.window_label, self.service_label, self.waiting_label, self.rule_label,
                      self.caption, *(cell for cells in self.recent_cells for cell in cells)):
            label.setMinimumWidth(1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(top)
        layout.addLayout(middle, 1)
        layout.addWidget(bottom)

        QShortcut(QKeySequence(Qt.Key.Key_F11), self, activated=self.show_full_screen_on_second_screen)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, activated=self._leave_full_screen)
        QShortcut(QKeySequence(Qt.Key.Key_F5), self, activated=self.refresh)

        self._flash_timer = QTimer(self, interval=450)
        self._flash_timer.timeout.connect(self._flash_step)
        self._clock_timer = QTimer(self, interval=1000)
        self._clock_timer.timeout.connect(self._tick)
        self._clock_timer.start()
        self.timer = QTimer(self, interval=POLL_MS)
        self.timer.timeout.connect(self.refresh)
        self.timer.start()
        self._tick()
        self._show()
        self._scale_fonts()
        self.refresh()

    # -- data ------------------------------------------------------------------------
    def refresh(self) -> None:
        if self._polling:
            self._again = True
            return
        self._polling = True
        engine, day = self.ctx.engine, self.clock().date()

        def fetch():
            from core.settings import get_settings
            from core.uow import read_only

            with read_only(engine) as session:
                settings = get_settings(session)
                missed_after = queue.missed_after_calls(session)
            return (queue.recent_calls(engine, day, RECENT), queue.waiting_counts(engine, day),
                    settings.get("centre_name", ""), missed_after)

        def done(result) -> None:
            if not isValid(self):  # closed while the query ran
                return
            self._polling = False
            self._apply(*result)
            self._fetch_again()

        def failed(exc: BaseException) -> None:
            if not isValid(self):  # closed while the query ran
                return
            self._polling = False
            self.caption.setText(self.tr("正在叫号（暂时无法连接数据库，正在重试…）"))
            self._fetch_again()

        self.ctx.tasks.run(fetch, on_done=done, on_error=failed)

    def _fetch_again(self) -> None:
        if self._again:
            self._again = False
            self.refresh()

    # -- live updates (desktop.live_updates) -------------------------------------------
    def live_attached(self, feed) -> None:
        self._feed = feed

    def live_connected(self, connected: bool) -> None:
        self._live = connected
        if connected:
            self.timer.stop()
        elif self.isVisible() and not self.timer.isActive():
            self.timer.start()
            self.refresh()

    def live_changed(self, _topic: str) -> None:
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True

    def _apply(self, recent: list[TicketRow], counts: dict[str, int], centre: str,
               missed_after: int) -> None:
        self.recent = recent
        self.current = recent[0] if recent else None
        self.centre_name = centre
        self.missed_after = missed_after
        self._counts = counts
        self._names = {r.committee: r.committee_name for r in recent}
        key = self.current.call_key if self.current else None
        if self._loaded and key is not None and key != self._last_key:
            self._start_flash()  # not on the first load: only calls made while showing
        self._loaded = True
        self._last_key = key
        self._show()
        self._scale_fonts()

    def _show(self) -> None:
        self.centre_label.setText(self.centre_name or self.tr("人民调解中心"))
        self.caption.setText(self.tr("正在叫号"))
        t = self.current
        if t is None:
            self.please.setText("")
            self.number_suffix.setText("")
            self.number_label.setText(self.tr("请取号等候"))
            self.window_label.setText("")
            self.service_label.setText(self.tr("叫到您的号码时，请到对应窗口办理"))
        else:
            self.please.setText(self.tr("请"))
            self.number_suffix.setText(self.tr("号"))
            self.number_label.setText(t.label)
            self.window_label.setText(self.tr("到 %1 办理").replace("%1", t.window or ""))
            self.service_label.setText(tr_code(t.service_name))
        for i, cells in enumerate(self.recent_cells):
            row = self.recent[i + 1] if i + 1 < len(self.recent) else None
            cells[0].setText(row.label if row else "")
            cells[1].setText(row.window or "" if row else "")
            cells[2].setText(_state(row) if row else "")
        if len(self.recent) <= 1:
            self.recent_cells[0][0].setText(self.tr("暂无"))
        parts = [self.tr("%1 %2 人").replace("%1", name).replace("%2", str(n))
                 for name, n in self._waiting_parts(self._counts)]
        self.waiting_label.setText(self.tr("当前等候：") + (self.tr("　·　").join(parts) if parts else self.tr("无")))
        self.rule_label.setText(self.tr("叫号%n次未到视为过号，请到服务台重新取号", "", self.missed_after))

    def _waiting_parts(self, counts: dict[str, int]) -> list[tuple[str, int]]:
        from desktop.vocab import COMMITTEE_SHORT

        names = {**COMMITTEE_SHORT, **{code: tr_code(name) for code, name in self._names.items()}}
        return [(names.get(code, code), n) for code, n in counts.items() if n > 0]

    def _tick(self) -> None:
        now = QDateTime(self.clock().replace(microsecond=0))
        # "2026年11月22日　星期日　16:52:32"; the locale names the day ("Sunday 22 November 2026").
        self.clock_label.setText(QLocale().toString(now, self.tr("yyyy年MM月dd日　dddd　HH:mm:ss")))

    # -- flash on a new call ---------------------------------------------------------
    def _start_flash(self) -> None:
        self._flashes_left = FLASHES
        self._flash_timer.start()
        QApplication.beep()

    def _flash_step(self) -> None:
        on = self._flashes_left % 2 == 0 and self._flashes_left > 0
        self.call_panel.setProperty("flash", "true" if on else "false")
        self.call_panel.style().unpolish(self.call_panel)
        self.call_panel.style().polish(self.call_panel)
        self._flashes_left -= 1
        if self._flashes_left < 0:
            self._flash_timer.stop()
            self.call_panel.setProperty("flash", "false")
            self.call_panel.style().unpolish(self.call_panel)
            self.call_panel.style().polish(self.call_panel)

    @property
    def flashing(self) -> bool:
        return self._flash_timer.isActive()

    # -- size ------------------------------------------------------------------------
    def resizeEvent(self, event) -> None:  # noqa: N802 — Qt API
        super().resizeEvent(event)
        self._scale_fonts()

    def _scale_fonts(self) -> None:
        h = max(400, self.height())
        w = max(640, self.width())
        unit = min(h / 100, w / 160)  # 1 unit ≈ 1 % of a 16:10 screen's height

        def size(label: QLabel, units: float, bold: bool = False) -> None:
            font = QFont(label.font())
            font.setPixelSize(max(10, round(units * unit)))
            font.setBold(bold)
            label.setFont(font)

        size(self.centre_label, 4.2, True)
        size(self.clock_label, 3.4)
        size(self.caption, 3.2)
        # The call line must fit the panel: shrink everything in it together if needed.
        room = max(200, self.call_panel.width() - 60) if self.call_panel.width() > 100 else w * 0.55
        big = 20 if self.current is not None else 11
        fit = 1.0
        for _ in range(2):
            size(self.please, 7 * fit)
            size(self.number_suffix, 7 * fit)
            size(self.number_label, big * fit, True)
            need = sum(QFontMetrics(lb.font()).horizontalAdvance(lb.text()) for lb in
                       (self.please, self.number_label, self.number_suffix)) + 36
            if need <= room:
                break
            fit *= room / need
        size(self.window_label, 9 * min(1.0, fit * 1.3), True)
        size(self.service_label, 3.4)
        size(self.recent_title, 3.2)
        for label, window, state in self.recent_cells:
            size(label, 5, True)
            size(window, 4)
            size(state, 2.8)
        size(self.rule_label, 2.8)
        # One line of waiting counts across the bottom, smaller type when many wait.
        room = max(200, w - 60)
        size(self.waiting_label, 3)
        need = QFontMetrics(self.waiting_label.font()).horizontalAdvance(self.waiting_label.text())
        if need > room:
            size(self.waiting_label, 3 * room / need)

    # -- full screen on the second monitor -------------------------------------------
    def show_full_screen_on_second_screen(self) -> CallDisplayScreen:
        """Show the display full screen on the second monitor (the first if there is only
        one). Embedded in the main window, a separate top-level display is opened (and
        reused); a top-level display moves itself. Esc leaves full screen."""
        target = self
        if self.parentWidget() is not None:
            if self._detached is None:
                self._detached = CallDisplayScreen(self.ctx, None)
                self._detached.setWindowTitle(self.tr("叫号大屏"))
                self._detached.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
                self._detached.destroyed.connect(self._forget_detached)
                if self._feed is not None:
                    self._feed.attach(self._detached)
            target = self._detached
        screens = QGuiApplication.screens()
        screen = screens[1] if len(screens) > 1 else (screens[0] if screens else None)
        if screen is not None:
            target.setScreen(screen)
            target.setGeometry(screen.geometry())
        target.full_screen_button.hide()
        target.showFullScreen()
        target.raise_()
        return target

    def _forget_detached(self, *_args) -> None:
        self._detached = None

    def _leave_full_screen(self) -> None:
        if self.parentWidget() is None and self.isFullScreen():
            if self.testAttribute(Qt.WidgetAttribute.WA_DeleteOnClose):
                self.close()
            else:
                self.showNormal()
                self.full_screen_button.show()

    def showEvent(self, event) -> None:  # noqa: N802 — Qt API
        super().showEvent(event)
        self._scale_fonts()
        if not self._clock_timer.isActive():
            self._clock_timer.start()
            self._tick()
        if self._live:
            if self._stale:
                self._stale = False
                self.refresh()
        elif not self.timer.isActive():
            self.timer.start()
            self.refresh()

    def hideEvent(self, event) -> None:  # noqa: N802 — Qt API
        # Embedded and another screen in front (or minimised): no polling meanwhile.
        super().hideEvent(event)
        self.timer.stop()
        self._clock_timer.stop()

    def closeEvent(self, event) -> None:  # noqa: N802 — Qt API
        self.timer.stop()
        self._clock_timer.stop()
        super().closeEvent(event)


def _state(row: TicketRow) -> str:
    return QCoreApplication.translate("CallDisplayScreen", STATES[row.status]) if row.status in STATES else ""
