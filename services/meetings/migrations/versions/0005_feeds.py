"""Calendar feed tokens: one personal feed per user, its token kept only as a hash.

Mirrors the section "calendar feed tokens" of ``adapters/tables.py``
(``tests/meetings/integration/test_meetings_migrations.py`` compares them).

Revision ID: 0005
"""

import sqlalchemy as sa
from alembic import op

from tandem_kit.db.types import SUBJECT_LENGTH, UtcDateTime

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "calendar_feed_tokens",
        sa.Column("subject", sa.String(SUBJECT_LENGTH), primary_key=True),
        sa.Column("token_hash", sa.LargeBinary(32), nullable=False),
        sa.Column("created_at", UtcDateTime(), nullable=False),
        sa.UniqueConstraint("token_hash", name="uq_calendar_feed_tokens_hash"),
    )


def downgrade() -> None:
    op.drop_table("calendar_feed_tokens")
