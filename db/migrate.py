"""Schema migrations: run at start (under a lock, so two PCs starting together do not
both migrate) and by ``tiaojie db upgrade``."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine, inspect, text

from db.messages import msg
from db.revision import HEAD

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
# Any constant works; it only has to be the same on every client.
_PG_LOCK_KEY = 0x7469616F  # "tiao"


class SchemaTooNewError(RuntimeError):
    """The database was migrated by a newer client than this one."""


def _config():
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(_config()).get_current_head()


def known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory

    return {s.revision for s in ScriptDirectory.from_config(_config()).walk_revisions()}


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return _revision_in(conn)


def check_schema(engine: Engine) -> str | None:
    """Refuse a database whose schema this client does not know (a newer client ran)."""
    rev = current_revision(engine)
    if rev is not None and rev != HEAD and rev not in known_revisions():
        raise SchemaTooNewError(msg("数据库结构版本 {revision} 比本程序新，请先将本机的调解超市前台升级到最新版本再使用。",
                                    revision=rev))
    return rev


def is_current(engine: Engine) -> bool:
    return current_revision(engine) == HEAD


def upgrade(engine: Engine) -> bool:
    """Bring the schema to head. Returns True if anything was migrated."""
    if check_schema(engine) == HEAD:
        return False
    from alembic import command

    cfg = _config()
    with engine.connect() as conn:
        if conn.dialect.name == "sqlite":
            conn = conn.execution_options(sqlite_immediate=True)
        with conn.begin():
            if conn.dialect.name == "postgresql":
                # Held until commit: a second client waits here, then finds nothing to do.
                conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _PG_LOCK_KEY})
            if _revision_in(conn) == HEAD:
                return False
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")
    return True


def _revision_in(conn) -> str | None:
    if not inspect(conn).has_table("alembic_version"):
        return None
    return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
