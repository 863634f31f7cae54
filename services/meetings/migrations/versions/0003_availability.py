"""Availability, busy times and external calendar feeds.

Matching's profile copy, the participants' own availability overrides, each one's
external calendar feed (URL sealed) and the busy intervals read from it.

Revision ID: 0003
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def _at(name: str, nullable: bool = False) -> sa.Column:
    return sa.Column(name, sa.DateTime(timezone=True), nullable=nullable)


def upgrade() -> None:
    op.create_table(
        "availability_profiles",
        sa.Column("participant_id", sa.Uuid(), primary_key=True),
        sa.Column("programme_id", sa.Uuid(), nullable=False),
        sa.Column("role", sa.String(10), nullable=False),
        sa.Column("country", sa.String(2), nullable=False),
        sa.Column("modality", sa.String(20), nullable=False),
        sa.Column("goals", sa.JSON, nullable=False),
        sa.Column("availability", sa.JSON, nullable=False),
        _at("updated_at"),
    )
    op.create_index(
        "ix_availability_profiles_programme_id", "availability_profiles", ["programme_id"]
    )
    op.create_table(
        "availability_overrides",
        sa.Column("participant_id", sa.Uuid(), primary_key=True),
        sa.Column("programme_id", sa.Uuid(), nullable=False),
        sa.Column("windows", sa.JSON, nullable=False),
        _at("updated_at"),
    )
    op.create_table(
        "calendar_sources",
        sa.Column("participant_id", sa.Uuid(), primary_key=True),
        sa.Column("programme_id", sa.Uuid(), nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("url_sealed", sa.LargeBinary, nullable=False),
        sa.Column("etag", sa.String(1000), nullable=True),
        sa.Column("last_modified", sa.String(100), nullable=True),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("failure_reason", sa.String(40), nullable=True),
        sa.Column("http_status", sa.Integer, nullable=True),
        sa.Column("failures", sa.Integer, nullable=False),
        sa.Column("busy_count", sa.Integer, nullable=False),
        sa.Column("truncated", sa.Boolean, nullable=False),
        _at("next_fetch_at"),
        _at("lease_until", nullable=True),
        _at("last_fetched_at", nullable=True),
        _at("last_success_at", nullable=True),
        _at("created_at"),
        _at("updated_at"),
    )
    op.create_index("ix_calendar_sources_next_fetch_at", "calendar_sources", ["next_fetch_at"])
    op.create_table(
        "busy_intervals",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("participant_id", sa.Uuid(), nullable=False),
        _at("starts_at"),
        _at("ends_at"),
    )
    op.create_index(
        "ix_busy_intervals_participant_start", "busy_intervals", ["participant_id", "starts_at"]
    )


def downgrade() -> None:
    op.drop_table("busy_intervals")
    op.drop_table("calendar_sources")
    op.drop_table("availability_overrides")
    op.drop_table("availability_profiles")
