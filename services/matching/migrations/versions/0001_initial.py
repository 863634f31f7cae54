"""Organisations, programmes, participants, match runs, proposals, relationships,
mentor requests, imports, and the kit's outbox/inbox tables.

Ids are UUIDs (native on PostgreSQL); edited in place, pre-release.

Revision ID: 0001
"""

import sqlalchemy as sa
from alembic import op

from tandem_kit.db.migrations import create_kit_tables, drop_kit_tables

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

SUBJECT = 200


def _id() -> sa.Column:
    return sa.Column("id", sa.Uuid(), primary_key=True)


def _fk(name: str, target: str, nullable: bool = False) -> sa.Column:
    return sa.Column(name, sa.Uuid(), sa.ForeignKey(target), nullable=nullable)


def _at(name: str, nullable: bool = False) -> sa.Column:
    return sa.Column(name, sa.DateTime(timezone=True), nullable=nullable)


def upgrade() -> None:
    create_kit_tables()
    op.create_table(
        "organisations",
        _id(),
        sa.Column("name", sa.String(200), nullable=False),
        _at("created_at"),
    )
    op.create_index("ix_organisations_page", "organisations", ["created_at", "id"])

    op.create_table(
        "programmes",
        _id(),
        _fk("organisation_id", "organisations.id"),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("countries", sa.JSON, nullable=False),
        sa.Column("languages", sa.JSON, nullable=False),
        sa.Column("starts_on", sa.Date, nullable=False),
        sa.Column("ends_on", sa.Date, nullable=False),
        sa.Column("formats", sa.String(10), nullable=False),
        sa.Column("group_min", sa.Integer, nullable=False),
        sa.Column("group_max", sa.Integer, nullable=False),
        sa.Column("policy", sa.JSON, nullable=False),
        # The reference IANA zone of the programme's dates; rows from before: UTC.
        sa.Column("time_zone", sa.String(64), nullable=False, server_default="UTC"),
        _at("created_at"),
        _at("updated_at"),
        sa.Column("mail_overrides", sa.JSON, nullable=False),
    )
    op.create_index("ix_programmes_page", "programmes", ["created_at", "id"])
    op.create_index("ix_programmes_ends_on", "programmes", ["ends_on"])

    op.create_table(
        "programme_managers",
        sa.Column("programme_id", sa.Uuid(), sa.ForeignKey("programmes.id"), primary_key=True),
        sa.Column("subject", sa.String(SUBJECT), primary_key=True),
        sa.Column("display_name", sa.String(200), nullable=False),
        sa.Column("email", sa.String(320), nullable=False),
        sa.Column("preferred_language", sa.String(8), nullable=False),
        sa.Column("time_zone", sa.String(64), nullable=False),
    )
    op.create_index("ix_programme_managers_subject", "programme_managers", ["subject"])

    op.create_table(
        "participants",
        _id(),
        _fk("programme_id", "programmes.id"),
        sa.Column("subject", sa.String(SUBJECT), nullable=True),
        sa.Column("role", sa.String(10), nullable=False),
        sa.Column("status", sa.String(12), nullable=False),
        sa.Column("display_name", sa.LargeBinary, nullable=True),
        sa.Column("email", sa.LargeBinary, nullable=True),
        sa.Column("email_index", sa.String(64), nullable=True),
        sa.Column("preferred_language", sa.String(8), nullable=True),
        sa.Column("country", sa.String(2), nullable=True),
        sa.Column("time_zone", sa.String(64), nullable=True),
        sa.Column("languages", sa.JSON, nullable=True),
        sa.Column("city", sa.LargeBinary, nullable=True),  # sealed: where the person lives
        sa.Column("availability", sa.JSON, nullable=True),
        sa.Column("sector", sa.String(80), nullable=True),
        sa.Column("skills", sa.JSON, nullable=True),
        sa.Column("goals", sa.JSON, nullable=True),
        sa.Column("preferred_format", sa.String(10), nullable=True),
        sa.Column("modality", sa.String(16), nullable=True),
        sa.Column("capacity", sa.Integer, nullable=True),
        sa.Column("linkedin_url", sa.LargeBinary, nullable=True),
        sa.Column("linkedin_consent", sa.Boolean, nullable=False),
        _at("created_at"),
        _at("updated_at"),
        _at("withdrawn_at", nullable=True),
        _at("erased_at", nullable=True),
        sa.UniqueConstraint("programme_id", "subject", name="uq_participants_programme_subject"),
    )
    op.create_index("ix_participants_page", "participants", ["programme_id", "created_at", "id"])
    op.create_index(
        "ix_participants_role_status", "participants", ["programme_id", "role", "status"]
    )
    op.create_index("ix_participants_email_index", "participants", ["programme_id", "email_index"])

    op.create_table(
        "match_runs",
        _id(),
        _fk("programme_id", "programmes.id"),
        sa.Column("status", sa.String(12), nullable=False),
        sa.Column("phase", sa.String(40), nullable=False),
        sa.Column("progress", sa.Float, nullable=False),
        sa.Column("requested_by", sa.String(SUBJECT), nullable=False),
        sa.Column("cancel_requested", sa.Boolean, nullable=False),
        sa.Column("error", sa.Text, nullable=True),
        sa.Column("summary", sa.JSON, nullable=True),
        _at("created_at"),
        _at("started_at", nullable=True),
        _at("heartbeat_at", nullable=True),
        _at("finished_at", nullable=True),
        _at("published_at", nullable=True),
    )
    op.create_index("ix_match_runs_page", "match_runs", ["programme_id", "created_at", "id"])
    op.create_index("ix_match_runs_status", "match_runs", ["status"])

    op.create_table(
        "proposals",
        _id(),
        _fk("run_id", "match_runs.id"),
        _fk("programme_id", "programmes.id"),
        _fk("mentor_id", "participants.id"),
        sa.Column("format", sa.String(10), nullable=False),
        sa.Column("score", sa.Float, nullable=False),
        sa.Column("status", sa.String(12), nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("relationship_id", sa.Uuid(), nullable=True),
    )
    op.create_index("ix_proposals_page", "proposals", ["run_id", "position", "id"])

    op.create_table(
        "proposal_members",
        sa.Column("proposal_id", sa.Uuid(), sa.ForeignKey("proposals.id"), primary_key=True),
        sa.Column("mentee_id", sa.Uuid(), sa.ForeignKey("participants.id"), primary_key=True),
        sa.Column("score", sa.Float, nullable=False),
        sa.Column("explanation", sa.JSON, nullable=True),
    )
    op.create_index("ix_proposal_members_mentee", "proposal_members", ["mentee_id"])

    op.create_table(
        "relationships",
        _id(),
        _fk("programme_id", "programmes.id"),
        _fk("run_id", "match_runs.id", nullable=True),
        sa.Column("request_id", sa.Uuid(), nullable=True),
        _fk("mentor_id", "participants.id"),
        sa.Column("format", sa.String(10), nullable=False),
        sa.Column("status", sa.String(12), nullable=False),
        sa.Column("score", sa.Float, nullable=False),
        _at("created_at"),
        _at("updated_at"),
        sa.Column("starts_on", sa.Date, nullable=True),
        sa.Column("agreed_end_date", sa.Date, nullable=False),
        _at("ended_at", nullable=True),
        sa.Column("ended_by", sa.String(10), nullable=True),
        sa.Column("end_reason", sa.String(30), nullable=True),
    )
    op.create_index("ix_relationships_page", "relationships", ["programme_id", "created_at", "id"])
    op.create_index("ix_relationships_status", "relationships", ["status", "programme_id"])

    op.create_table(
        "relationship_members",
        sa.Column(
            "relationship_id", sa.Uuid(), sa.ForeignKey("relationships.id"), primary_key=True
        ),
        sa.Column("participant_id", sa.Uuid(), sa.ForeignKey("participants.id"), primary_key=True),
        sa.Column("role", sa.String(10), nullable=False),
        sa.Column("response", sa.String(10), nullable=False),
        _at("responded_at", nullable=True),
        sa.Column("explanation", sa.JSON, nullable=True),
    )
    op.create_index(
        "ix_relationship_members_participant", "relationship_members", ["participant_id"]
    )

    op.create_table(
        "mentor_requests",
        _id(),
        _fk("programme_id", "programmes.id"),
        _fk("mentee_id", "participants.id"),
        _fk("mentor_id", "participants.id"),
        sa.Column("status", sa.String(10), nullable=False),
        sa.Column("message", sa.LargeBinary, nullable=True),
        sa.Column("score", sa.Float, nullable=False),
        sa.Column("explanation", sa.JSON, nullable=True),
        sa.Column("relationship_id", sa.Uuid(), nullable=True),
        _at("created_at"),
        _at("decided_at", nullable=True),
    )
    op.create_index(
        "ix_mentor_requests_page", "mentor_requests", ["programme_id", "created_at", "id"]
    )
    op.create_index("ix_mentor_requests_mentor", "mentor_requests", ["mentor_id", "status"])
    op.create_index("ix_mentor_requests_mentee", "mentor_requests", ["mentee_id", "status"])

    op.create_table(
        "imports",
        _id(),
        _fk("programme_id", "programmes.id"),
        sa.Column("source", sa.String(4), nullable=False),
        sa.Column("mode", sa.String(16), nullable=False),
        sa.Column("requested_by", sa.String(SUBJECT), nullable=False),
        sa.Column("total_rows", sa.Integer, nullable=False),
        sa.Column("imported", sa.Integer, nullable=False),
        sa.Column("rejected", sa.Integer, nullable=False),
        sa.Column("errors", sa.JSON, nullable=False),
        _at("created_at"),
        sa.Column("encoding", sa.String(16), nullable=True),
        sa.Column("delimiter", sa.String(1), nullable=True),
    )
    op.create_index("ix_imports_page", "imports", ["programme_id", "created_at", "id"])


def downgrade() -> None:
    for table in (
        "imports",
        "mentor_requests",
        "relationship_members",
        "relationships",
        "proposal_members",
        "proposals",
        "match_runs",
        "participants",
        "programme_managers",
        "programmes",
        "organisations",
    ):
        op.drop_table(table)
    drop_kit_tables()
