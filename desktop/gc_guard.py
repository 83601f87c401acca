"""Python's cyclic garbage collector runs in whichever thread happens to allocate when a
generation fills up — often a TaskRunner worker in the middle of a query. If that collection
frees a reference cycle holding a Qt object (a closed dialog, a deleted screen and the closures
connected to it), the C++ object is destroyed from the wrong thread and the process crashes.

So, once a Qt application exists, automatic collection is switched off and the GUI thread
collects on a timer with the same generation thresholds Python would use: garbage is still
collected within half a second, but only ever in the thread that owns the widgets.

While the application starts (:func:`hold` … :func:`release`), nothing is collected at all: what
is allocated then is almost only the imports' objects, alive as long as the process, and the
start-up ends with one full collection that moves them out of the collector's sight
(desktop.app.settle_imports). Walking them on every timer tick meanwhile cost the GUI thread
≈ 20–80 ms right when the database opens behind the login dialog."""

from __future__ import annotations

import gc

from PySide6.QtCore import QCoreApplication, QObject, QTimer

INTERVAL_MS = 500

#: Between :func:`hold` and :func:`release`: no collection, in any thread.
_held = False


class GuiThreadCollector(QObject):
    def __init__(self, app: QCoreApplication) -> None:
        super().__init__(app)
        self.threshold = gc.get_threshold()
        gc.disable()
        self.timer = QTimer(self, interval=INTERVAL_MS)
        self.timer.timeout.connect(self.check)
        self.timer.start()

    def check(self) -> None:
        if _held:
            return
        young, middle, old = gc.get_count()
        if young > self.threshold[0]:
            gc.collect(0)
            if middle > self.threshold[1]:
                gc.collect(1)
                if old > self.threshold[2]:
                    gc.collect(2)


def install() -> GuiThreadCollector | None:
    """Idempotent; a no-op before the QApplication exists. Called by every TaskRunner (the only
    place the application starts threads that run Python code)."""
    app = QCoreApplication.instance()
    if app is None:
        return None
    existing = app.findChild(GuiThreadCollector)
    return existing if existing is not None else GuiThreadCollector(app)


def hold() -> None:
    """Start-up: no collection, automatic or on the timer, until :func:`release`."""
    global _held
    _held = True
    gc.disable()


def release() -> None:
    """Start-up is over (its objects have just been collected once and frozen): the timer
    collects again — automatic collection stays off once a collector is installed."""
    global _held
    _held = False
    app = QCoreApplication.instance()
    if app is None or app.findChild(GuiThreadCollector) is None:
        gc.enable()
