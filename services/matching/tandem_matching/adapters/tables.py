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
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    Uuid,
)

from tandem_kit.db.types import SUBJECT_LENGTH, UtcDateTime, uuid_pk, uuid_ref

metadata = MetaData()


organisations = Table(
    "organisations",
    metadata,
    uuid_pk(),
    Column("name", String(200), nullable=False),
    Column("created_at", UtcDateTime(), nullable=False),
    Index("ix_organisations_page", "created_at", "id"),
)

programmes = Table(
    "programmes",
    metadata,
    uuid_pk(),
    uuid_ref("organisation_id", "organisations.id"),
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
    Column("time_zone", String(64), nullable=False, server_default="UTC"),
    Column("created_at", UtcDateTime(), nullable=False),
    Column("updated_at", UtcDateTime(), nullable=False),
    # {template: {language: {"subject", "text"}}} (domain.wording)
    Column("mail_overrides", JSON, nullable=False),
    Index("ix_programmes_page", "created_at", "id"),
    Index("ix_programmes_ends_on", "ends_on"),
)

programme_managers = Table(
    "programme_managers",
    metadata,
    uuid_ref("programme_id", "programmes.id", primary_key=True),
    Column("subject", String(SUBJECT_LENGTH), primary_key=True),
    Column("display_name", String(200), nullable=False),
    Column("email", String(320), nullable=False),
    Column("preferred_language", String(8), nullable=False),
    Column("time_zone", String(64), nullable=False),
    Index("ix_programme_managers_subject", "subject"),
)

participants = Table(
    "participants",
    metadata,
    uuid_pk(),
    uuid_ref("programme_id", "programmes.id"),
    Column("subject", String(SUBJECT_LENGTH), nullable=True),  # null once erased
    Column("role", String(10), nullable=False),
    Column("status", String(12), nullable=False),  # active | withdrawn | erased
    # Name, e-mail, city and LinkedIn URL are sealed under the participant's own key
    # (tandem_kit.privacy), which erasure shreds; ``email_index`` is the keyed hash
    # duplicate checks compare.
    Column("display_name", LargeBinary, nullable=True),
    Column("email", LargeBinary, nullable=True),
    Column("email_index", String(64), nullable=True),
    Column("preferred_language", String(8), nullable=True),
    Column("country", String(2), nullable=True),
    Column("time_zone", String(64), nullable=True),
    Column("languages", JSON, nullable=True),
    Column("city", LargeBinary, nullable=True),  # sealed: where the person lives
    Column("availability", JSON, nullable=True),
    Column("sector", String(80), nullable=True),
    Column("skills", JSON, nullable=True),
    Column("goals", JSON, nullable=True),
    Column("preferred_format", String(10), nullable=True),
    Column("modality", String(16), nullable=True),
    Column("capacity", Integer, nullable=True),
    Column("linkedin_url", LargeBinary, nullable=True),
    Column("linkedin_consent", Boolean, nullable=False),
    Column("created_at", UtcDateTime(), nullable=False),
    Column("updated_at", UtcDateTime(), nullable=False),
    Column("withdrawn_at", UtcDateTime(), nullable=True),
    Column("erased_at", UtcDateTime(), nullable=True),
    UniqueConstraint("programme_id", "subject", name="uq_participants_programme_subject"),
    Index("ix_participants_page", "programme_id", "created_at", "id"),
    Index("ix_participants_role_status", "programme_id", "role", "status"),
    Index("ix_participants_email_index", "programme_id", "email_index"),
)

match_runs = Table(
    "match_runs",
    metadata,
    uuid_pk(),
    uuid_ref("programme_id", "programmes.id"),
    # queued | running | draft | published | failed | cancelled
    Column("status", String(12), nullable=False),
    Column("phase", String(40), nullable=False),
    Column("progress", Float, nullable=False),
    Column("requested_by", String(SUBJECT_LENGTH), nullable=False),
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
    uuid_pk(),
    uuid_ref("run_id", "match_runs.id"),
    uuid_ref("programme_id", "programmes.id"),
    uuid_ref("mentor_id", "participants.id"),
    Column("format", String(10), nullable=False),
    Column("score", Float, nullable=False),
    Column("status", String(12), nullable=False),  # draft | approved | published | discarded
    Column("position", Integer, nullable=False),  # the engine's order, for stable pages
    Column("relationship_id", Uuid(), nullable=True),
    Index("ix_proposals_page", "run_id", "position", "id"),
)

