"""The meetings service's tables (SQLAlchemy Core), mirrored by ``migrations/versions``.

One section per feature, each with its own Alembic revision (named in the section's
heading). Ids are ``Uuid`` columns. Personal data is sealed (``tandem_kit.privacy``:
``LargeBinary`` columns under the person's key) and free text of a relationship is
encrypted under its data key (``tandem_kit.crypto``); no column holds a name, an
address, a feed URL or a note in the clear.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Date,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    UniqueConstraint,
    Uuid,
)

from tandem_kit.db.types import SUBJECT_LENGTH, UtcDateTime, uuid_pk
from tandem_kit.directory import add_directory_tables

metadata = MetaData()
add_directory_tables(metadata)


# --- relationships, members and meetings (revision 0002) --------------------------
# A relationship as matching announced it, with its own data key (wrapped by the master
# key): a meeting's place and video link are sealed under it, because they belong to the
# relationship's members together, not to one person (a cancel note, written by one
# member, is sealed under that person's vault key instead, so erasure shreds it).

relationships = Table(
    "relationships",
    metadata,
    Column("id", Uuid(), primary_key=True),  # matching's relationship id
    Column("programme_id", Uuid(), nullable=False),
    Column("format", String(10), nullable=False),  # pair | group
    Column("starts_on", Date, nullable=False),
    Column("agreed_end_date", Date, nullable=False),
    Column("status", String(10), nullable=False),  # active | ended
    Column("cadence_days", Integer, nullable=True),  # from agreement.accepted, once there is one
    Column("wrapped_key_nonce", LargeBinary, nullable=False),
    Column("wrapped_key_ciphertext", LargeBinary, nullable=False),
    Column("started_at", UtcDateTime(), nullable=False),
    Column("ended_at", UtcDateTime(), nullable=True),
    Index("ix_relationships_programme", "programme_id", "status"),
)

relationship_members = Table(
    "relationship_members",
    metadata,
    Column("relationship_id", Uuid(), ForeignKey("relationships.id"), primary_key=True),
    Column("participant_id", Uuid(), primary_key=True),
    Column("subject", String(SUBJECT_LENGTH), nullable=False),
    Column("role", String(10), nullable=False),  # mentor | mentee
    Index("ix_relationship_members_subject", "subject"),
    Index("ix_relationship_members_participant", "participant_id"),
)

meetings = Table(
    "meetings",
    metadata,
    uuid_pk(),
    Column("relationship_id", Uuid(), ForeignKey("relationships.id"), nullable=False),
    Column("programme_id", Uuid(), nullable=False),
    Column("planned_activity_id", Uuid(), nullable=True),
    Column("activity_key", String(64), nullable=True),
    Column("mode", String(20), nullable=False),  # online | face_to_face
    Column("status", String(20), nullable=False),  # scheduled | cancelled
    Column("starts_at", UtcDateTime(), nullable=False),
    Column("ends_at", UtcDateTime(), nullable=False),
    Column("sequence", Integer, nullable=False),  # iCalendar SEQUENCE (RFC 5545 §3.8.7.4)
    Column("ical_uid", String(120), nullable=False),  # one UID for the meeting's life
    # JSON {name, address, notes} sealed under the relationship's key (face to face).
    Column("place_nonce", LargeBinary, nullable=True),
    Column("place_ciphertext", LargeBinary, nullable=True),
    # The provider's links, JSON sealed under the relationship's key (online).
    Column("link_nonce", LargeBinary, nullable=True),
    Column("link_ciphertext", LargeBinary, nullable=True),
    Column("link_status", String(10), nullable=True),  # ready | pending; null face to face
    Column("link_provider", String(40), nullable=True),
    Column("link_attempts", Integer, nullable=False),
    Column("cancel_reason", String(30), nullable=True),  # tandem_contracts CancelReason
    Column("cancelled_by", String(10), nullable=True),  # mentor | mentee | manager | system
    Column("cancelled_at", UtcDateTime(), nullable=True),
    # The canceller's own words, sealed under their vault key (tandem_kit.privacy.pack).
    Column("cancel_note", LargeBinary, nullable=True),
    Column("cancel_note_author", Uuid(), nullable=True),
    Column("agenda_goal_ids", JSON, nullable=False),
    Column("created_at", UtcDateTime(), nullable=False),
    Column("updated_at", UtcDateTime(), nullable=False),
    UniqueConstraint("ical_uid", name="uq_meetings_ical_uid"),
    Index("ix_meetings_relationship_start", "relationship_id", "starts_at", "id"),
    # "scheduled meetings between t1 and t2" (busy times, reminders, feeds)
    Index("ix_meetings_status_start", "status", "starts_at", "ends_at"),
    Index("ix_meetings_link_status", "link_status"),
)

meeting_attendees = Table(
    "meeting_attendees",
    metadata,
    uuid_pk(),
    Column("meeting_id", Uuid(), ForeignKey("meetings.id"), nullable=False),
    Column("participant_id", Uuid(), nullable=True),  # null once the person is erased
    Column("role", String(10), nullable=False),
    Column("partstat", String(20), nullable=False),  # needs_action|accepted|declined|tentative
    Column("responded_at", UtcDateTime(), nullable=True),
    Column("erased", Boolean, nullable=False),
    UniqueConstraint("meeting_id", "participant_id", name="uq_meeting_attendees_participant"),
    # a member's meetings (joined to meetings' status and time for busy checks)
    Index("ix_meeting_attendees_participant", "participant_id", "meeting_id"),
)

# One-click RSVP links are signed; each carries a nonce that may be used once.
rsvp_nonces = Table(
    "rsvp_nonces",
    metadata,
    Column("nonce", String(64), primary_key=True),
    Column("meeting_id", Uuid(), nullable=False),
    Column("used_at", UtcDateTime(), nullable=False),
    Column("expires_at", UtcDateTime(), nullable=False),  # deleted after: a token is dead then
    Index("ix_rsvp_nonces_expires", "expires_at"),
)


# --- availability, busy times and external calendar feeds (revision 0003) ---------

# Matching's profile facts as its participant events carry them (no contact details:
# those are the directory's); ``availability`` is [[weekday, start, end minute], ...].
availability_profiles = Table(
    "availability_profiles",
    metadata,
    Column("participant_id", Uuid(), primary_key=True),
    Column("programme_id", Uuid(), nullable=False, index=True),
    Column("role", String(10), nullable=False),
    Column("country", String(2), nullable=False),
    Column("modality", String(20), nullable=False),
    Column("goals", JSON, nullable=False),
    Column("availability", JSON, nullable=False),
    Column("updated_at", UtcDateTime(), nullable=False),
)

# A participant's own weekly windows for meetings, winning over matching's copy.
availability_overrides = Table(
    "availability_overrides",
    metadata,
    Column("participant_id", Uuid(), primary_key=True),
    Column("programme_id", Uuid(), nullable=False),
    Column("windows", JSON, nullable=False),
    Column("updated_at", UtcDateTime(), nullable=False),
)

# One external feed per participant. The URL is sealed under the participant's key
# (tandem_kit.privacy); ``version`` rises with every new URL so a fetch of the old one
# stores nothing; ``lease_until`` is a fetcher's claim (no two processes fetch a feed).
calendar_sources = Table(
    "calendar_sources",
    metadata,
    Column("participant_id", Uuid(), primary_key=True),
    Column("programme_id", Uuid(), nullable=False),
    Column("version", Integer, nullable=False),
    Column("url_sealed", LargeBinary, nullable=False),
    Column("etag", String(1000), nullable=True),
    Column("last_modified", String(100), nullable=True),
    Column("status", String(20), nullable=False),
    Column("failure_reason", String(40), nullable=True),
    Column("http_status", Integer, nullable=True),
    Column("failures", Integer, nullable=False),
    Column("busy_count", Integer, nullable=False),
    Column("truncated", Boolean, nullable=False),
    Column("next_fetch_at", UtcDateTime(), nullable=False, index=True),
    Column("lease_until", UtcDateTime(), nullable=True),
    Column("last_fetched_at", UtcDateTime(), nullable=True),
    Column("last_success_at", UtcDateTime(), nullable=True),
    Column("created_at", UtcDateTime(), nullable=False),
    Column("updated_at", UtcDateTime(), nullable=False),
)

# Busy intervals read from a participant's feed (start and end only, never a title).
busy_intervals = Table(
    "busy_intervals",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("participant_id", Uuid(), nullable=False),
    Column("starts_at", UtcDateTime(), nullable=False),
    Column("ends_at", UtcDateTime(), nullable=False),
    Index("ix_busy_intervals_participant_start", "participant_id", "starts_at"),
)


# --- programme policies and plans (revision 0004) -----------------------------------
# A programme's plan template and policy as its manager set them (none: the default).
# A relationship's plan keeps the activities it was instantiated from (a later change of
# the template leaves running relationships as they are) and the agreement's version
# whose cadence it follows. Names and keys are the programme's words, not personal data.

programme_plans = Table(
    "programme_plans",
    metadata,
    Column("programme_id", Uuid(), primary_key=True),
    Column("activities", JSON, nullable=False),
    Column("policy", JSON, nullable=False),
    Column("updated_at", UtcDateTime(), nullable=False),
)

relationship_plans = Table(
    "relationship_plans",
    metadata,
    Column("relationship_id", Uuid(), ForeignKey("relationships.id"), primary_key=True),
    Column("programme_id", Uuid(), nullable=False),
    Column("activities", JSON, nullable=False),
    Column("time_zone", String(64), nullable=False),  # the programme's, for its days
    Column("adaptation", String(30), nullable=True),  # plan_adaptation.Adaptation
    Column("agreement_version", Integer, nullable=True),
    Column("created_at", UtcDateTime(), nullable=False),
    Column("updated_at", UtcDateTime(), nullable=False),
)

planned_activities = Table(
    "planned_activities",
    metadata,
    uuid_pk(),
    Column("relationship_id", Uuid(), ForeignKey("relationships.id"), nullable=False),
    Column("programme_id", Uuid(), nullable=False),
    Column("activity_key", String(64), nullable=False),
    Column("occurrence", Integer, nullable=False),
    Column("name", String(200), nullable=False),
    Column("planned_mode", String(20), nullable=False),  # online | face_to_face | either
    Column("mode", String(20), nullable=False),  # for this relationship
    Column("duration_minutes", Integer, nullable=False),
    Column("window_start", UtcDateTime(), nullable=False),
    Column("window_end", UtcDateTime(), nullable=False),
    Column("repeats", Boolean, nullable=False),
    Column("adaptation", String(30), nullable=True),
    Column("created_at", UtcDateTime(), nullable=False),
    UniqueConstraint(
        "relationship_id", "activity_key", "occurrence", name="uq_planned_activities_occurrence"
    ),
    Index("ix_planned_activities_relationship", "relationship_id", "window_start"),
)

# The best times found for a planned activity (UTC; each member's local time is shown
# from their zone when read).
plan_proposals = Table(
    "plan_proposals",
    metadata,
    Column("planned_activity_id", Uuid(), ForeignKey("planned_activities.id"), primary_key=True),
    Column("rank", Integer, primary_key=True),
    Column("starts_at", UtcDateTime(), nullable=False),
    Column("ends_at", UtcDateTime(), nullable=False),
)


# --- goals, milestones and notes (revision 0007) ----------------------------------
# A relationship's goals: seeded from the mentee's profile tokens (``token``, unique per
# relationship, so seeding twice adds nothing) or added by a member. Titles are the
# members' words, sealed under the relationship's key; state and dates are facts.

goals = Table(
    "goals",
    metadata,
    uuid_pk(),
    Column("relationship_id", Uuid(), ForeignKey("relationships.id"), nullable=False),
    Column("programme_id", Uuid(), nullable=False),
    Column("token", String(40), nullable=True),  # matching's goal token, if seeded
    Column("title_nonce", LargeBinary, nullable=True),
    Column("title_ciphertext", LargeBinary, nullable=True),
    Column("target_date", Date, nullable=True),
    Column("state", String(20), nullable=False),  # tandem_contracts GoalState
    Column("created_by", Uuid(), nullable=True),  # a member; null when seeded or erased
    Column("created_at", UtcDateTime(), nullable=False),
    Column("updated_at", UtcDateTime(), nullable=False),
    UniqueConstraint("relationship_id", "token", name="uq_goals_relationship_token"),
    Index("ix_goals_relationship", "relationship_id", "created_at", "id"),
    Index("ix_goals_programme", "programme_id"),
)

goal_milestones = Table(
    "goal_milestones",
    metadata,
    uuid_pk(),
    Column("goal_id", Uuid(), ForeignKey("goals.id"), nullable=False),
    Column("relationship_id", Uuid(), nullable=False),
    Column("title_nonce", LargeBinary, nullable=False),
    Column("title_ciphertext", LargeBinary, nullable=False),
    Column("due_date", Date, nullable=True),
    Column("done", Boolean, nullable=False),
    Column("done_at", UtcDateTime(), nullable=True),
    Column("created_at", UtcDateTime(), nullable=False),
    Column("updated_at", UtcDateTime(), nullable=False),
    Index("ix_goal_milestones_goal", "goal_id", "created_at", "id"),
)

# Meeting notes, each sealed under its author's vault key (tandem_kit.privacy.pack):
# the author's erasure shreds the key and deletes the rows.
meeting_notes = Table(
    "meeting_notes",
    metadata,
    uuid_pk(),
    Column("meeting_id", Uuid(), ForeignKey("meetings.id"), nullable=False),
    Column("relationship_id", Uuid(), nullable=False),
    Column("author_id", Uuid(), nullable=False),
    Column("body", LargeBinary, nullable=False),
    Column("created_at", UtcDateTime(), nullable=False),
    Column("updated_at", UtcDateTime(), nullable=False),
    Index("ix_meeting_notes_meeting", "meeting_id", "created_at", "id"),
    Index("ix_meeting_notes_author", "author_id"),
    Index("ix_meeting_notes_relationship", "relationship_id"),
)


# --- (later features append their sections below, each with a revision) -----------


# --- calendar feed tokens (revision 0005) -------------------------------------------
# One personal feed per user (the token's subject), across their programmes. Only the
# SHA-256 of the feed's token is kept: the token is 256 random bits, so a fast hash is
# enough, and a copy of this table opens no feed. Revoking deletes the row; rotating
# replaces the hash.

calendar_feed_tokens = Table(
    "calendar_feed_tokens",
    metadata,
    Column("subject", String(SUBJECT_LENGTH), primary_key=True),
    Column("token_hash", LargeBinary(32), nullable=False),
    Column("created_at", UtcDateTime(), nullable=False),
    UniqueConstraint("token_hash", name="uq_calendar_feed_tokens_hash"),
)


# --- reminders and attendance (revision 0008) ---------------------------------------
# One due job per (meeting, member, offset, the meeting's SEQUENCE): no in-memory timer.
# A worker claims due rows with a lease; queueing the mail and marking the row sent is
# one transaction, and the mail's idempotency key names the same four things.
reminder_jobs = Table(
    "reminder_jobs",
    metadata,
    uuid_pk(),
    Column("meeting_id", Uuid(), ForeignKey("meetings.id"), nullable=False),
    Column("participant_id", Uuid(), nullable=False),
    Column("offset_minutes", Integer, nullable=False),
    Column("sequence", Integer, nullable=False),
    Column("due_at", UtcDateTime(), nullable=False),
    Column("state", String(10), nullable=False),  # pending | sent | dropped
    Column("lease_owner", String(64), nullable=True),
    Column("lease_until", UtcDateTime(), nullable=True),
    Column("done_at", UtcDateTime(), nullable=True),
    UniqueConstraint(
        "meeting_id", "participant_id", "offset_minutes", "sequence", name="uq_reminder_jobs"
    ),
    Index("ix_reminder_jobs_due", "state", "due_at"),
    Index("ix_reminder_jobs_meeting", "meeting_id"),
)


# --- attendance (revision 0009) ------------------------------------------------------
# Each member's own record of a meeting (one per recorder: recording again replaces it)
# with one mark per member, and the meeting's outcome from its records (or "unrecorded",
# written once by the worker). Erasure nulls the person's ids and sets ``erased``, as in
# meeting_attendees: the counts stay true, the person is gone.

attendance_records = Table(
    "attendance_records",
    metadata,
    uuid_pk(),
    Column("meeting_id", Uuid(), ForeignKey("meetings.id"), nullable=False),
    Column("recorder_id", Uuid(), nullable=True),  # null once the recorder is erased
    Column("recorder_role", String(10), nullable=False),
    Column("recorder_erased", Boolean, nullable=False),
    Column("mode", String(20), nullable=False),  # the mode actually used
    Column("duration_minutes", Integer, nullable=False),
    Column("created_at", UtcDateTime(), nullable=False),  # first recorded: the order
    Column("updated_at", UtcDateTime(), nullable=False),
    UniqueConstraint("meeting_id", "recorder_id", name="uq_attendance_records_recorder"),
    Index("ix_attendance_records_recorder", "recorder_id"),
)

attendance_marks = Table(
    "attendance_marks",
    metadata,
    Column("record_id", Uuid(), ForeignKey("attendance_records.id"), primary_key=True),
    Column("position", Integer, primary_key=True),
    Column("participant_id", Uuid(), nullable=True),  # null once the person is erased
    Column("role", String(10), nullable=False),
    Column("presence", String(10), nullable=False),  # attended | no_show
    Column("erased", Boolean, nullable=False),
    Index("ix_attendance_marks_participant", "participant_id"),
)

meeting_attendance = Table(
    "meeting_attendance",
    metadata,
    Column("meeting_id", Uuid(), ForeignKey("meetings.id"), primary_key=True),
    Column("programme_id", Uuid(), nullable=False),
    Column("state", String(12), nullable=False),  # recorded | disputed | unrecorded
    Column("outcome", String(12), nullable=False),  # held | no_show | unrecorded
    Column("mode", String(20), nullable=True),  # the counting record's; null unrecorded
    # The published outcome: its version names the event (uuid5), its digest (SHA-256
    # of what the event says, no ids in the clear) tells whether a change is news.
    Column("version", Integer, nullable=False),
    Column("digest", String(64), nullable=False),
    Column("updated_at", UtcDateTime(), nullable=False),
    Index("ix_meeting_attendance_programme", "programme_id", "outcome"),
)
