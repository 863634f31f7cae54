"""The service's tables (the kit's outbox and inbox live on the kit's own metadata).

Ids are ``Uuid`` columns; each table added here gets its Alembic revision.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Float,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Uuid,
)

from tandem_kit.db.types import SUBJECT_LENGTH, UtcDateTime

metadata = MetaData()


# --- drop-out risk: thresholds and flags (revision risk) ---------------------------
# A programme's thresholds (a row only once a manager sets them; the defaults before),
# and the flags. ``open_relationship_id`` is the relationship's id while its flag is
# open and NULL once cleared: unique, so a relationship has at most one open flag even
# when two evaluations race (portable, where a partial index would not be).

risk_thresholds = Table(
    "risk_thresholds",
    metadata,
    Column("programme_id", Uuid(), primary_key=True),
    Column("no_contact_days", Float, nullable=True),
    Column("unanswered_factor", Float, nullable=True),
    Column("default_response_days", Float, nullable=False),
    Column("missed_windows", Integer, nullable=True),
    Column("window_grace_days", Float, nullable=False),
    Column("no_shows", Integer, nullable=True),
    Column("agreement_days", Float, nullable=True),
    Column("isolation_days", Float, nullable=True),
    Column("nudge_members", Boolean, nullable=False),
    Column("updated_at", UtcDateTime(), nullable=False),
)

risk_flags = Table(
    "risk_flags",
    metadata,
    Column("id", Uuid(), primary_key=True),
    Column("relationship_id", Uuid(), nullable=False),
    Column("programme_id", Uuid(), nullable=False),
    Column("open_relationship_id", Uuid(), nullable=True, unique=True),
    Column("source", String(10), nullable=False),  # rules | model
    Column("score", Float, nullable=True),
    # [RiskReason as JSON]: codes, figures and participant ids, never a word of anyone's
    Column("reasons", JSON, nullable=False),
    Column("raised_at", UtcDateTime(), nullable=False),
    Column("cleared_at", UtcDateTime(), nullable=True),
    Column("cleared_by", String(24), nullable=True),
    Column("dismissal_reason", String(500), nullable=True),
    Column("dismissed_by", String(SUBJECT_LENGTH), nullable=True),
    Column("holds", Boolean, nullable=False),
    Index("ix_risk_flags_programme", "programme_id", "raised_at", "id"),
    Index("ix_risk_flags_relationship", "relationship_id", "raised_at"),
)
