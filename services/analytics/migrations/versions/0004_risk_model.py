"""The drop-out model: imported training histories and the fitted model per programme.

Mirrors the section "drop-out model" of ``adapters/tables.py``.

Revision ID: 0004
"""

import sqlalchemy as sa
from alembic import op

from tandem_kit.db.types import UtcDateTime

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "risk_training_histories",
        sa.Column("relationship_id", sa.Uuid(), primary_key=True),
        sa.Column("programme_id", sa.Uuid(), nullable=False),
        sa.Column("reference", sa.String(64), nullable=False),
        sa.Column("import_id", sa.Uuid(), nullable=False),
        sa.Column("history", sa.JSON(), nullable=False),
        sa.Column("imported_at", UtcDateTime(), nullable=False),
    )
    op.create_index(
        "ix_risk_training_histories_programme", "risk_training_histories", ["programme_id"]
    )
    op.create_table(
        "risk_models",
        sa.Column("programme_id", sa.Uuid(), primary_key=True),
        sa.Column("decision", sa.String(24), nullable=False),
        sa.Column("body", sa.JSON(), nullable=False),
        sa.Column("fitted_at", UtcDateTime(), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("risk_models")
    op.drop_index("ix_risk_training_histories_programme", "risk_training_histories")
    op.drop_table("risk_training_histories")
