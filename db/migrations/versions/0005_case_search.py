"""case search: name suffixes, FTS5 trigram (SQLite) / pg_trgm (PostgreSQL), sort indexes

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-22 17:40:00

The case list's search box on a million cases (docs/benchmarks.md): ``party_name_suffixes`` and,
for numbers and summaries, an FTS5 trigram table (SQLite) or GIN trigram indexes (PostgreSQL),
all kept by triggers and filled here from the existing data — see :mod:`db.search`. And indexes
for sorting the list by committee, dispute type and amount (ties by id, as the list orders them).
Created with plain CREATE statements (no batch rebuild of ``cases``: it would drop the
statistics' and the search's triggers).
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from db import search

revision: str = '0005'
down_revision: str | None = '0004'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_SORT_INDEXES = {
    'ix_cases_sort_committee': ['committee_id', 'id'],
    'ix_cases_sort_dispute_type': ['dispute_type', 'id'],
    'ix_cases_sort_amount': ['amount_claimed', 'id'],
}


def upgrade() -> None:
    op.create_table(
        'party_name_suffixes',
        sa.Column('suffix', sa.String(length=120).with_variant(sa.String(length=120, collation='C'), 'postgresql'),
                  nullable=False),
        sa.Column('party_id', sa.Integer(), autoincrement=False, nullable=False),
        sa.PrimaryKeyConstraint('suffix', 'party_id', name=op.f('pk_party_name_suffixes')),
        sqlite_with_rowid=False,
    )
    for name, columns in _SORT_INDEXES.items():
        op.create_index(name, 'cases', columns, unique=False)
    conn = op.get_bind()
    search.install(conn)  # the FTS table / GIN indexes, the triggers, and the backfill
    # The planner's statistics for the new table and indexes (the list's plans depend on them).
    conn.exec_driver_sql('ANALYZE party_name_suffixes')
    conn.exec_driver_sql('ANALYZE cases')


def downgrade() -> None:
    search.uninstall(op.get_bind())
    for name in _SORT_INDEXES:
        op.drop_index(name, table_name='cases')
    op.drop_table('party_name_suffixes')
