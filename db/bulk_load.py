"""Secondary indexes suspended during a bulk load (``tiaojie demo``), rebuilt once at the end.

Keeping forty-odd B-trees up to date row by row is most of what a million-case load costs
(each insert lands on a random leaf of every index on its table); building each index once
from the finished table is a sort. Only plain ``CREATE INDEX`` indexes are suspended — primary
keys and the indexes behind UNIQUE constraints stay, so the load is still checked by them;
a unique ``Index`` is checked again when it is rebuilt.

The definitions of what was dropped are stored in the ``settings`` table in the same
transaction as the drops, so a load that is killed half-way loses nothing:
:func:`restore_indexes` (run by the load itself and by ``tiaojie db rebuild-stats``) puts
them back from there.

The case search's triggers (:mod:`db.search`: name suffixes, SQLite's FTS5 table) are suspended
with the indexes of ``parties`` / ``cases`` in the same way, and the search structures are
rebuilt in one pass at the end instead of row by row.
"""

from __future__ import annotations

import json
from collections.abc import Iterable

from sqlalchemy import Connection, text

from db import search

#: Key in ``settings`` of the JSON list of [name, CREATE INDEX statement] suspended.
SUSPENDED_KEY = "bulk_load.suspended_indexes"
#: Key in ``settings`` present while the search triggers are suspended.
SEARCH_KEY = "bulk_load.search_suspended"


def _secondary_indexes(conn: Connection, tables: Iterable[str]) -> list[tuple[str, str]]:
    names = sorted(set(tables))
    if conn.dialect.name == "sqlite":
        rows = conn.execute(text(
            "SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"
        )).all()
        return sorted((name, sql) for name, table, sql in rows if table in names)
    if conn.dialect.name == "postgresql":
        rows = conn.execute(text(
            "SELECT i.relname, pg_get_indexdef(i.oid) FROM pg_index x"
            " JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid"
            " JOIN pg_namespace n ON n.oid = t.relnamespace"
            " WHERE n.nspname = current_schema() AND t.relname = ANY(:tables) AND NOT x.indisprimary"
            " AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid)"
        ), {"tables": names}).all()
        return sorted((name, sql) for name, sql in rows)
    return []


def suspended(conn: Connection) -> list[tuple[str, str]]:
    value = conn.execute(text("SELECT value FROM settings WHERE key = :k"), {"k": SUSPENDED_KEY}).scalar()
    return [(name, sql) for name, sql in json.loads(value)] if value else []


def suspend_indexes(conn: Connection, tables: Iterable[str]) -> int:
    """Drop the secondary indexes of ``tables`` (inside the caller's transaction), remembering
    them. Returns how many were dropped."""
    tables = set(tables)
    if tables & {"parties", "cases"} and not _search_suspended(conn):
        search.drop_triggers(conn)
        conn.execute(text("INSERT INTO settings (key, value) VALUES (:k, '1')"), {"k": SEARCH_KEY})
    indexes = _secondary_indexes(conn, tables)
    if not indexes:
        return 0
    already = suspended(conn)
    known = {name for name, _sql in already}
    record = already + [ix for ix in indexes if ix[0] not in known]
    quote = conn.dialect.identifier_preparer.quote
    for name, _sql in indexes:
        conn.exec_driver_sql(f"DROP INDEX {quote(name)}")
    params = {"k": SUSPENDED_KEY, "v": json.dumps(record, ensure_ascii=False)}
    if already:
        conn.execute(text("UPDATE settings SET value = :v WHERE key = :k"), params)
    else:
        conn.execute(text("INSERT INTO settings (key, value) VALUES (:k, :v)"), params)
    return len(indexes)


def restore_indexes(conn: Connection) -> int:
    """Rebuild every suspended index that is still missing (inside the caller's transaction) and
    clear the record. Returns how many were built."""
    if _search_suspended(conn):
        search.create_triggers(conn)
        search.rebuild(conn)
        conn.execute(text("DELETE FROM settings WHERE key = :k"), {"k": SEARCH_KEY})
    pending = suspended(conn)
    if not pending:
        return 0
    if conn.dialect.name == "postgresql":
        # One sort in memory per index rather than spilling to disk; only this transaction.
        conn.exec_driver_sql("SET LOCAL maintenance_work_mem = '256MB'")
    present = {name for name, _sql in _secondary_indexes(conn, _tables_of(conn))}
    built = 0
    for name, sql in pending:
        if name not in present:
            conn.exec_driver_sql(sql)
            built += 1
    conn.execute(text("DELETE FROM settings WHERE key = :k"), {"k": SUSPENDED_KEY})
    return built


def _search_suspended(conn: Connection) -> bool:
    return conn.execute(text("SELECT 1 FROM settings WHERE key = :k"), {"k": SEARCH_KEY}).scalar() is not None


def _tables_of(conn: Connection) -> list[str]:
    from sqlalchemy import inspect

    return inspect(conn).get_table_names()
