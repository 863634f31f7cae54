"""Notes, received notes and the kit's tables.

Revision ID: 0001
"""

import sqlalchemy as sa
from alembic import op

from tandem_kit.db.migrations import create_kit_tables, drop_kit_tables

revision = "0001"
down_revision = None


def upgrade() -> None:
    create_kit_tables()
    op.create_table(
        "notes",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("text", sa.Text, nullable=False),
    )
    op.create_table(
        "received",
        sa.Column("seq", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("note_id", sa.String(36), nullable=False),
        sa.Column("event_id", sa.String(36), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("received")
    op.drop_table("notes")
    drop_kit_tables()
