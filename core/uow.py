"""One unit of work = one session and one transaction, committed at the end of the
``with`` block and rolled back if anything in it raises. No global session anywhere."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Engine
from sqlalchemy.orm import Session

from core import change_feed


@contextmanager
def unit_of_work(engine: Engine, *, write: bool = True) -> Iterator[Session]:
    """``write=True`` takes SQLite's write lock at BEGIN (see db.engine), so the
    read-check-write steps of a use case are serialised across PCs. Objects stay
    loaded after commit, but callers should hand plain rows/dataclasses to widgets.
    On PostgreSQL the commit also tells the other PCs what changed (core.change_feed)."""
    change_feed.track(engine)
    with Session(engine, expire_on_commit=False) as session:
        if write and engine.dialect.name == "sqlite":
            session.connection(execution_options={"sqlite_immediate": True})
        try:
            yield session
            if write:
                session.commit()
            else:
                session.rollback()
        except BaseException:
            session.rollback()
            raise


def read_only(engine: Engine):
    return unit_of_work(engine, write=False)
