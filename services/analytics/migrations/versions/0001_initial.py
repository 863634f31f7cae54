"""The kit's tables (outbox, inbox, mail outbox); the service's own tables come next.

Revision ID: 0001
"""

from tandem_kit.db.migrations import create_kit_tables, drop_kit_tables

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    create_kit_tables()


def downgrade() -> None:
    drop_kit_tables()
