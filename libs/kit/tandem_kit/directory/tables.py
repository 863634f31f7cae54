"""The directory's tables, for a service to add to its own metadata and first revision.

They are not in the kit's metadata (every service has those tables) because only
the services that keep a directory carry them: ``add_directory_tables(metadata)``
puts them beside the service's tables for Alembic, and the service's first revision
calls :func:`create_directory_tables`.
"""

from __future__ import annotations

from alembic import op
from sqlalchemy import (
    JSON,
    Column,
    ForeignKey,
    Index,
    LargeBinary,
    MetaData,
    String,
    Table,
    Uuid,
)

from tandem_kit.db.types import SUBJECT_LENGTH, UtcDateTime

directory_metadata = MetaData()


def _contact(*, subject_is_key: bool = False) -> tuple[Column[str], ...]:
    return (
        Column("subject", String(SUBJECT_LENGTH), primary_key=subject_is_key, nullable=False),
        Column("display_name", String(200), nullable=False),
        Column("email", String(320), nullable=False),
        Column("preferred_language", String(8), nullable=False),
        Column("time_zone", String(64), nullable=False),
    )


programmes = Table(
    "tandem_directory_programmes",
    directory_metadata,
    Column("id", Uuid(), primary_key=True),
    Column("name", String(200), nullable=True),  # null until programme.created arrives
    Column("countries", JSON, nullable=False),
    Column("languages", JSON, nullable=False),
    # {template: {language: {"subject", "text"}}}, from programme.created / .updated
    Column("mail_overrides", JSON, nullable=False),
    Column("time_zone", String(64), nullable=False, server_default="UTC"),
    Column("face_to_face_reach", String(20), nullable=False, server_default="same_city"),
    Column("first_heard_at", UtcDateTime(), nullable=False),
)

programme_managers = Table(
    "tandem_directory_programme_managers",
    directory_metadata,
    Column("programme_id", Uuid(), ForeignKey("tandem_directory_programmes.id"), primary_key=True),
    *_contact(subject_is_key=True),
)

# A participant's name, address, city and LinkedIn URL are sealed under their own key
# (tandem_kit.privacy): erasure shreds the key, so no copy of them stays readable.
participants = Table(
    "tandem_directory_participants",
    directory_metadata,
    Column("participant_id", Uuid(), primary_key=True),
    Column("programme_id", Uuid(), nullable=False),
    Column("role", String(10), nullable=False),
    Column("subject", String(SUBJECT_LENGTH), nullable=False),
    Column("display_name", LargeBinary, nullable=False),
    Column("email", LargeBinary, nullable=False),
    Column("preferred_language", String(8), nullable=False),
    Column("time_zone", String(64), nullable=False),
    Column("linkedin_url", LargeBinary, nullable=True),  # only when consented
    Column("city", LargeBinary, nullable=True),  # null when they gave none
    Column("updated_at", UtcDateTime(), nullable=False),
    Index("ix_tandem_directory_participants_programme_subject", "programme_id", "subject"),
    Index("ix_tandem_directory_participants_subject", "subject"),
)

# A withdrawal may arrive before the registration (partitions do not order across
# keys), so it is kept apart from the contact and joined in.
withdrawals = Table(
    "tandem_directory_withdrawals",
    directory_metadata,
    Column("participant_id", Uuid(), primary_key=True),
    Column("withdrawn_at", UtcDateTime(), nullable=False),
)

# Erased participants' ids, so that an event arriving late cannot bring them back.
erased_participants = Table(
    "tandem_directory_erased_participants",
    directory_metadata,
    Column("participant_id", Uuid(), primary_key=True),
    Column("erased_at", UtcDateTime(), nullable=False),
)

DIRECTORY_TABLES = (programmes, programme_managers, participants, withdrawals, erased_participants)


def add_directory_tables(metadata: MetaData) -> None:
    """Put the directory's tables into a service's metadata (its Alembic target)."""
    for table in DIRECTORY_TABLES:
        table.to_metadata(metadata)


def create_directory_tables() -> None:
    """Create the directory's tables (from a service's first revision)."""
    bind = op.get_bind()
    for table in DIRECTORY_TABLES:
        table.create(bind)


def drop_directory_tables() -> None:
    bind = op.get_bind()
    for table in reversed(DIRECTORY_TABLES):
        table.drop(bind)
