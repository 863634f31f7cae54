"""Learned match weights: criterion scores per relationship and the last suggestion.

Mirrors the section "learned match weights" of ``adapters/tables.py``.

Revision ID: 0005
"""

import sqlalchemy as sa
from alembic import op

from tandem_kit.db.types import UtcDateTime

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "match_criterion_scores",
        sa.Column("relationship_id", sa.Uuid(), primary_key=True),
        sa.Column("programme_id", sa.Uuid(), nullable=False),
        sa.Column("scores", sa.JSON(), nullable=True),
        sa.Column("completed", sa.Boolean(), nullable=True),
    )
    op.create_index(
        "ix_match_criterion_scores_programme", "match_criterion_scores", ["programme_id"]
    )
    op.create_table(
        "match_weight_suggestions",
        sa.Column("programme_id", sa.Uuid(), primary_key=True),
        sa.Column("suggestion_id", sa.Uuid(), nullable=False),
        sa.Column("weights", sa.JSON(), nullable=False),
        sa.Column("relationships_used", sa.Integer(), nullable=False),
        sa.Column("suggested_at", UtcDateTime(), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("match_weight_suggestions")
    op.drop_index("ix_match_criterion_scores_programme", "match_criterion_scores")
    op.drop_table("match_criterion_scores")
