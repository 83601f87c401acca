"""The demo's bulk load suspends secondary indexes and always gets them back (db.bulk_load)."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import inspect, text
from sqlalchemy.exc import IntegrityError

from core import demo
from core.database import open_database
from db import bulk_load, rollups

REPO = Path(__file__).resolve().parents[2]
TODAY = date(2026, 11, 20)
TABLES = ("cases", "parties", "case_parties", "agreements", "followups")


def _indexes(engine) -> dict[str, tuple]:
    insp = inspect(engine)
    return {ix["name"]: (table, tuple(ix["column_names"]), bool(ix["unique"]))
            for table in insp.get_table_names() for ix in insp.get_indexes(table)}


def test_suspend_then_restore_gives_back_the_same_indexes(db_url):
    engine = open_database(db_url)
    before = _indexes(engine)
    with engine.begin() as conn:
        dropped = bulk_load.suspend_indexes(conn, TABLES)
    assert dropped > 5
    during = _indexes(engine)
    assert not any(table in TABLES for table, _cols, _u in during.values() if _u is False)
    with engine.begin() as conn:
        assert len(bulk_load.suspended(conn)) == dropped
        assert bulk_load.restore_indexes(conn) == dropped
    assert _indexes(engine) == before
    with engine.begin() as conn:
        assert bulk_load.suspended(conn) == []
        assert bulk_load.restore_indexes(conn) == 0  # nothing left to do
    engine.dispose()


def test_a_load_that_fails_half_way_still_restores_the_indexes(db_url, monkeypatch):
    engine = open_database(db_url)
    before = _indexes(engine)
    calls = {"n": 0}
    real_write = demo._Writer.write

    def failing_write(self, table, rows):
        calls["n"] += 1
        if calls["n"] > 25:
            raise RuntimeError("disk full")
        real_write(self, table, rows)

    monkeypatch.setattr(demo._Writer, "write", failing_write)
    with pytest.raises(RuntimeError, match="disk full"):
        demo.generate_demo(engine, cases=120, seed=4, today=TODAY, batch=20)
    assert _indexes(engine) == before
    with engine.begin() as conn:
        assert bulk_load.suspended(conn) == []
        assert not rollups.is_stale(conn)  # rebuilt from what was committed
    engine.dispose()


def test_rebuild_stats_restores_what_a_killed_load_left_suspended(db_url):
    """A load killed between its drops and its rebuild: the definitions are in the database,
    and ``tiaojie db rebuild-stats`` (the documented recovery) builds them again."""
    engine = open_database(db_url)
    before = _indexes(engine)
    with engine.begin() as conn:
        dropped = bulk_load.suspend_indexes(conn, TABLES)
        rollups.mark_stale(conn)
    assert _indexes(engine) != before
    done = subprocess.run([sys.executable, "-m", "desktop", "--db", db_url, "db", "rebuild-stats"],
                          capture_output=True, text=True, cwd=REPO, timeout=120)
    assert done.returncode == 0, done.stderr
    assert f"重建了批量导入时暂停的索引 {dropped} 个" in done.stdout
    assert _indexes(engine) == before
    engine.dispose()


def test_a_restored_unique_index_still_refuses_duplicates(sqlite_engine):
    uniques = {name: spec for name, spec in _indexes(sqlite_engine).items() if spec[2]}
    with sqlite_engine.begin() as conn:
        bulk_load.suspend_indexes(conn, {table for table, _c, _u in uniques.values()})
    with sqlite_engine.begin() as conn:
        bulk_load.restore_indexes(conn)
    assert {n: s for n, s in _indexes(sqlite_engine).items() if s[2]} == uniques
    # ix_cases_intake_key is one of them (a form's key registers one case only): still enforced.
    assert "ix_cases_intake_key" in uniques
    from tests.factories import add_case

    add_case(sqlite_engine)
    add_case(sqlite_engine)
    with pytest.raises(IntegrityError), sqlite_engine.begin() as conn:
        conn.execute(text("UPDATE cases SET intake_key = 'form-1'"))


@pytest.mark.postgres
def test_the_demo_fills_a_database_as_its_owner_not_a_superuser(pg_url):
    """As deployed (docs/deployment.md): the database belongs to an ordinary role, which may not
    switch off foreign-key triggers (session_replication_role): the load goes on with them, and
    its clean-up must not try to reset what it could not set."""
    from uuid import uuid4

    from sqlalchemy import create_engine
    from sqlalchemy.engine import make_url

    role = f"tj_owner_{uuid4().hex[:8]}"
    as_superuser = create_engine(pg_url, isolation_level="AUTOCOMMIT")  # in the test's database
    with as_superuser.connect() as conn:
        conn.execute(text(f'CREATE ROLE "{role}" LOGIN'))
        conn.execute(text(f'ALTER DATABASE "{make_url(pg_url).database}" OWNER TO "{role}"'))
        conn.execute(text("CREATE EXTENSION IF NOT EXISTS btree_gist"))  # as docs/deployment.md: the superuser's
    engine = open_database(make_url(pg_url).set(username=role, password=None).render_as_string(hide_password=False))
    try:
        result = demo.generate_demo(engine, cases=40, seed=6, today=TODAY, batch=20)
        with engine.connect() as conn:
            assert conn.scalar(text("SELECT count(*) FROM cases")) == result.cases == 40
            assert not conn.scalar(text("SELECT rolsuper FROM pg_roles WHERE rolname = current_user"))
    finally:
        engine.dispose()
        with as_superuser.connect() as conn:  # the database (dropped by the fixture) and its tables back
            conn.execute(text(f'REASSIGN OWNED BY "{role}" TO CURRENT_USER'))
            conn.execute(text(f'DROP OWNED BY "{role}"'))
            conn.execute(text(f'DROP ROLE "{role}"'))
        as_superuser.dispose()
