"""Goals, milestones and meeting notes.

Mirrors the section "goals, milestones and notes" of ``adapters/tables.py``
(``tests/meetings/integration/test_meetings_migrations.py`` compares them).

Revision ID: 0007
"""

import sqlalchemy as sa
from alembic import op

from tandem_kit.db.types import UtcDateTime

revision = "0007"
down_revision = "0005"
branch_labels = None
depends_on = None


def _at(name: str, nullable: bool = False) -> sa.Column:
    return sa.Column(name, UtcDateTime(), nullable=nullable)


def upgrade() -> None:
    op.create_table(
        "goals",
        sa.Column("id", sa.Uuid(), primary_key=True),
        sa.Column("relationship_id", sa.Uuid(), sa.ForeignKey("relationships.id"), nullable=False),
        sa.Column("programme_id", sa.Uuid(), nullable=False),
        sa.Column("token", sa.String(40), nullable=True),
        sa.Column("title_nonce", sa.LargeBinary, nullable=True),
        sa.Column("title_ciphertext", sa.LargeBinary, nullable=True),
        sa.Column("target_date", sa.Date, nullable=True),
        sa.Column("state", sa.String(20), nullable=False),
        sa.Column("created_by", sa.Uuid(), nullable=True),
        _at("created_at"),
        _at("updated_at"),
        sa.UniqueConstraint("relationship_id", "token", name="uq_goals_relationship_token"),
    )
    op.create_index("ix_goals_relationship", "goals", ["relationship_id", "created_at", "id"])
    op.create_index("ix_goals_programme", "goals", ["programme_id"])

    op.create_table(
        "goal_milestones",
        sa.Column("id", sa.Uuid(), primary_key=True),
        sa.Column("goal_id", sa.Uuid(), sa.ForeignKey("goals.id"), nullable=False),
        sa.Column("relationship_id", sa.Uuid(), nullable=False),
        sa.Column("title_nonce", sa.LargeBinary, nullable=False),
        sa.Column("title_ciphertext", sa.LargeBinary, nullable=False),
        sa.Column("due_date", sa.Date, nullable=True),
        sa.Column("done", sa.Boolean, nullable=False),
        _at("done_at", nullable=True),
        _at("created_at"),
        _at("updated_at"),
    )
    op.create_index("ix_goal_milestones_goal", "goal_milestones", ["goal_id", "created_at", "id"])

    op.create_table(
        "meeting_notes",
        sa.Column("id", sa.Uuid(), primary_key=True),
        sa.Column("meeting_id", sa.Uuid(), sa.ForeignKey("meetings.id"), nullable=False),
        sa.Column("relationship_id", sa.Uuid(), nullable=False),
        sa.Column("author_id", sa.Uuid(), nullable=False),
        sa.Column("body", sa.LargeBinary, nullable=False),
        _at("created_at"),
        _at("updated_at"),
    )
    op.create_index("ix_meeting_notes_meeting", "meeting_notes", ["meeting_id", "created_at", "id"])
    op.create_index("ix_meeting_notes_author", "meeting_notes", ["author_id"])
    op.create_index("ix_meeting_notes_relationship", "meeting_notes", ["relationship_id"])


def downgrade() -> None:
    for index, table in (
        ("ix_meeting_notes_relationship", "meeting_notes"),
        ("ix_meeting_notes_author", "meeting_notes"),
        ("ix_meeting_notes_meeting", "meeting_notes"),
        ("ix_goal_milestones_goal", "goal_milestones"),
        ("ix_goals_programme", "goals"),
        ("ix_goals_relationship", "goals"),
    ):
        op.drop_index(index, table_name=table)
    for table in ("meeting_notes", "goal_milestones", "goals"):
        op.drop_table(table)
