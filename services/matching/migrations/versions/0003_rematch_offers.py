"""Re-matching offers to the mentees of relationships that ended early.

Revision ID: 0003
"""

import sqlalchemy as sa
from alembic import op

from tandem_kit.db.types import UtcDateTime

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "rematch_offers",
        sa.Column("id", sa.Uuid(), primary_key=True),
        sa.Column("programme_id", sa.Uuid(), sa.ForeignKey("programmes.id"), nullable=False),
        sa.Column("relationship_id", sa.Uuid(), sa.ForeignKey("relationships.id"), nullable=False),
        sa.Column("mentee_id", sa.Uuid(), sa.ForeignKey("participants.id"), nullable=False),
        sa.Column("status", sa.String(10), nullable=False),
        sa.Column("created_at", UtcDateTime(), nullable=False),
        sa.Column("answered_at", UtcDateTime(), nullable=True),
        sa.UniqueConstraint("relationship_id", "mentee_id", name="uq_rematch_offers_relationship"),
    )
    op.create_index(
        "ix_rematch_offers_page", "rematch_offers", ["programme_id", "created_at", "id"]
    )
    op.create_index("ix_rematch_offers_mentee", "rematch_offers", ["mentee_id", "created_at"])


def downgrade() -> None:
    op.drop_table("rematch_offers")
