"""decision meeting link

Links a decision to the meeting it came out of (`decision.meeting_id`, optional), as an
action item already links to its meeting through `source_id`. Meeting types and payment
statuses are vocabularies, which need no schema change.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23 03:30:00.000000
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("decision", schema=None) as batch_op:
        batch_op.add_column(sa.Column("meeting_id", sa.String(length=36), nullable=True))
        batch_op.create_index(batch_op.f("ix_decision_meeting_id"), ["meeting_id"], unique=False)
        batch_op.create_foreign_key(
            batch_op.f("fk_decision_meeting_id_meeting"), "meeting", ["meeting_id"], ["id"]
        )


def downgrade() -> None:
    with op.batch_alter_table("decision", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_decision_meeting_id_meeting"), type_="foreignkey")
        batch_op.drop_index(batch_op.f("ix_decision_meeting_id"))
        batch_op.drop_column("meeting_id")
