"""Attendance: each member's record of a meeting, its marks, and the meeting's outcome.

Mirrors the section "attendance" of ``adapters/tables.py``.

Revision ID: 0009
"""

import sqlalchemy as sa
from alembic import op

from tandem_kit.db.types import UtcDateTime

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "attendance_records",
        sa.Column("id", sa.Uuid(), primary_key=True),
        sa.Column("meeting_id", sa.Uuid(), sa.ForeignKey("meetings.id"), nullable=False),
        sa.Column("recorder_id", sa.Uuid(), nullable=True),
        sa.Column("recorder_role", sa.String(10), nullable=False),
        sa.Column("recorder_erased", sa.Boolean, nullable=False),
        sa.Column("mode", sa.String(20), nullable=False),
        sa.Column("duration_minutes", sa.Integer, nullable=False),
        sa.Column("created_at", UtcDateTime(), nullable=False),
        sa.Column("updated_at", UtcDateTime(), nullable=False),
        sa.UniqueConstraint("meeting_id", "recorder_id", name="uq_attendance_records_recorder"),
    )
    op.create_index("ix_attendance_records_recorder", "attendance_records", ["recorder_id"])
    op.create_table(
        "attendance_marks",
        sa.Column("record_id", sa.Uuid(), sa.ForeignKey("attendance_records.id"), primary_key=True),
        sa.Column("position", sa.Integer, primary_key=True),
        sa.Column("participant_id", sa.Uuid(), nullable=True),
        sa.Column("role", sa.String(10), nullable=False),
        sa.Column("presence", sa.String(10), nullable=False),
        sa.Column("erased", sa.Boolean, nullable=False),
    )
    op.create_index("ix_attendance_marks_participant", "attendance_marks", ["participant_id"])
    op.create_table(
        "meeting_attendance",
        sa.Column("meeting_id", sa.Uuid(), sa.ForeignKey("meetings.id"), primary_key=True),
        sa.Column("programme_id", sa.Uuid(), nullable=False),
        sa.Column("state", sa.String(12), nullable=False),
        sa.Column("outcome", sa.String(12), nullable=False),
        sa.Column("mode", sa.String(20), nullable=True),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("digest", sa.String(64), nullable=False),
        sa.Column("updated_at", UtcDateTime(), nullable=False),
    )
    op.create_index(
        "ix_meeting_attendance_programme", "meeting_attendance", ["programme_id", "outcome"]
    )


def downgrade() -> None:
    op.drop_table("meeting_attendance")
    op.drop_table("attendance_marks")
    op.drop_table("attendance_records")
