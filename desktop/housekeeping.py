"""Runs :func:`core.housekeeping.run_daily_jobs` off the GUI thread soon after the main window
opens and again whenever the date has changed (the reception PC often stays on for weeks)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QObject, QTimer, Signal

from core.housekeeping import DailyReport, run_daily_jobs
from desktop.context import AppContext
from desktop.messages import error_text, tr_message

CHECK_EVERY_MS = 10 * 60 * 1000
FIRST_RUN_DELAY_MS = 3000  # after the first screen has loaded its data


class DailyJobs(QObject):
    """``finished`` carries the report; ``message`` a Chinese line for the status bar."""

    finished = Signal(object)
    message = Signal(str)

    def __init__(self, ctx: AppContext, parent: QObject | None = None, *,
                 today: Callable[[], date] = date.today) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._today = today
        self._last_run: date | None = None
        self._running = False
        self._timer = QTimer(self, interval=CHECK_EVERY_MS)
        self._timer.timeout.connect(self.run_if_due)

    def start(self, first_delay_ms: int = FIRST_RUN_DELAY_MS) -> None:
        QTimer.singleShot(first_delay_ms, self, self.run_if_due)
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def run_if_due(self) -> None:
        day = self._today()
        if self._running or self._last_run == day:
            return
        self._running = True
        self.ctx.tasks.run(run_daily_jobs, self.ctx.engine, self.ctx.url, today=day,
                           on_done=self._done, on_error=self._failed)

    def _done(self, report: DailyReport) -> None:
        self._running = False
        self._last_run = report.day
        if report.message:
            self.message.emit(tr_message(report.message))
        self.finished.emit(report)

    def _failed(self, exc: BaseException) -> None:
        self._running = False  # tried again at the next check
        self.message.emit(self.tr("每日例行任务失败：%1").replace("%1", error_text(exc)))
