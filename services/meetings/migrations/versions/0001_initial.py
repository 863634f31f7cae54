"""The kit's tables (outbox, inbox, mail outbox, idempotency, vault) and its directory.

Revision ID: 0001
"""

from tandem_kit.db.migrations import create_kit_tables, drop_kit_tables
from tandem_kit.directory import create_directory_tables, drop_directory_tables

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    create_kit_tables()
    create_directory_tables()


def downgrade() -> None:
    drop_directory_tables()
    drop_kit_tables()
