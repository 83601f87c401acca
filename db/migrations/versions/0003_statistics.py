"""statistics: daily rollups kept exact by triggers, and the statistics' indexes

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-22 10:57:47.338579

* ``stats_case_facts`` (what each case contributes, per kind and day) and the daily rollups
  ``stats_by_committee`` / ``stats_by_type`` / ``stats_by_source`` / ``stats_by_mediator``,
  ``stats_state`` (the stale mark of bulk loads);
* the triggers (SQLite) / PL/pgSQL functions and triggers (PostgreSQL) that keep them exact —
  their SQL is :mod:`db.rollups` (see there);
* backfill: the facts and rollups of the existing data, in one set-based pass;
* indexes: 超期未结 (``ix_cases_stats_open``), late performances (``ix_stats_case_facts_late``) and
  the drill-down lists by acceptance, 司法确认 and session dates.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from db import rollups

revision: str = '0003'
down_revision: str | None = '0002'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The columns as of this revision (db.rollups.FIGURES).
_FIGURES = (
    "received", "amount_claimed", "repeat_visitors", "accepted", "concluded", "refused", "days_total",
    "successful", "successful_oral", "amount_agreed", "escalations_prevented", "escalation_persons",
    "agreements_due", "agreements_performed_in_time", "judicial_confirmed", "ratings", "ratings_satisfied",
    "ratings_good",
)
_BIG = {"amount_claimed", "amount_agreed", "queue_wait_seconds"}


def _figures(*extra: str) -> list[sa.Column]:
    return [sa.Column(name, sa.BigInteger() if name in _BIG else sa.Integer(), server_default=sa.text('0'),
                      nullable=False) for name in (*_FIGURES, *extra)]


def _rollup(table: str, key: sa.Column, *extra: str) -> None:
    op.create_table(
        table,
        sa.Column('day', sa.Date(), nullable=False),
        key,
        *_figures(*extra),
        sa.PrimaryKeyConstraint('day', key.name, name=op.f(f'pk_{table}')),
        sqlite_with_rowid=False,
    )


def upgrade() -> None:
    assert _FIGURES == rollups.FIGURES, "db.rollups changed: write a new migration"
    _rollup('stats_by_committee', sa.Column('committee_id', sa.Integer(), autoincrement=False, nullable=False),
            "queue_tickets", "queue_called", "queue_wait_seconds")
    _rollup('stats_by_mediator', sa.Column('mediator_id', sa.Integer(), autoincrement=False, nullable=False),
            "sessions")
    _rollup('stats_by_source', sa.Column('source', sa.String(length=20), autoincrement=False, nullable=False))
    _rollup('stats_by_type', sa.Column('dispute_type', sa.String(length=2), autoincrement=False, nullable=False))
    op.create_table(
        'stats_case_facts',
        sa.Column('case_id', sa.Integer(), autoincrement=False, nullable=False),
        sa.Column('kind', sa.SmallInteger(), autoincrement=False, nullable=False),
        sa.Column('day', sa.Date(), nullable=False),
        sa.Column('committee_id', sa.Integer(), nullable=False),
        sa.Column('dispute_type', sa.String(length=2), nullable=False),
        sa.Column('source', sa.String(length=20), nullable=False),
        sa.Column('mediator_id', sa.Integer(), nullable=False),
        *_figures(),
        sa.Column('late_performed_on', sa.Date(), nullable=True),
        sa.PrimaryKeyConstraint('case_id', 'kind', 'day', name=op.f('pk_stats_case_facts')),
        sqlite_with_rowid=False,
    )
    late = sa.text('late_performed_on IS NOT NULL')
    with op.batch_alter_table('stats_case_facts', schema=None) as batch_op:
        batch_op.create_index('ix_stats_case_facts_late', ['day', 'late_performed_on', 'committee_id',
                                                           'dispute_type', 'source', 'mediator_id'],
                              unique=False, sqlite_where=late, postgresql_where=late)
    op.create_table(
        'stats_state',
        sa.Column('id', sa.Integer(), autoincrement=False, nullable=False),
        sa.Column('stale', sa.Boolean(), server_default=sa.text('false'), nullable=False),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_stats_state')),
    )
    with op.batch_alter_table('agreements', schema=None) as batch_op:
        batch_op.create_index('ix_agreements_judicial', ['judicial_confirmed_on'], unique=False)
    with op.batch_alter_table('cases', schema=None) as batch_op:
        batch_op.create_index('ix_cases_accepted', ['accepted_on'], unique=False)
        batch_op.create_index('ix_cases_stats_open', ['concluded_on', 'received_on', 'accepted_on', 'committee_id',
                                                      'dispute_type', 'source', 'mediator_id'], unique=False)
    with op.batch_alter_table('mediation_sessions', schema=None) as batch_op:
        batch_op.create_index('ix_mediation_sessions_started', ['started_at'], unique=False)

    conn = op.get_bind()
    conn.execute(sa.text("INSERT INTO stats_state (id, stale) VALUES (1, :f)"), {"f": False})
    rollups.install(conn)
    rollups.rebuild(conn)  # backfill the existing data
    rollups.analyze(conn)


def downgrade() -> None:
    rollups.uninstall(op.get_bind())
    with op.batch_alter_table('mediation_sessions', schema=None) as batch_op:
        batch_op.drop_index('ix_mediation_sessions_started')
    with op.batch_alter_table('cases', schema=None) as batch_op:
        batch_op.drop_index('ix_cases_stats_open')
        batch_op.drop_index('ix_cases_accepted')
    with op.batch_alter_table('agreements', schema=None) as batch_op:
        batch_op.drop_index('ix_agreements_judicial')
    op.drop_table('stats_state')
    with op.batch_alter_table('stats_case_facts', schema=None) as batch_op:
        batch_op.drop_index('ix_stats_case_facts_late')
    op.drop_table('stats_case_facts')
    for table in ('stats_by_type', 'stats_by_source', 'stats_by_mediator', 'stats_by_committee'):
        op.drop_table(table)
