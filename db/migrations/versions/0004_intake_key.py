"""intake key: a save retried after a lost connection registers the case once

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-22 11:20:00

``cases.intake_key`` is the intake form's own identifier (a UUID made when the form is started,
kept in its draft). Saving the same form again — the connection broke after the commit, the app
crashed before the draft was cleared — finds the case instead of registering it twice. Added with
plain ALTER TABLE (no table rebuild on SQLite, which would drop the statistics' triggers).
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0004'
down_revision: str | None = '0003'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column('cases', sa.Column('intake_key', sa.String(length=36), nullable=True))
    op.create_index('ix_cases_intake_key', 'cases', ['intake_key'], unique=True)


def downgrade() -> None:
    op.drop_index('ix_cases_intake_key', table_name='cases')
    # Plain ALTER TABLE … DROP COLUMN (SQLite ≥ 3.35): a batch rebuild of cases would drop the
    # statistics' triggers on it (db.rollups).
    op.execute('ALTER TABLE cases DROP COLUMN intake_key')
