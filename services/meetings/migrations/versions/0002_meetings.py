"""Relationships, their members, meetings and attendees, and used RSVP nonces.

Mirrors the section "relationships, members and meetings" of ``adapters/tables.py``
(``tests/meetings/integration/test_meetings_migrations.py`` compares them).

Revision ID: 0002
"""

import sqlalchemy as sa
from alembic import op

from tandem_kit.db.types import SUBJECT_LENGTH, UtcDateTime

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def _at(name: str, nullable: bool = False) -> sa.Column:
    return sa.Column(name, UtcDateTime(), nullable=nullable)


def _blob(name: str, nullable: bool = True) -> sa.Column:
    return sa.Column(name, sa.LargeBinary, nullable=nullable)


def upgrade() -> None:
    op.create_table(
        "relationships",
        sa.Column("id", sa.Uuid(), primary_key=True),
        sa.Column("programme_id", sa.Uuid(), nullable=False),
        sa.Column("format", sa.String(10), nullable=False),
        sa.Column("starts_on", sa.Date, nullable=False),
        sa.Column("agreed_end_date", sa.Date, nullable=False),
        sa.Column("status", sa.String(10), nullable=False),
        sa.Column("cadence_days", sa.Integer, nullable=True),
        _blob("wrapped_key_nonce", nullable=False),
        _blob("wrapped_key_ciphertext", nullable=False),
        _at("started_at"),
        _at("ended_at", nullable=True),
    )
    op.create_index("ix_relationships_programme", "relationships", ["programme_id", "status"])

    op.create_table(
        "relationship_members",
        sa.Column(
            "relationship_id", sa.Uuid(), sa.ForeignKey("relationships.id"), primary_key=True
        ),
        sa.Column("participant_id", sa.Uuid(), primary_key=True),
        sa.Column("subject", sa.String(SUBJECT_LENGTH), nullable=False),
        sa.Column("role", sa.String(10), nullable=False),
    )
    op.create_index("ix_relationship_members_subject", "relationship_members", ["subject"])
    op.create_index(
        "ix_relationship_members_participant", "relationship_members", ["participant_id"]
    )

    op.create_table(
        "meetings",
        sa.Column("id", sa.Uuid(), primary_key=True),
        sa.Column("relationship_id", sa.Uuid(), sa.ForeignKey("relationships.id"), nullable=False),
        sa.Column("programme_id", sa.Uuid(), nullable=False),
        sa.Column("planned_activity_id", sa.Uuid(), nullable=True),
        sa.Column("activity_key", sa.String(64), nullable=True),
        sa.Column("mode", sa.String(20), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        _at("starts_at"),
        _at("ends_at"),
        sa.Column("sequence", sa.Integer, nullable=False),
        sa.Column("ical_uid", sa.String(120), nullable=False),
        _blob("place_nonce"),
        _blob("place_ciphertext"),
        _blob("link_nonce"),
        _blob("link_ciphertext"),
        sa.Column("link_status", sa.String(10), nullable=True),
        sa.Column("link_provider", sa.String(40), nullable=True),
        sa.Column("link_attempts", sa.Integer, nullable=False),
        sa.Column("cancel_reason", sa.String(30), nullable=True),
        sa.Column("cancelled_by", sa.String(10), nullable=True),
        _at("cancelled_at", nullable=True),
        _blob("cancel_note"),
        sa.Column("cancel_note_author", sa.Uuid(), nullable=True),
        sa.Column("agenda_goal_ids", sa.JSON, nullable=False),
        _at("created_at"),
        _at("updated_at"),
        sa.UniqueConstraint("ical_uid", name="uq_meetings_ical_uid"),
    )
    op.create_index(
        "ix_meetings_relationship_start", "meetings", ["relationship_id", "starts_at", "id"]
    )
    op.create_index("ix_meetings_status_start", "meetings", ["status", "starts_at", "ends_at"])
    op.create_index("ix_meetings_link_status", "meetings", ["link_status"])

    op.create_table(
        "meeting_attendees",
        sa.Column("id", sa.Uuid(), primary_key=True),
        sa.Column("meeting_id", sa.Uuid(), sa.ForeignKey("meetings.id"), nullable=False),
        sa.Column("participant_id", sa.Uuid(), nullable=True),
        sa.Column("role", sa.String(10), nullable=False),
        sa.Column("partstat", sa.String(20), nullable=False),
        _at("responded_at", nullable=True),
        sa.Column("erased", sa.Boolean, nullable=False),
        sa.UniqueConstraint(
            "meeting_id", "participant_id", name="uq_meeting_attendees_participant"
        ),
    )
    op.create_index(
        "ix_meeting_attendees_participant",
        "meeting_attendees",
        ["participant_id", "meeting_id"],
    )

    op.create_table(
        "rsvp_nonces",
        sa.Column("nonce", sa.String(64), primary_key=True),
        sa.Column("meeting_id", sa.Uuid(), nullable=False),
        _at("used_at"),
        _at("expires_at"),
    )
    op.create_index("ix_rsvp_nonces_expires", "rsvp_nonces", ["expires_at"])


def downgrade() -> None:
    for index, table in (
        ("ix_rsvp_nonces_expires", "rsvp_nonces"),
        ("ix_meeting_attendees_participant", "meeting_attendees"),
        ("ix_meetings_link_status", "meetings"),
        ("ix_meetings_status_start", "meetings"),
        ("ix_meetings_relationship_start", "meetings"),
        ("ix_relationship_members_participant", "relationship_members"),
        ("ix_relationship_members_subject", "relationship_members"),
        ("ix_relationships_programme", "relationships"),
    ):
        op.drop_index(index, table_name=table)
    for table in ("rsvp_nonces", "meeting_attendees", "meetings", "relationship_members"):
        op.drop_table(table)
    op.drop_table("relationships")
