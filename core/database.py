"""Opening the database the application works on: connect, migrate, seed."""

from __future__ import annotations

from sqlalchemy import Engine

from core.auth import ensure_admin
from core.uow import unit_of_work
from db import migrate
from db.engine import make_engine, resolve_url
from db.seed import seed_reference_data


def open_database(url: str | None = None, *, upgrade: bool = True) -> Engine:
    """Connect to ``url`` (or the default), bring the schema to head and seed the
    reference data. Raises ``SchemaTooNewError`` for a database of a newer client."""
    engine = make_engine(resolve_url(url))
    if upgrade:
        migrate.upgrade(engine)
    else:
        migrate.check_schema(engine)
    with unit_of_work(engine) as session:
        seed_reference_data(session)
        ensure_admin(session)
    return engine
