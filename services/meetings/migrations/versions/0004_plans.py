"""Programme policies and plans: the programme's template, each relationship's plan, its
planned activities and their proposed times.

Mirrors the section "programme policies and plans" of ``adapters/tables.py``
(``tests/meetings/integration/test_meetings_migrations.py`` compares them).

Revision ID: 0004
"""

import sqlalchemy as sa
from alembic import op

from tandem_kit.db.types import UtcDateTime

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def _at(name: str, nullable: bool = False) -> sa.Column:
    return sa.Column(name, UtcDateTime(), nullable=nullable)


def upgrade() -> None:
    op.create_table(
        "programme_plans",
        sa.Column("programme_id", sa.Uuid(), primary_key=True),
        sa.Column("activities", sa.JSON, nullable=False),
        sa.Column("policy", sa.JSON, nullable=False),
        _at("updated_at"),
    )
    op.create_table(
        "relationship_plans",
        sa.Column(
            "relationship_id", sa.Uuid(), sa.ForeignKey("relationships.id"), primary_key=True
        ),
        sa.Column("programme_id", sa.Uuid(), nullable=False),
        sa.Column("activities", sa.JSON, nullable=False),
        sa.Column("time_zone", sa.String(64), nullable=False),
        sa.Column("adaptation", sa.String(30), nullable=True),
        sa.Column("agreement_version", sa.Integer, nullable=True),
        _at("created_at"),
        _at("updated_at"),
    )
    op.create_table(
        "planned_activities",
        sa.Column("id", sa.Uuid(), primary_key=True),
        sa.Column("relationship_id", sa.Uuid(), sa.ForeignKey("relationships.id"), nullable=False),
        sa.Column("programme_id", sa.Uuid(), nullable=False),
        sa.Column("activity_key", sa.String(64), nullable=False),
        sa.Column("occurrence", sa.Integer, nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("planned_mode", sa.String(20), nullable=False),
        sa.Column("mode", sa.String(20), nullable=False),
        sa.Column("duration_minutes", sa.Integer, nullable=False),
        _at("window_start"),
        _at("window_end"),
        sa.Column("repeats", sa.Boolean, nullable=False),
        sa.Column("adaptation", sa.String(30), nullable=True),
        _at("created_at"),
        sa.UniqueConstraint(
            "relationship_id",
            "activity_key",
            "occurrence",
            name="uq_planned_activities_occurrence",
        ),
    )
    op.create_index(
        "ix_planned_activities_relationship",
        "planned_activities",
        ["relationship_id", "window_start"],
    )
    op.create_table(
        "plan_proposals",
        sa.Column(
            "planned_activity_id",
            sa.Uuid(),
            sa.ForeignKey("planned_activities.id"),
            primary_key=True,
        ),
        sa.Column("rank", sa.Integer, primary_key=True),
        _at("starts_at"),
        _at("ends_at"),
    )


def downgrade() -> None:
    op.drop_table("plan_proposals")
    op.drop_index("ix_planned_activities_relationship", table_name="planned_activities")
    op.drop_table("planned_activities")
    op.drop_table("relationship_plans")
    op.drop_table("programme_plans")