# One row per mentee of a proposal, with that pair's own score and explanation.
proposal_members = Table(
    "proposal_members",
    metadata,
    uuid_ref("proposal_id", "proposals.id", primary_key=True),
    uuid_ref("mentee_id", "participants.id", primary_key=True),
    Column("score", Float, nullable=False),
    Column("explanation", JSON, nullable=True),  # nulled when a member is erased
    Index("ix_proposal_members_mentee", "mentee_id"),
)

relationships = Table(
    "relationships",
    metadata,
    uuid_pk(),
    uuid_ref("programme_id", "programmes.id"),
    uuid_ref("run_id", "match_runs.id", nullable=True),
    Column("request_id", Uuid(), nullable=True),  # set when a mentee chose the mentor
    uuid_ref("mentor_id", "participants.id"),
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
    uuid_ref("relationship_id", "relationships.id", primary_key=True),
    uuid_ref("participant_id", "participants.id", primary_key=True),
    Column("role", String(10), nullable=False),
    Column("response", String(10), nullable=False),  # pending | accepted | declined
    Column("responded_at", UtcDateTime(), nullable=True),
    Column("explanation", JSON, nullable=True),  # mentees only; nulled on erasure
    Index("ix_relationship_members_participant", "participant_id"),
)

mentor_requests = Table(
    "mentor_requests",
    metadata,
    uuid_pk(),
    uuid_ref("programme_id", "programmes.id"),
    uuid_ref("mentee_id", "participants.id"),
    uuid_ref("mentor_id", "participants.id"),
    Column("status", String(10), nullable=False),  # pending | accepted | declined | withdrawn
    # Sealed under the mentee's key (it may name them); nulled on erasure.
    Column("message", LargeBinary, nullable=True),
    Column("score", Float, nullable=False),
    Column("explanation", JSON, nullable=True),
    Column("relationship_id", Uuid(), nullable=True),
    Column("created_at", UtcDateTime(), nullable=False),
    Column("decided_at", UtcDateTime(), nullable=True),
    Index("ix_mentor_requests_page", "programme_id", "created_at", "id"),
    Index("ix_mentor_requests_mentor", "mentor_id", "status"),
    Index("ix_mentor_requests_mentee", "mentee_id", "status"),
)

imports = Table(
    "imports",
    metadata,
    uuid_pk(),
    uuid_ref("programme_id", "programmes.id"),
    Column("source", String(4), nullable=False),  # csv | json
    Column("mode", String(16), nullable=False),
    Column("requested_by", String(SUBJECT_LENGTH), nullable=False),
    Column("total_rows", Integer, nullable=False),
    Column("imported", Integer, nullable=False),
    Column("rejected", Integer, nullable=False),
    Column("errors", JSON, nullable=False),
    Column("created_at", UtcDateTime(), nullable=False),
    Column("encoding", String(16), nullable=True),  # CSV only
    Column("delimiter", String(1), nullable=True),
    Index("ix_imports_page", "programme_id", "created_at", "id"),
)


# The latest match weights analytics suggested for a programme (matching.weights.suggested),
# shown to its managers beside the current weights; the manager decides (revision 0002).
suggested_weights = Table(
    "suggested_weights",
    metadata,
    Column("programme_id", Uuid(), primary_key=True),
    Column("suggestion_id", Uuid(), nullable=False),
    Column("weights", JSON, nullable=False),  # {criterion: suggested weight}
    Column("relationships_used", Integer, nullable=False),
    Column("outcome", String(32), nullable=False),
    Column("received_at", UtcDateTime(), nullable=False),  # the event's own time
)

# Re-matching offers to the mentees of a relationship that ended early (revision 0003):
# one per (relationship, mentee); the mentee's latest decides whether they wait again.
rematch_offers = Table(
    "rematch_offers",
    metadata,
    uuid_pk(),
    uuid_ref("programme_id", "programmes.id"),
    uuid_ref("relationship_id", "relationships.id"),
    uuid_ref("mentee_id", "participants.id"),
    Column("status", String(10), nullable=False),  # open | accepted | declined
    Column("created_at", UtcDateTime(), nullable=False),
    Column("answered_at", UtcDateTime(), nullable=True),
    UniqueConstraint("relationship_id", "mentee_id", name="uq_rematch_offers_relationship"),
    Index("ix_rematch_offers_page", "programme_id", "created_at", "id"),
    Index("ix_rematch_offers_mentee", "mentee_id", "created_at"),
)
