"""Live updates on the GUI thread: the main window owns one :class:`LiveUpdates` (started after
login, stopped at logout/close); it runs core.change_feed's listener for the database and emits
``changed(topic)`` here, a few changes in a row coalesced into one refresh.

Screens that show shared data take part by having

* ``live_topics``: the topics they show (core.change_feed: "appointments", "queue", "cases" …);
* ``live_changed(topic)``: refresh now if visible (keeping selection, scroll and what is typed),
  or remember to refresh when shown again;
* optionally ``live_connected(connected)``: while the feed works the screen needs no polling
  timer of its own; when it does not (server away, no feed at all) the screen polls as before.
"""

from __future__ import annotations

import functools
import logging
import threading

import shiboken6
from PySide6.QtCore import QObject, QTimer, Signal, Slot

from core import change_feed
from core.change_feed import ANY

log = logging.getLogger(__name__)

COALESCE_MS = 80


class _Gate:
    """Whether the listener thread may still emit: closed by stop() and when the Qt object is
    destroyed (a window dropped without close()), so the thread never touches a dead object."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.open = False

    def close(self, listener: change_feed.ChangeListener | None = None, *_args) -> None:
        with self.lock:
            self.open = False
        if listener is not None:
            listener.stop(timeout=0)


class LiveUpdates(QObject):
    changed = Signal(str)
    connected_changed = Signal(bool)
    # From the listener thread; queued onto the GUI thread by Qt.
    _heard = Signal(str)
    _status = Signal(bool)

    def __init__(self, url: str, parent: QObject | None = None, *, interval: float = 0.5) -> None:
        super().__init__(parent)
        self.url = url
        self.interval = interval
        self._listener: change_feed.ChangeListener | None = None
        self._gate = _Gate()
        self._connected = False
        self._pending: list[str] = []
        self._subscribers: list[QObject] = []
        self._flush = QTimer(self, singleShot=True, interval=COALESCE_MS)
        self._flush.timeout.connect(self._deliver)
        self._heard.connect(self._queue)
        self._status.connect(self._set_connected)

    # -- life cycle -------------------------------------------------------------------------
    def start(self) -> None:
        if self._listener is not None:
            return
        gate = self._gate = _Gate()
        gate.open = True
        heard, status = self._heard, self._status

        def from_thread(topic: str) -> None:
            with gate.lock:
                if gate.open:
                    heard.emit(topic)

        def status_from_thread(connected: bool) -> None:
            with gate.lock:
                if gate.open:
                    status.emit(connected)

        self._listener = change_feed.listener_for(self.url, from_thread, status_from_thread,
                                                  interval=self.interval)
        # Not a method of self: it must run even as the C++ side goes away.
        self.destroyed.connect(functools.partial(_Gate.close, gate, self._listener))
        self._listener.start()

    def stop(self) -> None:
        self._gate.close()  # the thread emits nothing more, even if it outlives the join
        if self._listener is not None:
            self._listener.stop()
            self._listener = None
        self._flush.stop()
        self._pending.clear()
        if self._connected:
            self._set_connected(False)

    @property
    def running(self) -> bool:
        return self._listener is not None

    @property
    def connected(self) -> bool:
        return self._connected

    # -- screens ------------------------------------------------------------------------------
    def attach(self, widget: QObject) -> None:
        """Let a screen follow the topics it declares in ``live_topics``."""
        if widget in self._subscribers:
            return
        self._subscribers.append(widget)
        if hasattr(widget, "live_attached"):  # e.g. the call display, for its full-screen twin
            widget.live_attached(self)
        if hasattr(widget, "live_connected"):
            widget.live_connected(self._connected)

    def _live(self) -> list[QObject]:
        self._subscribers = [w for w in self._subscribers if shiboken6.isValid(w)]
        return list(self._subscribers)

    @Slot(str)
    def _queue(self, topic: str) -> None:
        if topic not in self._pending:
            self._pending.append(topic)
        if not self._flush.isActive():
            self._flush.start()

    def _deliver(self) -> None:
        topics, self._pending = self._pending, []
        for topic in topics:
            self.changed.emit(topic)
        for widget in self._live():
            wanted = tuple(getattr(widget, "live_topics", ()))
            hit = next((t for t in topics if t == ANY or t in wanted or ANY in wanted), None)
            if hit is not None:
                try:
                    widget.live_changed(hit)
                except Exception:  # noqa: BLE001 — one screen's failure must not stop the others
                    log.exception("live refresh of %s failed", type(widget).__name__)

    @Slot(bool)
    def _set_connected(self, connected: bool) -> None:
        if connected == self._connected:
            return
        self._connected = connected
        self.connected_changed.emit(connected)
        for widget in self._live():
            if hasattr(widget, "live_connected"):
                widget.live_connected(connected)
