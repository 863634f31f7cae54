"""Check-ins and employment outcomes (the kit's directory came with the read models).

Mirrors the section "check-ins and employment outcomes" of ``adapters/tables.py``.

Revision ID: 0006
"""

import sqlalchemy as sa
from alembic import op

from tandem_kit.db.types import SUBJECT_LENGTH, UtcDateTime

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "checkin_relationships",
        sa.Column("id", sa.Uuid(), primary_key=True),
        sa.Column("programme_id", sa.Uuid(), nullable=False),
        sa.Column("starts_on", sa.Date, nullable=True),
        sa.Column("agreed_end_date", sa.Date, nullable=True),
        sa.Column("ended_on", sa.Date, nullable=True),
        sa.Column("outcome", sa.String(12), nullable=True),
    )
    op.create_index(
        "ix_checkin_relationships_programme_id", "checkin_relationships", ["programme_id"]
    )
    op.create_table(
        "checkin_members",
        sa.Column("relationship_id", sa.Uuid(), primary_key=True),
        sa.Column("participant_id", sa.Uuid(), primary_key=True),
        sa.Column("subject", sa.String(SUBJECT_LENGTH), nullable=False),
        sa.Column("role", sa.String(10), nullable=False),
    )
    op.create_index("ix_checkin_members_subject", "checkin_members", ["subject"])
    op.create_table(
        "checkin_countries",
        sa.Column("participant_id", sa.Uuid(), primary_key=True),
        sa.Column("country", sa.String(2), nullable=False),
    )
    op.create_table(
        "check_in_plans",
        sa.Column("programme_id", sa.Uuid(), primary_key=True),
        sa.Column("plan", sa.JSON, nullable=False),
        sa.Column("updated_at", UtcDateTime(), nullable=False),
    )
    op.create_table(
        "check_in_keys",
        sa.Column("programme_id", sa.Uuid(), primary_key=True),
        sa.Column("wrapped_key_nonce", sa.LargeBinary, nullable=False),
        sa.Column("wrapped_key_ciphertext", sa.LargeBinary, nullable=False),
    )
    op.create_table(
        "check_ins",
        sa.Column("id", sa.Uuid(), primary_key=True),
        sa.Column("programme_id", sa.Uuid(), nullable=False),
        sa.Column("relationship_id", sa.Uuid(), nullable=True),
        sa.Column("participant_id", sa.Uuid(), nullable=True),
        sa.Column("round_key", sa.String(20), nullable=False),
        sa.Column("kind", sa.String(10), nullable=False),
        sa.Column("questions", sa.JSON, nullable=False),
        sa.Column("due_on", sa.Date, nullable=False),
        sa.Column("created_at", UtcDateTime(), nullable=False),
        sa.Column("answered_at", UtcDateTime(), nullable=True),
        sa.UniqueConstraint("relationship_id", "participant_id", "round_key", name="uq_check_ins"),
    )
    op.create_index("ix_check_ins_programme", "check_ins", ["programme_id", "round_key"])
    op.create_table(
        "check_in_answers",
        sa.Column(
            "check_in_id",
            sa.Uuid(),
            sa.ForeignKey("check_ins.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("question", sa.String(60), primary_key=True),
        sa.Column("value", sa.LargeBinary, nullable=False),
        sa.Column("answered_at", UtcDateTime(), nullable=False),
    )
    op.create_table(
        "check_in_link_nonces",
        sa.Column("nonce", sa.String(32), primary_key=True),
        sa.Column("used_at", UtcDateTime(), nullable=False),
        sa.Column("expires_at", UtcDateTime(), nullable=False),
    )
    op.create_index("ix_check_in_link_nonces_expires_at", "check_in_link_nonces", ["expires_at"])
    op.create_table(
        "outcomes",
        sa.Column("id", sa.Uuid(), primary_key=True),
        sa.Column("programme_id", sa.Uuid(), nullable=False),
        sa.Column("relationship_id", sa.Uuid(), nullable=True),
        sa.Column("participant_id", sa.Uuid(), nullable=True),
        sa.Column("stage", sa.String(10), nullable=False),
        sa.Column("due_on", sa.Date, nullable=False),
        sa.Column("country", sa.String(2), nullable=True),
        sa.Column("status", sa.LargeBinary, nullable=True),
        sa.Column("recorded_at", UtcDateTime(), nullable=True),
        sa.Column("created_at", UtcDateTime(), nullable=False),
        sa.UniqueConstraint("relationship_id", "participant_id", "stage", name="uq_outcomes"),
    )
    op.create_index("ix_outcomes_programme_id", "outcomes", ["programme_id"])


def downgrade() -> None:
    for table in (
        "outcomes",
        "check_in_link_nonces",
        "check_in_answers",
        "check_ins",
        "check_in_keys",
        "check_in_plans",
        "checkin_countries",
        "checkin_members",
        "checkin_relationships",
    ):
        op.drop_table(table)
