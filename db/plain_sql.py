"""Reading with plain SQL: one query, run through an ORM session or a bare sqlite3 connection.

A few readers must also run where importing SQLAlchemy's ORM and the ~45 models would cost
more than the work itself — ``tiaojie print agreement`` from a script prints a document in a
fraction of a second. Those readers are written once, as SQL over :class:`Rows`; the
application runs the same functions inside its sessions through :class:`SessionRows`, and the
command line through :class:`SqliteRows` on a read-only connection that
:func:`open_current_sqlite` opens only when the file's schema is the one this code knows.

Values come back as the driver gives them (SQLite: dates as text, booleans as 0/1, JSON as
text, money as fen; PostgreSQL: ``date``, ``bool``, parsed JSON, fen), so readers convert them
with the ``as_*`` functions below. Parameters are named ``:name`` (both sqlite3 and
SQLAlchemy's ``text()`` understand that).
"""

from __future__ import annotations

import json
import sqlite3
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from db.revision import HEAD

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

__all__ = [
    "Rows",
    "SessionRows",
    "SqliteRows",
    "as_bool",
    "as_date",
    "as_json",
    "as_yuan",
    "open_current_sqlite",
    "sqlite_file",
]

_FEN = Decimal("0.01")


class Rows(Protocol):
    def all(self, sql: str, **params: Any) -> list[tuple]:
        """Every row of ``sql`` (with ``:name`` parameters) as tuples."""
        ...


class SqliteRows:
    """:class:`Rows` over a sqlite3 connection (no SQLAlchemy import)."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn

    def all(self, sql: str, **params: Any) -> list[tuple]:
        return self._conn.execute(sql, params).fetchall()


class SessionRows:
    """:class:`Rows` inside an ORM session's transaction (either engine)."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def all(self, sql: str, **params: Any) -> list[tuple]:
        from sqlalchemy import text

        # ORM queries flush pending changes first; a textual one does not, so do it here:
        # a use case that has just added signatures reads them back.
        if self._session.autoflush:
            self._session.flush()
        return [tuple(r) for r in self._session.execute(text(sql), params)]


def as_date(value: Any) -> date | None:
    """A DATE column's value (text on SQLite) → ``date``."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


def as_bool(value: Any) -> bool:
    return bool(value)


def as_yuan(fen: Any) -> Decimal | None:
    """A money column (whole fen, see :class:`db.types.Money`) → yuan with two places."""
    if fen is None:
        return None
    return (Decimal(fen) / 100).quantize(_FEN)


def as_json(value: Any) -> Any:
    """A JSON column: parsed by psycopg on PostgreSQL, text on SQLite."""
    if isinstance(value, str | bytes):
        return json.loads(value)
    return value


def sqlite_file(url: str) -> Path | None:
    """The file of a plain ``sqlite:///FILE`` URL; ``None`` for anything else (another engine,
    memory, URL options)."""
    if not url.startswith("sqlite:///") or "?" in url:
        return None
    name = url.removeprefix("sqlite:///")
    if not name or name == ":memory:":
        return None
    return Path(name)


def open_current_sqlite(url: str) -> sqlite3.Connection | None:
    """A read-only connection to the SQLite file of ``url`` when it exists and its schema is
    :data:`db.revision.HEAD`; otherwise ``None`` — the caller then takes the ordinary way
    (which migrates, or explains what is wrong)."""
    path = sqlite_file(url)
    if path is None or not path.is_file():
        return None
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=30,
                               check_same_thread=False)
    except sqlite3.Error:
        return None
    try:
        rows = conn.execute("SELECT version_num FROM alembic_version").fetchall()
    except sqlite3.Error:
        rows = []
    if rows != [(HEAD,)]:
        conn.close()
        return None
    return conn
