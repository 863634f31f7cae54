"""Reminders: the due-jobs table (one row per meeting, member, offset and SEQUENCE).

Mirrors the section "reminders and attendance" of ``adapters/tables.py``.

Revision ID: 0008
"""

import sqlalchemy as sa
from alembic import op

from tandem_kit.db.types import UtcDateTime

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "reminder_jobs",
        sa.Column("id", sa.Uuid(), primary_key=True),
        sa.Column("meeting_id", sa.Uuid(), sa.ForeignKey("meetings.id"), nullable=False),
        sa.Column("participant_id", sa.Uuid(), nullable=False),
        sa.Column("offset_minutes", sa.Integer, nullable=False),
        sa.Column("sequence", sa.Integer, nullable=False),
        sa.Column("due_at", UtcDateTime(), nullable=False),
        sa.Column("state", sa.String(10), nullable=False),
        sa.Column("lease_owner", sa.String(64), nullable=True),
        sa.Column("lease_until", UtcDateTime(), nullable=True),
        sa.Column("done_at", UtcDateTime(), nullable=True),
        sa.UniqueConstraint(
            "meeting_id", "participant_id", "offset_minutes", "sequence", name="uq_reminder_jobs"
        ),
    )
    op.create_index("ix_reminder_jobs_due", "reminder_jobs", ["state", "due_at"])
    op.create_index("ix_reminder_jobs_meeting", "reminder_jobs", ["meeting_id"])


def downgrade() -> None:
    op.drop_table("reminder_jobs")
