"""The matching service's tables (SQLAlchemy Core), mirrored by ``migrations/versions``.

Lists (countries, languages, skills, availability windows …) are JSON columns:
they are read and written whole with their row and never queried inside.
Every personal column of ``participants`` is nullable because erasure nulls it
while the row stays as an anonymous id that relationships still point to.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Date,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

from tandem_kit.db.types import ID_LENGTH, SUBJECT_LENGTH, UtcDateTime, id_column

metadata = MetaData()

# Shorter local names for the kit's shared column pieces, used in every table below.
_ID, _SUBJECT, _id = ID_LENGTH, SUBJECT_LENGTH, id_column


organisations = Table(
    "organisations",
    metadata,
    _id(),
    Column("name", String(200), nullable=False),
    Column("created_at", UtcDateTime(), nullable=False),
    Index("ix_organisations_page", "created_at", "id"),
)

programmes = Table(
    "programmes",
    metadata,
    _id(),
    Column("organisation_id", String(_ID), ForeignKey("organisations.id"), nullable=False),
    Column("name", String(200), nullable=False),
    Column("countries", JSON, nullable=False),
    Column("languages", JSON, nullable=False),
    Column("starts_on", Date, nullable=False),
    Column("ends_on", Date, nullable=False),
    Column("formats", String(10), nullable=False),
    Column("group_min", Integer, nullable=False),
    Column("group_max", Integer, nullable=False),
    # hard constraints, weights, overlap, reach, country policy, mentee choice
    Column("policy", JSON, nullable=False),
    Column("created_at", UtcDateTime(), nullable=False),
    Column("updated_at", UtcDateTime(), nullable=False),
    Index("ix_programmes_page", "created_at", "id"),
    Index("ix_programmes_ends_on", "ends_on"),
)

programme_managers = Table(
    "programme_managers",
    metadata,
    Column("programme_id", String(_ID), ForeignKey("programmes.id"), primary_key=True),
    Column("subject", String(_SUBJECT), primary_key=True),
    Column("display_name", String(200), nullable=False),
    Column("email", String(320), nullable=False),
    Column("preferred_language", String(8), nullable=False),
    Column("time_zone", String(64), nullable=False),
    Index("ix_programme_managers_subject", "subject"),
)

participants = Table(
    "participants",
    metadata,
    _id(),
    Column("programme_id", String(_ID), ForeignKey("programmes.id"), nullable=False),
    Column("subject", String(_SUBJECT), nullable=True),  # null once erased
    Column("role", String(10), nullable=False),
    Column("status", String(12), nullable=False),  # active | withdrawn | erased
    Column("display_name", String(200), nullable=True),
    Column("email", String(320), nullable=True),
    Column("preferred_language", String(8), nullable=True),
    Column("country", String(2), nullable=True),
    Column("time_zone", String(64), nullable=True),
    Column("languages", JSON, nullable=True),
    Column("city", String(120), nullable=True),
    Column("availability", JSON, nullable=True),
    Column("sector", String(80), nullable=True),
    Column("skills", JSON, nullable=True),
    Column("goals", JSON, nullable=True),
    Column("preferred_format", String(10), nullable=True),
    Column("modality", String(16), nullable=True),
    Column("capacity", Integer, nullable=True),
    Column("linkedin_url", String(300), nullable=True),
    Column("linkedin_consent", Boolean, nullable=False),
    Column("created_at", UtcDateTime(), nullable=False),
    Column("updated_at", UtcDateTime(), nullable=False),
    Column("withdrawn_at", UtcDateTime(), nullable=True),
    Column("erased_at", UtcDateTime(), nullable=True),
    UniqueConstraint("programme_id", "subject", name="uq_participants_programme_subject"),
    Index("ix_participants_page", "programme_id", "created_at", "id"),
    Index("ix_participants_role_status", "programme_id", "role", "status"),
)

match_runs = Table(
    "match_runs",
    metadata,
    _id(),
    Column("programme_id", String(_ID), ForeignKey("programmes.id"), nullable=False),
    # queued | running | draft | published | failed | cancelled
    Column("status", String(12), nullable=False),
    Column("phase", String(40), nullable=False),
    Column("progress", Float, nullable=False),
    Column("requested_by", String(_SUBJECT), nullable=False),
    Column("cancel_requested", Boolean, nullable=False),
    Column("error", Text, nullable=True),
    Column("summary", JSON, nullable=True),
    Column("created_at", UtcDateTime(), nullable=False),
    Column("started_at", UtcDateTime(), nullable=True),
    Column("heartbeat_at", UtcDateTime(), nullable=True),
    Column("finished_at", UtcDateTime(), nullable=True),
    Column("published_at", UtcDateTime(), nullable=True),
    Index("ix_match_runs_page", "programme_id", "created_at", "id"),
    Index("ix_match_runs_status", "status"),
)

proposals = Table(
    "proposals",
    metadata,
    _id(),
    Column("run_id", String(_ID), ForeignKey("match_runs.id"), nullable=False),
    Column("programme_id", String(_ID), ForeignKey("programmes.id"), nullable=False),
    Column("mentor_id", String(_ID), ForeignKey("participants.id"), nullable=False),
    Column("format", String(10), nullable=False),
    Column("score", Float, nullable=False),
    Column("status", String(12), nullable=False),  # draft | approved | published | discarded
    Column("position", Integer, nullable=False),  # the engine's order, for stable pages
    Column("relationship_id", String(_ID), nullable=True),
    Index("ix_proposals_page", "run_id", "position", "id"),
)

# One row per mentee of a proposal, with that pair's own score and explanation.
proposal_members = Table(
    "proposal_members",
    metadata,
    Column("proposal_id", String(_ID), ForeignKey("proposals.id"), primary_key=True),
    Column("mentee_id", String(_ID), ForeignKey("participants.id"), primary_key=True),
    Column("score", Float, nullable=False),
    Column("explanation", JSON, nullable=True),  # nulled when a member is erased
    Index("ix_proposal_members_mentee", "mentee_id"),
)

relationships = Table(
    "relationships",
    metadata,
    _id(),
    Column("programme_id", String(_ID), ForeignKey("programmes.id"), nullable=False),
    Column("run_id", String(_ID), ForeignKey("match_runs.id"), nullable=True),
    Column("request_id", String(_ID), nullable=True),  # set when a mentee chose the mentor
    Column("mentor_id", String(_ID), ForeignKey("participants.id"), nullable=False),
    Column("format", String(10), nullable=False),
    # proposed | active | completed | declined | ended_early
    Column("status", String(12), nullable=False),
    Column("score", Float, nullable=False),
    Column("created_at", UtcDateTime(), nullable=False),
    Column("updated_at", UtcDateTime(), nullable=False),
    Column("starts_on", Date, nullable=True),
    Column("agreed_end_date", Date, nullable=False),
    Column("ended_at", UtcDateTime(), nullable=True),
    Column("ended_by", String(10), nullable=True),
    Column("end_reason", String(30), nullable=True),
    Index("ix_relationships_page", "programme_id", "created_at", "id"),
    Index("ix_relationships_status", "status", "programme_id"),
)

relationship_members = Table(
    "relationship_members",
    metadata,
    Column("relationship_id", String(_ID), ForeignKey("relationships.id"), primary_key=True),
    Column("participant_id", String(_ID), ForeignKey("participants.id"), primary_key=True),
    Column("role", String(10), nullable=False),
    Column("response", String(10), nullable=False),  # pending | accepted | declined
    Column("responded_at", UtcDateTime(), nullable=True),
    Column("explanation", JSON, nullable=True),  # mentees only; nulled on erasure
    Index("ix_relationship_members_participant", "participant_id"),
)

mentor_requests = Table(
    "mentor_requests",
    metadata,
    _id(),
    Column("programme_id", String(_ID), ForeignKey("programmes.id"), nullable=False),
    Column("mentee_id", String(_ID), ForeignKey("participants.id"), nullable=False),
    Column("mentor_id", String(_ID), ForeignKey("participants.id"), nullable=False),
    Column("status", String(10), nullable=False),  # pending | accepted | declined | withdrawn
    Column("message", Text, nullable=True),  # nulled on erasure
    Column("score", Float, nullable=False),
    Column("explanation", JSON, nullable=True),
    Column("relationship_id", String(_ID), nullable=True),
    Column("created_at", UtcDateTime(), nullable=False),
    Column("decided_at", UtcDateTime(), nullable=True),
    Index("ix_mentor_requests_page", "programme_id", "created_at", "id"),
    Index("ix_mentor_requests_mentor", "mentor_id", "status"),
    Index("ix_mentor_requests_mentee", "mentee_id", "status"),
)

imports = Table(
    "imports",
    metadata,
    _id(),
    Column("programme_id", String(_ID), ForeignKey("programmes.id"), nullable=False),
    Column("source", String(4), nullable=False),  # csv | json
    Column("mode", String(16), nullable=False),
    Column("requested_by", String(_SUBJECT), nullable=False),
    Column("total_rows", Integer, nullable=False),
    Column("imported", Integer, nullable=False),
    Column("rejected", Integer, nullable=False),
    Column("errors", JSON, nullable=False),
    Column("created_at", UtcDateTime(), nullable=False),
    Column("encoding", String(16), nullable=True),  # CSV only
    Column("delimiter", String(1), nullable=True),
    Index("ix_imports_page", "programme_id", "created_at", "id"),
)
