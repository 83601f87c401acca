"""agreement lookups: index the columns an agreement's instalments and signatures, a party's agents, consents and visits are found by

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-22 20:55:00

Every reading of an agreement (the editor, the case's performance tab, payments, the documents,
``tiaojie print agreement``) looks up its instalments and signatures by ``agreement_id``, and the
personal-data export looks up a party's consents and follow-up visits: without these indexes each
lookup read the whole table — 0.6 s for the instalments and 0.1 s for the signatures of one
agreement on the 1,000,000-case demo. A party without a phone is reached through its agent: the
follow-up lists, the complaints ledger and the overdue instalments looked the agents up by
``represents_id`` over all 3,000,000 case parties (0.15–0.7 s per list). Plain CREATE INDEX (no
table rebuild).
"""

from collections.abc import Sequence

from alembic import op

revision: str = '0006'
down_revision: str | None = '0005'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

INDEXES = (
    ('ix_instalments_agreement', 'instalments', ['agreement_id', 'due_on']),
    ('ix_signatures_agreement', 'signatures', ['agreement_id']),
    ('ix_case_parties_represents', 'case_parties', ['represents_id']),
    ('ix_consents_case_party', 'consents', ['case_party_id']),
    ('ix_followups_party', 'followups', ['party_id']),
)


def upgrade() -> None:
    for name, table, columns in INDEXES:
        op.create_index(name, table, columns)


def downgrade() -> None:
    for name, table, _columns in INDEXES:
        op.drop_index(name, table_name=table)
