"""Engines for the embedded SQLite default and a LAN PostgreSQL server."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlalchemy import Engine

# SQLAlchemy is imported where an engine is made, not here: the GUI shows its login dialog
# (which needs data_dir and the URL) before the ORM has loaded.

APP_NAME = "tiaojie"
ENV_DB = "TIAOJIE_DB"


def data_dir() -> Path:
    """The per-user data directory (database, drafts, backups, logs)."""
    override = os.environ.get("TIAOJIE_DATA_DIR")
    if override:
        path = Path(override)
    else:
        import platformdirs

        path = Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def default_url() -> str:
    return f"sqlite:///{data_dir() / 'tiaojie.sqlite3'}"


def resolve_url(cli_url: str | None = None) -> str:
    """``--db`` wins over ``TIAOJIE_DB``, which wins over the connection saved by the wizard
    (db.connection, with the keyring's password), which wins over the per-user SQLite file."""
    if cli_url or os.environ.get(ENV_DB):
        return cli_url or os.environ[ENV_DB]
    from db.connection import saved_url

    return saved_url() or default_url()


def describe(url: str) -> str:
    """A user-facing description of where the data is, without any password."""
    from sqlalchemy.engine import make_url

    from db.messages import msg

    u = make_url(url)
    if u.get_backend_name() == "sqlite":
        return f"SQLite {u.database}" if u.database else msg("SQLite（内存）")
    return f"PostgreSQL {u.host or 'localhost'}:{u.port or 5432}/{u.database}"


def make_engine(url: str, **kwargs) -> Engine:
    # Parameters (names, ID numbers) never appear in error messages and logs.
    kwargs.setdefault("hide_parameters", True)
    if url.startswith("sqlite"):
        return _sqlite_engine(url, **kwargs)
    from sqlalchemy import create_engine

    return create_engine(url, pool_pre_ping=True, **kwargs)


def _sqlite_engine(url: str, **kwargs) -> Engine:
    from sqlalchemy import create_engine, event
    from sqlalchemy.pool import StaticPool

    memory = url in ("sqlite://", "sqlite:///:memory:")
    if memory:
        kwargs.setdefault("poolclass", StaticPool)
    else:
        Path(url.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30}, **kwargs)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn, _record):
        # Let SQLAlchemy emit BEGIN itself (pysqlite's own handling defers it and
        # breaks SAVEPOINT and BEGIN IMMEDIATE).
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA busy_timeout=30000")
        if not memory:
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA synchronous=NORMAL")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn):
        # Writers take the write lock up front, so a read-then-write unit of work (the
        # next case number, a booking's conflict check) cannot interleave with another
        # PC's and fail half-way with "database is locked".
        if conn.get_execution_options().get("sqlite_immediate"):
            conn.exec_driver_sql("BEGIN IMMEDIATE")
        else:
            conn.exec_driver_sql("BEGIN")

    return engine
