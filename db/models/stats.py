"""The statistics' daily rollups and the per-case facts behind them (see :mod:`db.rollups`).

Written only by the database's triggers and by :func:`db.rollups.rebuild`; read by
:mod:`core.stats`. Money in fen, like every amount column.
"""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    Date,
    Index,
    Integer,
    SmallInteger,
    String,
    Table,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column

from db.models.base import Base
from db.rollups import AXES, EXTRA, FIGURES, MONEY_FIGURES


def _figure_columns(names) -> list[Column]:
    return [Column(name, BigInteger if name in MONEY_FIGURES or name == "queue_wait_seconds" else Integer,
                   nullable=False, server_default=text("0")) for name in names]


class StatsState(Base):
    """One row: ``stale`` while a bulk load runs without the triggers (until the rebuild)."""

    __tablename__ = "stats_state"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    stale: Mapped[bool] = mapped_column(Boolean, server_default=text("false"))


stats_case_facts = Table(
    "stats_case_facts",
    Base.metadata,
    Column("case_id", Integer, primary_key=True, autoincrement=False),  # no FK: facts of deleted cases are
    Column("kind", SmallInteger, primary_key=True, autoincrement=False),  # removed by the same trigger
    Column("day", Date, primary_key=True),
    Column("committee_id", Integer, nullable=False),
    Column("dispute_type", String(2), nullable=False),
    Column("source", String(20), nullable=False),
    Column("mediator_id", Integer, nullable=False),
    *_figure_columns(FIGURES),
    Column("late_performed_on", Date),
    # Agreements performed after their due date: counted as performed when that was by the end of
    # the period (see core.stats). Partial (WHERE late_performed_on IS NOT NULL) on both engines:
    # migration 0003 creates it. Only the SQLite form is named here — a postgresql_* argument makes
    # SQLAlchemy import its PostgreSQL dialect in every process, ≈ 30 ms of each start on SQLite
    # (the SQLite dialect is loaded anyway: sqlite_with_rowid), and Alembic does not compare it.
    Index("ix_stats_case_facts_late", "day", "late_performed_on", "committee_id", "dispute_type", "source",
          "mediator_id", sqlite_where=text("late_performed_on IS NOT NULL")),
    sqlite_with_rowid=False,
)


def _rollup(axis: str, key_type) -> Table:
    table, key = AXES[axis]
    return Table(
        table,
        Base.metadata,
        Column("day", Date, primary_key=True),
        Column(key, key_type, primary_key=True, autoincrement=False),
        *_figure_columns((*FIGURES, *EXTRA.get(axis, ()))),
        sqlite_with_rowid=False,
    )


stats_by_committee = _rollup("committee", Integer)
stats_by_type = _rollup("dispute_type", String(2))
stats_by_source = _rollup("source", String(20))
stats_by_mediator = _rollup("mediator", Integer)  # 0: no mediator

__all__ = ["StatsState", "stats_by_committee", "stats_by_mediator", "stats_by_source", "stats_by_type",
           "stats_case_facts"]
