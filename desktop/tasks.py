"""The one helper for slow work (database queries, PDF building, imports, backups):
it runs a plain function on a worker thread and hands the result, progress and errors
back to the GUI thread through signals. Workers never touch widgets."""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

import desktop.refcount_guard  # noqa: F401 — before any Qt call
from desktop import gc_guard
from desktop.messages import error_text

log = logging.getLogger(__name__)


class Progress:
    """Handed to a task function that wants to report progress: ``progress(3, 10, "…")``."""

    def __init__(self, signal: Signal) -> None:
        self._signal = signal
        self.cancelled = False

    def __call__(self, done: int, total: int, message: str = "") -> None:
        self._signal.emit(done, total, message)


class _Signals(QObject):
    progress = Signal(int, int, str)
    done = Signal(object)
    failed = Signal(object, str)


class _Job(QRunnable):
    def __init__(self, fn: Callable[..., Any], args: tuple, kwargs: dict, with_progress: bool):
        super().__init__()
        self.signals = _Signals()
        self.progress = Progress(self.signals.progress)
        self._fn, self._args, self._kwargs, self._with_progress = fn, args, kwargs, with_progress

    @Slot()
    def run(self) -> None:
        try:
            if self._with_progress:
                result = self._fn(*self._args, progress=self.progress, **self._kwargs)
            else:
                result = self._fn(*self._args, **self._kwargs)
        except BaseException as exc:  # noqa: BLE001 — every error goes back to the GUI
            log.exception("background task %s failed", getattr(self._fn, "__name__", self._fn))
            self.signals.failed.emit(exc, traceback.format_exc())
        else:
            self.signals.done.emit(result)


def _owner_of(callback: Callable[..., Any] | None) -> QObject | None:
    """The widget a callback belongs to: the object of a bound method, or the ``self`` a
    closure defined in a widget's method captured. A screen closed while its query ran must
    not get the result — its C++ side is gone."""
    if callback is None:
        return None
    bound = getattr(callback, "__self__", None)
    if isinstance(bound, QObject):
        return bound
    code, cells = getattr(callback, "__code__", None), getattr(callback, "__closure__", None)
    if code is None or not cells:
        return None
    for name, cell in zip(code.co_freevars, cells, strict=False):
        if name == "self":
            try:
                value = cell.cell_contents
            except ValueError:  # an empty cell
                return None
            return value if isinstance(value, QObject) else None
    return None


def _alive(owner: QObject | None) -> bool:
    return owner is None or shiboken6.isValid(owner)


class TaskRunner(QObject):
    """Runs tasks on a small thread pool. ``busy_changed`` drives a status-bar spinner;
    ``error`` lets the main window show a message for tasks without their own handler."""

    busy_changed = Signal(bool)
    error = Signal(str, str)  # message, details

    def __init__(self, parent: QObject | None = None, max_threads: int = 2) -> None:
        super().__init__(parent)
        gc_guard.install()  # garbage with Qt objects in it is collected in the GUI thread only
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(max_threads)
        self._running: set[_Job] = set()

    def run(
        self,
        fn: Callable[..., Any],
        *args: Any,
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        on_progress: Callable[[int, int, str], None] | None = None,
        owner: QObject | None = None,
        **kwargs: Any,
    ) -> Progress:
        """Run ``fn(*args, **kwargs)`` off the GUI thread. If ``on_progress`` is given,
        ``fn`` also receives ``progress=`` to report with. The callbacks are dropped once
        ``owner`` (by default the widget the callbacks belong to) has been deleted."""
        job = _Job(fn, args, kwargs, with_progress=on_progress is not None)
        job.setAutoDelete(False)
        self._running.add(job)
        owner = owner or _owner_of(on_done) or _owner_of(on_error) or _owner_of(on_progress)
        if on_progress:
            job.signals.progress.connect(
                lambda done, total, message: _alive(owner) and on_progress(done, total, message))

        def finished_ok(result: Any) -> None:
            self._finish(job)
            if on_done and _alive(owner):
                on_done(result)

        def finished_bad(exc: BaseException, details: str) -> None:
            self._finish(job)
            if not _alive(owner):
                log.info("dropped the error of a task whose window is gone: %s", exc)
            elif on_error:
                on_error(exc)
            else:
                self.error.emit(error_text(exc) or type(exc).__name__, details)

        job.signals.done.connect(finished_ok)
        job.signals.failed.connect(finished_bad)
        if len(self._running) == 1:
            self.busy_changed.emit(True)
        self._pool.start(job)
        return job.progress

    def _finish(self, job: _Job) -> None:
        self._running.discard(job)
        if not self._running:
            self.busy_changed.emit(False)

    @property
    def busy(self) -> bool:
        return bool(self._running)

    def wait(self, msecs: int = 30000) -> bool:
        """For tests and shutdown: wait until the pool is idle."""
        return self._pool.waitForDone(msecs)
