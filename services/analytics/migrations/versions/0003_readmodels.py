"""The kit's directory, analytics' store of what it consumed, and the read models.

Mirrors the section "read models" of ``adapters/tables.py``
(``tests/analytics/integration/test_readmodels_migrations.py`` compares them).

Revision ID: 0003
"""

import sqlalchemy as sa
from alembic import op

from tandem_kit.db.types import UtcDateTime
from tandem_kit.directory import create_directory_tables, drop_directory_tables

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    create_directory_tables()
    op.create_table(
        "consumed_events",
        sa.Column("seq", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("event_id", sa.Uuid(), nullable=False, unique=True),
        sa.Column("event_type", sa.String(80), nullable=False),
        sa.Column("source", sa.String(80), nullable=False),
        sa.Column("key", sa.String(80), nullable=False),
        sa.Column("time", UtcDateTime(), nullable=False),
        sa.Column("data", sa.LargeBinary, nullable=False),
    )
    op.create_table(
        "consumed_event_people",
        sa.Column("participant_id", sa.Uuid(), primary_key=True),
        sa.Column("event_id", sa.Uuid(), primary_key=True),
    )
    op.create_table(
        "rm_relationships",
        sa.Column("relationship_id", sa.Uuid(), primary_key=True),
        sa.Column("programme_id", sa.Uuid(), nullable=False),
        sa.Column("format", sa.String(10), nullable=True),
        sa.Column("starts_on", sa.Date, nullable=True),
        sa.Column("agreed_end_date", sa.Date, nullable=True),
        sa.Column("started_at", UtcDateTime(), nullable=True),
        sa.Column("ended_at", UtcDateTime(), nullable=True),
        sa.Column("outcome", sa.String(20), nullable=True),
        sa.Column("ended_by", sa.String(10), nullable=True),
        sa.Column("end_reason", sa.String(30), nullable=True),
        sa.Column("agreement_version", sa.Integer, nullable=True),
        sa.Column("agreed_response_hours", sa.Integer, nullable=True),
        sa.Column("agreed_cadence_days", sa.Integer, nullable=True),
        sa.Column("agreement_accepted_at", UtcDateTime(), nullable=True),
        sa.Column("last_meeting_held_at", UtcDateTime(), nullable=True),
    )
    op.create_index("ix_rm_relationships_programme", "rm_relationships", ["programme_id"])
    op.create_table(
        "rm_members",
        sa.Column("relationship_id", sa.Uuid(), primary_key=True),
        sa.Column("participant_id", sa.Uuid(), primary_key=True),
        sa.Column("role", sa.String(10), nullable=True),
        sa.Column("messages", sa.Integer, nullable=False),
        sa.Column("first_message_at", UtcDateTime(), nullable=True),
        sa.Column("last_message_at", UtcDateTime(), nullable=True),
    )
    op.create_index("ix_rm_members_participant", "rm_members", ["participant_id"])
    op.create_table(
        "rm_message_weeks",
        sa.Column("relationship_id", sa.Uuid(), primary_key=True),
        sa.Column("participant_id", sa.Uuid(), primary_key=True),
        sa.Column("week", sa.Date, primary_key=True),
        sa.Column("programme_id", sa.Uuid(), nullable=False),
        sa.Column("messages", sa.Integer, nullable=False),
    )
    op.create_index("ix_rm_message_weeks_programme", "rm_message_weeks", ["programme_id", "week"])
    op.create_table(
        "rm_messages",
        sa.Column("message_id", sa.Uuid(), primary_key=True),
        sa.Column("relationship_id", sa.Uuid(), nullable=False),
        sa.Column("programme_id", sa.Uuid(), nullable=False),
        sa.Column("sender_id", sa.Uuid(), nullable=False),
        sa.Column("posted_at", UtcDateTime(), nullable=False),
        sa.Column("answer_id", sa.Uuid(), nullable=True),
        sa.Column("answered_by", sa.Uuid(), nullable=True),
        sa.Column("answered_at", UtcDateTime(), nullable=True),
        sa.Column("response_seconds", sa.Integer, nullable=True),
    )
    op.create_index("ix_rm_messages_programme", "rm_messages", ["programme_id"])
    op.create_index("ix_rm_messages_relationship", "rm_messages", ["relationship_id", "posted_at"])
    op.create_table(
        "rm_meetings",
        sa.Column("meeting_id", sa.Uuid(), primary_key=True),
        sa.Column("relationship_id", sa.Uuid(), nullable=False),
        sa.Column("programme_id", sa.Uuid(), nullable=False),
        sa.Column("schedule_version", sa.Integer, nullable=True),
        sa.Column("schedule_event", sa.Uuid(), nullable=True),
        sa.Column("planned_mode", sa.String(20), nullable=True),
        sa.Column("starts_at", UtcDateTime(), nullable=True),
        sa.Column("ends_at", UtcDateTime(), nullable=True),
        sa.Column("cancelled", sa.Boolean, nullable=True),
        sa.Column("planned_activity_id", sa.Uuid(), nullable=True),
        sa.Column("outcome", sa.String(20), nullable=True),
        sa.Column("attended_mode", sa.String(20), nullable=True),
        sa.Column("attendees", sa.Integer, nullable=True),
        sa.Column("duration_minutes", sa.Integer, nullable=True),
        sa.Column("recorded_at", UtcDateTime(), nullable=True),
        sa.Column("recorded_event", sa.Uuid(), nullable=True),
    )
    op.create_index("ix_rm_meetings_programme", "rm_meetings", ["programme_id"])
    op.create_index("ix_rm_meetings_relationship", "rm_meetings", ["relationship_id"])
    op.create_table(
        "rm_goals",
        sa.Column("goal_id", sa.Uuid(), primary_key=True),
        sa.Column("relationship_id", sa.Uuid(), nullable=False),
        sa.Column("programme_id", sa.Uuid(), nullable=False),
        sa.Column("state", sa.String(20), nullable=False),
        sa.Column("milestones_total", sa.Integer, nullable=False),
        sa.Column("milestones_done", sa.Integer, nullable=False),
        sa.Column("progressed_at", UtcDateTime(), nullable=False),
        sa.Column("progressed_event", sa.Uuid(), nullable=False),
    )
    op.create_index("ix_rm_goals_relationship", "rm_goals", ["relationship_id"])
    op.create_table(
        "rm_participants",
        sa.Column("participant_id", sa.Uuid(), primary_key=True),
        sa.Column("programme_id", sa.Uuid(), nullable=False),
        sa.Column("role", sa.String(10), nullable=True),
        sa.Column("country", sa.String(2), nullable=True),
        sa.Column("modality", sa.String(20), nullable=True),
        sa.Column("facts_at", UtcDateTime(), nullable=True),
        sa.Column("facts_event", sa.Uuid(), nullable=True),
        sa.Column("last_contact_at", UtcDateTime(), nullable=True),
        sa.Column("last_meeting_at", UtcDateTime(), nullable=True),
        sa.Column("first_posted_at", UtcDateTime(), nullable=True),
    )
    op.create_index("ix_rm_participants_programme", "rm_participants", ["programme_id"])
    op.create_table(
        "rm_programmes",
        sa.Column("programme_id", sa.Uuid(), primary_key=True),
        sa.Column("organisation_id", sa.Uuid(), nullable=False),
    )
    op.create_index(
        "ix_rm_programmes_organisation", "rm_programmes", ["organisation_id", "programme_id"]
    )


def downgrade() -> None:
    op.drop_table("rm_programmes")
    op.drop_table("rm_participants")
    op.drop_table("rm_goals")
    op.drop_table("rm_meetings")
    op.drop_table("rm_messages")
    op.drop_table("rm_message_weeks")
    op.drop_table("rm_members")
    op.drop_table("rm_relationships")
    op.drop_table("consumed_event_people")
    op.drop_table("consumed_events")
    drop_directory_tables()
