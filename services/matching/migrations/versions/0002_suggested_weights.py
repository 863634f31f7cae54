"""The latest match weights analytics suggested per programme.

Revision ID: 0002
"""

import sqlalchemy as sa
from alembic import op

from tandem_kit.db.types import UtcDateTime

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "suggested_weights",
        sa.Column("programme_id", sa.Uuid(), primary_key=True),
        sa.Column("suggestion_id", sa.Uuid(), nullable=False),
        sa.Column("weights", sa.JSON(), nullable=False),
        sa.Column("relationships_used", sa.Integer(), nullable=False),
        sa.Column("outcome", sa.String(32), nullable=False),
        sa.Column("received_at", UtcDateTime(), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("suggested_weights")
