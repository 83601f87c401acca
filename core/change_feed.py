"""Live updates between PCs: what changed, published by writers and heard by listeners.

Publishing needs no call in the use cases. :func:`track` (installed by core.uow on every engine
it sees) watches the SQL each connection runs for INSERT/UPDATE/DELETE, maps the tables to
topics, and on PostgreSQL sends ``NOTIFY tiaojie_changes, '<topic>'`` right before COMMIT, in the
same transaction — so it is delivered exactly when (and only if) the change commits, whichever
use case wrote it, ORM or plain SQL.

Listening runs on a background thread and calls back with the topic:

* PostgreSQL: a dedicated psycopg connection doing ``LISTEN tiaojie_changes``; it reconnects with
  backoff when the server goes away and then reports :data:`ANY` (changes may have been missed).
* SQLite: ``PRAGMA data_version`` on a dedicated connection, every 0.5 s; it changes when any
  other connection (another process, another PC on the shared file) commits. That says *that*
  something changed, not what: the topic is :data:`ANY` and every listening screen refreshes.

Qt-free: desktop/live_updates.py brings the callbacks to the GUI thread.
"""

from __future__ import annotations

import logging
import re
import threading
import weakref
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import Engine, event

log = logging.getLogger(__name__)

CHANNEL = "tiaojie_changes"
#: "Something changed, refresh everything" (SQLite, or after a reconnect).
ANY = "*"

APPOINTMENTS, QUEUE, CASES, EXPERTS, USERS, SETTINGS = (
    "appointments", "queue", "cases", "experts", "users", "settings")
TOPICS = (APPOINTMENTS, QUEUE, CASES, EXPERTS, USERS, SETTINGS)

#: Which topic a write to each table belongs to. Tables not listed (audit_log, counters)
#: publish nothing: every write appends to audit_log, so it would only add noise.
TOPIC_OF_TABLE: dict[str, str] = {
    "appointments": APPOINTMENTS, "booked_resources": APPOINTMENTS, "invitations": APPOINTMENTS,
    "queue_tickets": QUEUE,
    "cases": CASES, "case_parties": CASES, "case_mediators": CASES, "parties": CASES,
    "status_changes": CASES, "deadline_pauses": CASES, "deadline_extensions": CASES,
    "mediation_sessions": CASES, "attachments": CASES, "agreements": CASES, "agreement_terms": CASES,
    "signatures": CASES, "instalments": CASES, "payments": CASES, "followups": CASES,
    "consents": CASES, "recusal_requests": CASES, "referrals": CASES,
    "experts": EXPERTS, "expert_relations": EXPERTS, "duty_roster": EXPERTS, "rating_ledger": EXPERTS,
    "conflict_overrides": EXPERTS,
    "users": USERS,
    "settings": SETTINGS, "calendar_overrides": SETTINGS, "rooms": SETTINGS, "committees": SETTINGS,
}

_WRITE = re.compile(r'\b(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+(?:ONLY\s+)?"?(\w+)"?', re.IGNORECASE)
_INFO_KEY = "tiaojie_changed_topics"


def topics_for(statement: str) -> set[str]:
    """The topics a SQL statement writes to (CTEs with several INSERTs included)."""
    return {TOPIC_OF_TABLE[t] for t in (m.lower() for m in _WRITE.findall(statement)) if t in TOPIC_OF_TABLE}


# --------------------------------------------------------------------------- publishing

_tracked: weakref.WeakSet[Engine] = weakref.WeakSet()
_track_lock = threading.Lock()


def track(engine: Engine) -> None:
    """Watch ``engine``'s writes and publish their topics at commit (idempotent, cheap).
    Only PostgreSQL publishes: SQLite listeners watch the file itself."""
    if engine in _tracked or engine.dialect.name != "postgresql":
        return
    with _track_lock:
        if engine in _tracked:
            return
        event.listen(engine, "after_cursor_execute", _after_execute)
        event.listen(engine, "begin", _forget)
        event.listen(engine, "rollback", _forget)
        event.listen(engine, "commit", _notify_before_commit)
        _tracked.add(engine)


_READS = ("SELECT", "SHOW", "BEGIN", "COMMIT", "ROLLBACK", "SAVEPOINT", "RELEASE", "SET ", "LISTEN")


def _after_execute(conn, _cursor, statement, _parameters, _context, _executemany) -> None:
    if statement.lstrip()[:9].upper().startswith(_READS):  # most statements: nothing to look at
        return
    topics = topics_for(statement)
    if topics:
        conn.info.setdefault(_INFO_KEY, set()).update(topics)


def _forget(conn, *_args) -> None:
    conn.info.pop(_INFO_KEY, None)


def _notify_before_commit(conn) -> None:
    topics = conn.info.pop(_INFO_KEY, None)
    if not topics:
        return
    # The raw DBAPI cursor: still inside the transaction that is about to commit, and not seen
    # by _after_execute. An error here fails the commit, as it must (never a silent rollback).
    cursor = conn.connection.dbapi_connection.cursor()
    try:
        for topic in sorted(topics):
            cursor.execute("SELECT pg_notify(%s, %s)", (CHANNEL, topic))
    finally:
        cursor.close()


def pending_topics(conn) -> set[str]:
    """What the current transaction on ``conn`` (a Connection or Session) will publish."""
    if hasattr(conn, "connection") and callable(conn.connection):  # a Session
        conn = conn.connection()
    return set(conn.info.get(_INFO_KEY, ()))


def publish(conn, topic: str) -> None:
    """Publish ``topic`` with the current transaction, for a change the table map cannot see
    (a Connection or a Session)."""
    if hasattr(conn, "connection") and callable(conn.connection):
        conn = conn.connection()
    conn.info.setdefault(_INFO_KEY, set()).add(topic)


