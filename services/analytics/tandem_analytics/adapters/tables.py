"""The service's tables (the kit's outbox and inbox live on the kit's own metadata).

Ids are ``Uuid`` columns; each table added here gets its Alembic revision. One section
per feature, each under a heading naming its feature and revision. Newer features keep
their tables in a module of their own on the same ``metadata`` (``adapters/metadata.py``),
imported here, so that importing this module registers every table.
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
    LargeBinary,
    String,
    Table,
    UniqueConstraint,
    Uuid,
)

from tandem_analytics.adapters.metadata import metadata as metadata
from tandem_analytics.adapters.reports_tables import programme_reports as programme_reports
from tandem_kit.db.types import SUBJECT_LENGTH, UtcDateTime

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


# --- read models (revision 0003, feature: readmodels) ------------------------------
# Every table here is a function of the *set* of events consumed, not of their order:
# facts keyed by their own ids (insert if absent), "last" times as max(), states as
# last-writer-wins on the event's own time or version, counts bumped only when a fact
# is new. Duplicates, reordering, late events and replays therefore give the same rows
# (tests/analytics/integration/test_readmodels_properties.py). An erased participant's
# id becomes ERASED (the nil UUID) everywhere, so anonymous counts stay.

# What analytics consumed, for `tandem-analytics rebuild`: ids and facts only (the
# service topics carry no content); contacts-topic records are never stored here.
consumed_events = Table(
    "consumed_events",
    metadata,
    Column("seq", Integer, primary_key=True, autoincrement=True),
    Column("event_id", Uuid(), nullable=False, unique=True),
    Column("event_type", String(80), nullable=False),
    Column("source", String(80), nullable=False),
    Column("key", String(80), nullable=False),
    Column("time", UtcDateTime(), nullable=False),
    Column("data", LargeBinary, nullable=False),  # the event's JSON, erased ids rewritten
)

# Which stored events name a participant: erasure rewrites exactly those rows.
consumed_event_people = Table(
    "consumed_event_people",
    metadata,
    Column("participant_id", Uuid(), primary_key=True),
    Column("event_id", Uuid(), primary_key=True),
)

rm_relationships = Table(
    "rm_relationships",
    metadata,
    Column("relationship_id", Uuid(), primary_key=True),
    Column("programme_id", Uuid(), nullable=False),
    Column("format", String(10), nullable=True),  # pair | group, from relationship.started
    Column("starts_on", Date, nullable=True),
    Column("agreed_end_date", Date, nullable=True),
    Column("started_at", UtcDateTime(), nullable=True),  # the start event's time
    Column("ended_at", UtcDateTime(), nullable=True),  # the end event's time
    Column("outcome", String(20), nullable=True),  # completed | ended_early
    Column("ended_by", String(10), nullable=True),
    Column("end_reason", String(30), nullable=True),
    # The latest accepted agreement (highest version wins).
    Column("agreement_version", Integer, nullable=True),
    Column("agreed_response_hours", Integer, nullable=True),
    Column("agreed_cadence_days", Integer, nullable=True),
    Column("agreement_accepted_at", UtcDateTime(), nullable=True),
    Column("last_meeting_held_at", UtcDateTime(), nullable=True),  # max()
    Index("ix_rm_relationships_programme", "programme_id"),
)

rm_members = Table(
    "rm_members",
    metadata,
    Column("relationship_id", Uuid(), primary_key=True),
    Column("participant_id", Uuid(), primary_key=True),
    Column("role", String(10), nullable=True),  # from relationship.started
    Column("messages", Integer, nullable=False),
    Column("first_message_at", UtcDateTime(), nullable=True),  # min()
    Column("last_message_at", UtcDateTime(), nullable=True),  # max()
    Index("ix_rm_members_participant", "participant_id"),
)

rm_message_weeks = Table(
    "rm_message_weeks",
    metadata,
    Column("relationship_id", Uuid(), primary_key=True),
    Column("participant_id", Uuid(), primary_key=True),
    Column("week", Date, primary_key=True),  # the Monday (UTC) of the message's posted_at
    Column("programme_id", Uuid(), nullable=False),
    Column("messages", Integer, nullable=False),
    Index("ix_rm_message_weeks_programme", "programme_id", "week"),
)

# One row per message (metadata only): its answer is the first later message by
# another member, recomputed for the messages a late arrival falls between.
rm_messages = Table(
    "rm_messages",
    metadata,
    Column("message_id", Uuid(), primary_key=True),
    Column("relationship_id", Uuid(), nullable=False),
    Column("programme_id", Uuid(), nullable=False),
    Column("sender_id", Uuid(), nullable=False),
    Column("posted_at", UtcDateTime(), nullable=False),
    Column("answer_id", Uuid(), nullable=True),
    Column("answered_by", Uuid(), nullable=True),
    Column("answered_at", UtcDateTime(), nullable=True),
    Column("response_seconds", Integer, nullable=True),
    Index("ix_rm_messages_relationship", "relationship_id", "posted_at"),
    Index("ix_rm_messages_programme", "programme_id"),
)

rm_meetings = Table(
    "rm_meetings",
    metadata,
    Column("meeting_id", Uuid(), primary_key=True),
    Column("relationship_id", Uuid(), nullable=False),
    Column("programme_id", Uuid(), nullable=False),
    # Schedule facts: last writer wins on (sequence, then scheduled < rescheduled <
    # cancelled, then the facts' digest), folded into schedule_version and schedule_event.
    Column("schedule_version", Integer, nullable=True),
    Column("schedule_event", Uuid(), nullable=True),
    Column("planned_mode", String(20), nullable=True),  # online | face_to_face
    Column("starts_at", UtcDateTime(), nullable=True),
    Column("ends_at", UtcDateTime(), nullable=True),
    Column("cancelled", Boolean, nullable=True),
    Column("planned_activity_id", Uuid(), nullable=True),
    # Attendance: last writer wins on (recorded_at, facts' digest).
    Column("outcome", String(20), nullable=True),  # held | no_show | unrecorded
    Column("attended_mode", String(20), nullable=True),
    Column("attendees", Integer, nullable=True),
    Column("duration_minutes", Integer, nullable=True),
    Column("recorded_at", UtcDateTime(), nullable=True),
    Column("recorded_event", Uuid(), nullable=True),
    Index("ix_rm_meetings_relationship", "relationship_id"),
    Index("ix_rm_meetings_programme", "programme_id"),
)

rm_goals = Table(
    "rm_goals",
    metadata,
    Column("goal_id", Uuid(), primary_key=True),
    Column("relationship_id", Uuid(), nullable=False),
    Column("programme_id", Uuid(), nullable=False),
    Column("state", String(20), nullable=False),
    Column("milestones_total", Integer, nullable=False),
    Column("milestones_done", Integer, nullable=False),
    Column("progressed_at", UtcDateTime(), nullable=False),  # last writer wins on it
    Column("progressed_event", Uuid(), nullable=False),  # ... then on the facts' digest
    Index("ix_rm_goals_relationship", "relationship_id"),
)

rm_participants = Table(
    "rm_participants",
    metadata,
    Column("participant_id", Uuid(), primary_key=True),
    Column("programme_id", Uuid(), nullable=False),
    # Profile facts from participant.registered/updated: last writer wins on event time.
    # (Withdrawals are the directory's: tandem_directory_withdrawals.)
    Column("role", String(10), nullable=True),
    Column("country", String(2), nullable=True),
    Column("modality", String(20), nullable=True),
    Column("facts_at", UtcDateTime(), nullable=True),
    Column("facts_event", Uuid(), nullable=True),
    Column("last_contact_at", UtcDateTime(), nullable=True),  # max(): messages and meetings
    Column("last_meeting_at", UtcDateTime(), nullable=True),  # max(): meetings held
    Column("first_posted_at", UtcDateTime(), nullable=True),  # min(): messages, forum posts
    Index("ix_rm_participants_programme", "programme_id"),
)

# A programme's organisation (from programme.created; the directory keeps the rest): the
# organisation roll-up groups programmes by it.
rm_programmes = Table(
    "rm_programmes",
    metadata,
    Column("programme_id", Uuid(), primary_key=True),
    Column("organisation_id", Uuid(), nullable=False),
    Index("ix_rm_programmes_organisation", "organisation_id", "programme_id"),
)


# --- drop-out model: its training data and the fitted model (revision 0004) --------
# Finished relationships imported from an earlier programme, one weekly history each
# (JSON: counts, latencies, days and scores, never a name); the id is uuid5(programme,
# the organisation's reference), so a re-import replaces a relationship. The fitted model
# is plain numbers in JSON (means, scales, coefficients, threshold) with its held-out
# figures and the decision: a pickle is never stored, so nothing stored can run code.

risk_training_histories = Table(
    "risk_training_histories",
    metadata,
    Column("relationship_id", Uuid(), primary_key=True),
    Column("programme_id", Uuid(), nullable=False),
    Column("reference", String(64), nullable=False),
    Column("import_id", Uuid(), nullable=False),
    Column("history", JSON, nullable=False),
    Column("imported_at", UtcDateTime(), nullable=False),
    Index("ix_risk_training_histories_programme", "programme_id"),
)

risk_models = Table(
    "risk_models",
    metadata,
    Column("programme_id", Uuid(), primary_key=True),
    Column("decision", String(24), nullable=False),  # model | rules_better | too_little_history
    Column("body", JSON, nullable=False),
    Column("fitted_at", UtcDateTime(), nullable=False),
)


# --- learned match weights (revision 0005) -----------------------------------------
# Each proposed relationship's criterion scores (from match.proposed) and, once it
# ends, whether it completed; the last suggestion published per programme, so that a
# suggestion that did not move is not published again.

match_criterion_scores = Table(
    "match_criterion_scores",
    metadata,
    Column("relationship_id", Uuid(), primary_key=True),
    Column("programme_id", Uuid(), nullable=False),
    Column("scores", JSON, nullable=True),  # {criterion: 0-1}; NULL until proposed
    Column("completed", Boolean, nullable=True),  # NULL while active
    Index("ix_match_criterion_scores_programme", "programme_id"),
)

match_weight_suggestions = Table(
    "match_weight_suggestions",
    metadata,
    Column("programme_id", Uuid(), primary_key=True),
    Column("suggestion_id", Uuid(), nullable=False),
    Column("weights", JSON, nullable=False),  # {criterion: weight}
    Column("relationships_used", Integer, nullable=False),
    Column("suggested_at", UtcDateTime(), nullable=False),
)


# --- check-ins and employment outcomes (revision 0006) ------------------------------
# The kit's directory (above) says whom to mail, in which language. Relationships and
# members as matching announced them, for scheduling; participants' countries (profile
# facts) for outcomes by country.
# Answers and outcome statuses are sealed under the programme's data key (wrapped by the
# master key): the manager only ever gets figures computed from them.

checkin_relationships = Table(
    "checkin_relationships",
    metadata,
    Column("id", Uuid(), primary_key=True),  # matching's relationship id
    Column("programme_id", Uuid(), nullable=False, index=True),
    Column("starts_on", Date, nullable=True),  # None until relationship.started arrives
    Column("agreed_end_date", Date, nullable=True),
    Column("ended_on", Date, nullable=True),  # the date of relationship.ended's time
    Column("outcome", String(12), nullable=True),  # completed | ended_early
)

checkin_members = Table(
    "checkin_members",
    metadata,
    Column("relationship_id", Uuid(), primary_key=True),
    Column("participant_id", Uuid(), primary_key=True),
    Column("subject", String(SUBJECT_LENGTH), nullable=False, index=True),
    Column("role", String(10), nullable=False),  # mentor | mentee
)

checkin_countries = Table(
    "checkin_countries",
    metadata,
    Column("participant_id", Uuid(), primary_key=True),
    Column("country", String(2), nullable=False),
)

check_in_plans = Table(
    "check_in_plans",
    metadata,
    Column("programme_id", Uuid(), primary_key=True),
    Column("plan", JSON, nullable=False),
    Column("updated_at", UtcDateTime(), nullable=False),
)

check_in_keys = Table(
    "check_in_keys",
    metadata,
    Column("programme_id", Uuid(), primary_key=True),
    Column("wrapped_key_nonce", LargeBinary, nullable=False),
    Column("wrapped_key_ciphertext", LargeBinary, nullable=False),
)

check_ins = Table(
    "check_ins",
    metadata,
    Column("id", Uuid(), primary_key=True),
    Column("programme_id", Uuid(), nullable=False),
    Column("relationship_id", Uuid(), nullable=True),  # None once the member was erased
    Column("participant_id", Uuid(), nullable=True),
    Column("round_key", String(20), nullable=False),  # pulse-<n> | midpoint | final
    Column("kind", String(10), nullable=False),
    Column("questions", JSON, nullable=False),  # the question ids asked, in order
    Column("due_on", Date, nullable=False),
    Column("created_at", UtcDateTime(), nullable=False),
    Column("answered_at", UtcDateTime(), nullable=True),
    UniqueConstraint("relationship_id", "participant_id", "round_key", name="uq_check_ins"),
    Index("ix_check_ins_programme", "programme_id", "round_key"),
)

check_in_answers = Table(
    "check_in_answers",
    metadata,
    Column(
        "check_in_id",
        Uuid(),
        ForeignKey("check_ins.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    Column("question", String(60), primary_key=True),
    Column("value", LargeBinary, nullable=False),  # sealed: nonce || ciphertext
    Column("answered_at", UtcDateTime(), nullable=False),
)

check_in_link_nonces = Table(
    "check_in_link_nonces",
    metadata,
    Column("nonce", String(32), primary_key=True),
    Column("used_at", UtcDateTime(), nullable=False),
    Column("expires_at", UtcDateTime(), nullable=False, index=True),  # dead after: deleted
)

outcomes = Table(
    "outcomes",
    metadata,
    Column("id", Uuid(), primary_key=True),
    Column("programme_id", Uuid(), nullable=False, index=True),
    Column("relationship_id", Uuid(), nullable=True),  # None once the mentee was erased
    Column("participant_id", Uuid(), nullable=True),
    Column("stage", String(10), nullable=False),  # closure | month_3 | month_6
    Column("due_on", Date, nullable=False),
    Column("country", String(2), nullable=True),
    Column("status", LargeBinary, nullable=True),  # sealed; None until answered
    Column("recorded_at", UtcDateTime(), nullable=True),
    Column("created_at", UtcDateTime(), nullable=False),
    UniqueConstraint("relationship_id", "participant_id", "stage", name="uq_outcomes"),
)
