"""Weekly programme reports: the dashboard's counts as each week closed.

Mirrors ``adapters/reports_tables.py``.

Revision ID: 0007
"""

import sqlalchemy as sa
from alembic import op

from tandem_kit.db.types import UtcDateTime

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "programme_reports",
        sa.Column("id", sa.Uuid(), primary_key=True),
        sa.Column("programme_id", sa.Uuid(), nullable=False),
        sa.Column("period_start", sa.Date(), nullable=False),
        sa.Column("period_end", sa.Date(), nullable=False),
        sa.Column("computed_at", UtcDateTime(), nullable=False),
        sa.Column("figures", sa.JSON(), nullable=False),
        sa.UniqueConstraint("programme_id", "period_start", name="uq_programme_reports"),
    )


def downgrade() -> None:
    op.drop_table("programme_reports")