# ---------------------------------------------------------------------------- listening

OnChange = Callable[[str], None]
OnStatus = Callable[[bool], None]


class ChangeListener:
    """A background thread reporting topics to ``on_change`` and its connection state to
    ``on_status`` (both called on that thread). Never raises out of the thread."""

    name = "changes"

    def __init__(self, on_change: OnChange, on_status: OnStatus | None = None) -> None:
        self._on_change = on_change
        self._on_status = on_status
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.connected = False

    def start(self) -> ChangeListener:
        if self._thread is None:
            self._thread = threading.Thread(target=self._guarded, name=f"tiaojie-{self.name}", daemon=True)
            self._thread.start()
        return self

    def stop(self, timeout: float = 3.0) -> None:
        self._stop.set()
        if self._thread is not None and self._thread is not threading.current_thread():
            self._thread.join(timeout)

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def _guarded(self) -> None:
        try:
            self.run()
        except BaseException:  # noqa: BLE001 — a listener must never take the app down
            log.exception("change listener %s stopped", self.name)
        finally:
            self._status(False)

    def run(self) -> None:  # pragma: no cover — subclasses
        raise NotImplementedError

    def _emit(self, topic: str) -> None:
        try:
            self._on_change(topic)
        except Exception:  # noqa: BLE001
            log.exception("change callback failed")

    def _status(self, connected: bool) -> None:
        if connected == self.connected:
            return
        self.connected = connected
        if self._on_status is not None:
            try:
                self._on_status(connected)
            except Exception:  # noqa: BLE001
                log.exception("status callback failed")


class NullListener(ChangeListener):
    """For an in-memory database: nobody else can write to it."""

    name = "none"

    def run(self) -> None:
        self._stop.wait()


class SqlitePoller(ChangeListener):
    name = "sqlite-poller"

    def __init__(self, path: str | Path, on_change: OnChange, on_status: OnStatus | None = None, *,
                 interval: float = 0.5) -> None:
        super().__init__(on_change, on_status)
        self.path = Path(path)
        self.interval = interval

    def run(self) -> None:
        import sqlite3

        conn = None
        last = None
        failed = False
        backoff = self.interval
        while not self._stop.is_set():
            try:
                if conn is None:
                    # Its own connection: data_version only moves for *other* connections' commits.
                    conn = sqlite3.connect(str(self.path), timeout=5, isolation_level=None,
                                           check_same_thread=False)
                    last = conn.execute("PRAGMA data_version").fetchone()[0]
                    self._status(True)
                    if failed:
                        self._emit(ANY)  # back after a failure: something may have changed
                    failed, backoff = False, self.interval
                version = conn.execute("PRAGMA data_version").fetchone()[0]
                if version != last:
                    last = version
                    self._emit(ANY)
            except sqlite3.Error as exc:
                log.warning("sqlite change poller: %s", exc)
                if conn is not None:
                    conn.close()
                conn, failed = None, True
                self._status(False)
                self._stop.wait(backoff)
                backoff = min(backoff * 2, 10.0)
                continue
            self._stop.wait(self.interval)
        if conn is not None:
            conn.close()


class PostgresListener(ChangeListener):
    name = "pg-listener"

    def __init__(self, url: str, on_change: OnChange, on_status: OnStatus | None = None, *,
                 interval: float = 0.5, max_backoff: float = 10.0) -> None:
        super().__init__(on_change, on_status)
        self.url = url
        self.interval = interval
        self.max_backoff = max_backoff

    def _connect_kwargs(self) -> dict:
        from sqlalchemy.engine import make_url

        # SQLAlchemy's own translation, so whatever the app's engine accepts works here too
        # (several hosts for a failover pair, sslmode, sslrootcert …).
        u = make_url(self.url)
        _args, kwargs = u.get_dialect()().create_connect_args(u)
        kwargs = {k: v for k, v in kwargs.items() if k != "context" and v is not None}
        # A pulled cable is noticed within ~30 s by TCP keepalives, then we reconnect.
        kwargs.update(connect_timeout=5, keepalives=1, keepalives_idle=10, keepalives_interval=5,
                      keepalives_count=3, application_name="tiaojie-live")
        return kwargs

    def run(self) -> None:
        import psycopg

        backoff = self.interval
        ever_connected = False
        while not self._stop.is_set():
            try:
                with psycopg.connect(autocommit=True, **self._connect_kwargs()) as conn:
                    conn.execute(f"LISTEN {CHANNEL}")
                    self._status(True)
                    if ever_connected:
                        self._emit(ANY)  # changes made while we were away were not heard
                    ever_connected = True
                    backoff = self.interval
                    while not self._stop.is_set():
                        for notify in conn.notifies(timeout=self.interval):
                            self._emit(notify.payload or ANY)
                            if self._stop.is_set():
                                break
            except Exception as exc:  # noqa: BLE001 — server gone, network down: retry
                log.warning("change listener lost the server (%s); retrying in %.1f s",
                            str(exc).splitlines()[0] if str(exc) else type(exc).__name__, backoff)
                self._status(False)
                self._stop.wait(backoff)
                backoff = min(backoff * 2, self.max_backoff)


def listener_for(url: str, on_change: OnChange, on_status: OnStatus | None = None, *,
                 interval: float = 0.5) -> ChangeListener:
    """The right listener for a database URL (not started)."""
    from sqlalchemy.engine import make_url

    u = make_url(url)
    backend = u.get_backend_name()
    if backend == "postgresql":
        return PostgresListener(url, on_change, on_status, interval=interval)
    if backend == "sqlite" and u.database not in (None, "", ":memory:"):
        return SqlitePoller(u.database, on_change, on_status, interval=interval)
    return NullListener(on_change, on_status)
