"""Test fixtures shared by unit, GUI and integration tests.

PostgreSQL tests (marked ``postgres``) run when ``TIAOJIE_TEST_PG_URL`` names a server
database to connect to for administration (e.g. postgresql+psycopg://postgres@127.0.0.1:5432/postgres);
each test run creates and drops its own throwaway databases there.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import uuid
from pathlib import Path

# Must come before anything imports Qt: there is no display on CI.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Tests never touch the real per-user data directory.
os.environ["TIAOJIE_DATA_DIR"] = tempfile.mkdtemp(prefix="tiaojie-test-data-")
# … nor the real connection choice (db.connection): resolve_url would pick it up.
os.environ["TIAOJIE_CONFIG_DIR"] = tempfile.mkdtemp(prefix="tiaojie-test-config-")
os.environ.pop("TIAOJIE_DB", None)

import pytest  # noqa: E402
from sqlalchemy import Engine, create_engine, text  # noqa: E402

import desktop.refcount_guard  # noqa: E402, F401 — plain Python, no Qt: a test run makes millions of Qt calls
from core.auth import CurrentUser, create_user, current_user_of, hash_password  # noqa: E402
from core.uow import unit_of_work  # noqa: E402

PG_ADMIN_URL = os.environ.get("TIAOJIE_TEST_PG_URL")
REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"

TEST_PASSWORD = "test1234"


@pytest.fixture(autouse=True)
def _own_data_dir(tmp_path, monkeypatch):
    """Each test gets its own per-user data directory: drafts, documents, backups and caches
    of one test never reach the next one."""
    monkeypatch.setenv("TIAOJIE_DATA_DIR", str(tmp_path / "tiaojie-data"))


def pytest_collection_modifyitems(config, items):
    if PG_ADMIN_URL:
        return
    skip = pytest.mark.skip(reason="TIAOJIE_TEST_PG_URL not set: no PostgreSQL server for this run")
    for item in items:
        if "postgres" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def _migrated_sqlite_template(tmp_path_factory) -> Path:
    """Migrate and seed once; every test gets a copy of the file (fast)."""
    from core.database import open_database

    path = tmp_path_factory.mktemp("template") / "template.sqlite3"
    engine = open_database(f"sqlite:///{path}")
    with engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    engine.dispose()
    return path


@pytest.fixture()
def sqlite_url(_migrated_sqlite_template, tmp_path) -> str:
    path = tmp_path / "tiaojie.sqlite3"
    shutil.copy(_migrated_sqlite_template, path)
    return f"sqlite:///{path}"


@pytest.fixture()
def sqlite_engine(sqlite_url) -> Engine:
    from core.database import open_database

    engine = open_database(sqlite_url)
    yield engine
    engine.dispose()


def _pg_admin() -> Engine:
    return create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")


@pytest.fixture()
def pg_url() -> str:
    """A fresh, empty PostgreSQL database, dropped afterwards."""
    if not PG_ADMIN_URL:
        pytest.skip("TIAOJIE_TEST_PG_URL not set")
    from sqlalchemy.engine import make_url

    name = f"tj_test_{uuid.uuid4().hex[:12]}"
    admin = _pg_admin()
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = make_url(PG_ADMIN_URL).set(database=name).render_as_string(hide_password=False)
    yield url
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture(scope="session")
def _pg_template() -> str:
    """A migrated and seeded PostgreSQL database, made once: copying it (CREATE DATABASE …
    TEMPLATE) is much faster than running the migrations for every test."""
    if not PG_ADMIN_URL:
        pytest.skip("TIAOJIE_TEST_PG_URL not set")
    from sqlalchemy.engine import make_url

    from core.database import open_database

    name = f"tj_tmpl_{uuid.uuid4().hex[:12]}"
    admin = _pg_admin()
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = make_url(PG_ADMIN_URL).set(database=name).render_as_string(hide_password=False)
    open_database(url).dispose()  # no connection may stay open on a template
    yield name
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture()
def pg_migrated_url(_pg_template) -> str:
    """A fresh PostgreSQL database at the newest schema with the reference data, dropped afterwards."""
    from sqlalchemy.engine import make_url

    name = f"tj_test_{uuid.uuid4().hex[:12]}"
    admin = _pg_admin()
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}" TEMPLATE "{_pg_template}"'))
    yield make_url(PG_ADMIN_URL).set(database=name).render_as_string(hide_password=False)
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture()
def pg_engine(pg_url) -> Engine:
    from core.database import open_database

    engine = open_database(pg_url)
    yield engine
    engine.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_url(request) -> str:
    """Run a test on both engines."""
    if request.param == "sqlite":
        return request.getfixturevalue("sqlite_url")
    return request.getfixturevalue("pg_migrated_url")


@pytest.fixture()
def engine(db_url) -> Engine:
    from core.database import open_database

    engine = open_database(db_url)
    yield engine
    engine.dispose()


@pytest.fixture(scope="session")
def _password_hash() -> str:
    return hash_password(TEST_PASSWORD)


def make_user(engine: Engine, role: str, *, username: str | None = None, committees=(),
              password_hash: str | None = None, full_name: str | None = None) -> CurrentUser:
    with unit_of_work(engine) as session:
        user = create_user(
            session,
            None,
            username=username or f"{role}_{uuid.uuid4().hex[:6]}",
            full_name=full_name or {"reception": "王前台", "mediator": "李调解", "director": "赵主任",
                                    "admin": "钱管理"}[role],
            role=role,
            password_hash=password_hash or hash_password(TEST_PASSWORD),
            committee_codes=tuple(committees),
            must_change_password=False,
        )
        return current_user_of(user)


@pytest.fixture()
def users(engine, _password_hash) -> dict[str, CurrentUser]:
    """One account per role (the mediator in the medical and traffic committees)."""
    return {
        "reception": make_user(engine, "reception", username="qiantai", password_hash=_password_hash),
        "mediator": make_user(engine, "mediator", username="tiaojieyuan", committees=("medical", "traffic"),
                              password_hash=_password_hash),
        "director": make_user(engine, "director", username="zhuren", password_hash=_password_hash),
        "admin": make_user(engine, "admin", username="guanli", password_hash=_password_hash),
    }


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def empty_db_url(request, tmp_path) -> str:
    """A database with nothing in it yet, on both engines."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'empty.sqlite3'}"
    return request.getfixturevalue("pg_url")
