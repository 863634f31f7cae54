"""Drop-out risk: the programmes' thresholds and the relationships' flags.

Mirrors the section "drop-out risk" of ``adapters/tables.py``.

Revision ID: 0002
"""

import sqlalchemy as sa
from alembic import op

from tandem_kit.db.types import SUBJECT_LENGTH, UtcDateTime

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "risk_thresholds",
        sa.Column("programme_id", sa.Uuid(), primary_key=True),
        sa.Column("no_contact_days", sa.Float, nullable=True),
        sa.Column("unanswered_factor", sa.Float, nullable=True),
        sa.Column("default_response_days", sa.Float, nullable=False),
        sa.Column("missed_windows", sa.Integer, nullable=True),
        sa.Column("window_grace_days", sa.Float, nullable=False),
        sa.Column("no_shows", sa.Integer, nullable=True),
        sa.Column("agreement_days", sa.Float, nullable=True),
        sa.Column("isolation_days", sa.Float, nullable=True),
        sa.Column("nudge_members", sa.Boolean, nullable=False),
        sa.Column("updated_at", UtcDateTime(), nullable=False),
    )
    op.create_table(
        "risk_flags",
        sa.Column("id", sa.Uuid(), primary_key=True),
        sa.Column("relationship_id", sa.Uuid(), nullable=False),
        sa.Column("programme_id", sa.Uuid(), nullable=False),
        sa.Column("open_relationship_id", sa.Uuid(), nullable=True, unique=True),
        sa.Column("source", sa.String(10), nullable=False),
        sa.Column("score", sa.Float, nullable=True),
        sa.Column("reasons", sa.JSON, nullable=False),
        sa.Column("raised_at", UtcDateTime(), nullable=False),
        sa.Column("cleared_at", UtcDateTime(), nullable=True),
        sa.Column("cleared_by", sa.String(24), nullable=True),
        sa.Column("dismissal_reason", sa.String(500), nullable=True),
        sa.Column("dismissed_by", sa.String(SUBJECT_LENGTH), nullable=True),
        sa.Column("holds", sa.Boolean, nullable=False),
    )
    op.create_index("ix_risk_flags_programme", "risk_flags", ["programme_id", "raised_at", "id"])
    op.create_index("ix_risk_flags_relationship", "risk_flags", ["relationship_id", "raised_at"])


def downgrade() -> None:
    op.drop_index("ix_risk_flags_relationship", table_name="risk_flags")
    op.drop_index("ix_risk_flags_programme", table_name="risk_flags")
    op.drop_table("risk_flags")
    op.drop_table("risk_thresholds")
