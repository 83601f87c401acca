"""Migrations bring an empty database to head on both engines, and the ORM models match
the migrated schema exactly (no autogenerate diff)."""

from __future__ import annotations

import multiprocessing

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from core.database import open_database
from db import migrate, search
from db.codes import COMMITTEES
from db.engine import make_engine
from db.models import Base


def test_head_constant_matches_the_scripts():
    assert migrate.head_revision() == migrate.HEAD


def test_empty_database_upgrades_to_head_and_matches_models(empty_db_url):
    engine = make_engine(empty_db_url)
    assert migrate.current_revision(engine) is None
    assert migrate.upgrade(engine) is True
    assert migrate.current_revision(engine) == migrate.HEAD
    assert migrate.upgrade(engine) is False  # second start: nothing to do
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(
            conn, opts={"compare_type": True, "include_name": search.include_name}), Base.metadata)
    assert diff == []
    engine.dispose()


def test_seed_is_complete_and_idempotent(engine):
    open_database(str(engine.url.render_as_string(hide_password=False)))
    with engine.connect() as conn:
        codes = {r[0] for r in conn.execute(text("SELECT code FROM committees"))}
        rooms = conn.execute(text("SELECT count(*) FROM rooms")).scalar()
        admins = conn.execute(text("SELECT count(*) FROM users WHERE role = 'admin'")).scalar()
    assert codes == set(COMMITTEES)
    assert rooms >= 4
    assert admins == 1


def test_a_newer_schema_is_refused_with_a_clear_message(engine):
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999_from_the_future'"))
    with pytest.raises(migrate.SchemaTooNewError, match="请先将本机"):
        open_database(engine.url.render_as_string(hide_password=False))


def test_audit_log_is_append_only_in_the_database(engine):
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO audit_log (at, username, action, entity, detail, workstation) "
                          "VALUES (CURRENT_TIMESTAMP, 'x', 'test', '', '', '')"))
    for statement in ("UPDATE audit_log SET action = 'forged'", "DELETE FROM audit_log"):
        with pytest.raises(DBAPIError, match="append-only"), engine.begin() as conn:
            conn.execute(text(statement))
    with engine.connect() as conn:
        assert conn.execute(text("SELECT action FROM audit_log WHERE username = 'x'")).scalar() == "test"


def test_foreign_keys_and_checks_are_enforced(engine):
    with pytest.raises(DBAPIError), engine.begin() as conn:
        conn.execute(text("INSERT INTO rooms (name, kind, capacity, active) VALUES ('x', 'ballroom', 1, true)"))
    with pytest.raises(DBAPIError), engine.begin() as conn:
        conn.execute(text("INSERT INTO rooms (name, kind, committee_id, capacity, active) "
                          "VALUES ('y', 'mediation', 999, 1, true)"))


def _migrate_in_process(url: str) -> bool:
    return migrate.upgrade(make_engine(url))


@pytest.mark.postgres
def test_two_clients_starting_together_migrate_once(pg_url):
    ctx = multiprocessing.get_context("spawn")
    with ctx.Pool(4) as pool:
        results = pool.map(_migrate_in_process, [pg_url] * 4)
    assert sorted(results) == [False, False, False, True]
    assert migrate.current_revision(make_engine(pg_url)) == migrate.HEAD


def test_sqlite_runs_with_wal_and_foreign_keys(sqlite_engine):
    with sqlite_engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


@pytest.mark.postgres
def test_postgres_refuses_overlapping_bookings_of_one_resource(pg_engine):
    """The exclusion constraint is the last line of defence against double booking."""
    from tests.factories import add_case

    add_case(pg_engine)
    with pg_engine.begin() as conn:
        conn.execute(text("INSERT INTO appointments (case_id, starts_at, ends_at, room_id, status, purpose) "
                          "VALUES (1, '2026-11-23 09:00', '2026-11-23 10:30', 3, 'booked', '')"))
        insert = text("INSERT INTO booked_resources (appointment_id, resource_kind, resource_id, starts_at, "
                      "ends_at, active) VALUES (1, 'room', 3, :s, :e, :a)")
        conn.execute(insert, {"s": "2026-11-23 09:00", "e": "2026-11-23 10:30", "a": True})
        # Touching end to start is not an overlap; an inactive (cancelled) row never conflicts.
        conn.execute(insert, {"s": "2026-11-23 10:30", "e": "2026-11-23 11:00", "a": True})
        conn.execute(insert, {"s": "2026-11-23 09:30", "e": "2026-11-23 10:00", "a": False})
    with pytest.raises(DBAPIError, match="booked_resources_no_overlap"), pg_engine.begin() as conn:
        conn.execute(insert, {"s": "2026-11-23 10:00", "e": "2026-11-23 10:45", "a": True})
