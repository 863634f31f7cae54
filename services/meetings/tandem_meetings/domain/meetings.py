"""Meetings: records, statuses and the life cycle as pure transitions.

schedule → (reschedule)* → cancel. SEQUENCE (RFC 5545 §3.8.7.4) starts at 0 and rises on
every significant revision: a change of start, end (so duration) or place (a change of
mode changes where the meeting happens, so it counts as a change of place), and the
cancellation itself. A meeting that has started can no longer be moved or cancelled;
what happened is then attendance's business.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from uuid import UUID
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from tandem_contracts.common import Role
from tandem_contracts.meetings import CancelledBy, CancelReason, MeetingMode
from tandem_meetings.domain.places import Place
from tandem_meetings.domain.relationships import Member, Sealed
from tandem_meetings.domain.rsvp_links import RsvpResponse


class MeetingStatus(StrEnum):
    SCHEDULED = "scheduled"
    CANCELLED = "cancelled"


class LinkStatus(StrEnum):
    READY = "ready"
    PENDING = "pending"  # the provider failed; the link-retry worker tries again


class Partstat(StrEnum):
    """An attendee's answer, as iCalendar's PARTSTAT names it (lower case)."""

    NEEDS_ACTION = "needs_action"
    ACCEPTED = "accepted"
    DECLINED = "declined"
    TENTATIVE = "tentative"


# Reasons only the system gives (members and managers choose among the others).
SYSTEM_REASONS = frozenset({CancelReason.RELATIONSHIP_ENDED, CancelReason.PARTICIPANT_ERASED})


class InvalidMeeting(Exception):
    """Input that cannot describe a meeting (a 422 naming ``field``)."""

    def __init__(self, code: str, detail: str, field: str) -> None:
        super().__init__(detail)
        self.code = code
        self.detail = detail
        self.field = field


class MeetingStateConflict(Exception):
    """The meeting's state does not allow this (a 409)."""

    def __init__(self, code: str, detail: str) -> None:
        super().__init__(detail)
        self.code = code
        self.detail = detail


@dataclass(frozen=True, slots=True)
class MeetingRules:
    min_minutes: int
    max_minutes: int
    max_days_ahead: int


@dataclass(frozen=True, slots=True)
class Meeting:
    id: UUID
    relationship_id: UUID
    programme_id: UUID
    planned_activity_id: UUID | None
    activity_key: str | None
    mode: MeetingMode
    status: MeetingStatus
    starts_at: datetime
    ends_at: datetime
    sequence: int
    ical_uid: str
    place: Sealed | None
    link: Sealed | None
    link_status: LinkStatus | None
    link_provider: str | None
    link_attempts: int
    cancel_reason: CancelReason | None
    cancelled_by: CancelledBy | None
    cancelled_at: datetime | None
    cancel_note: bytes | None  # packed, sealed under the author's vault key
    cancel_note_author: UUID | None
    agenda_goal_ids: tuple[UUID, ...]
    created_at: datetime
    updated_at: datetime

    @property
    def duration_minutes(self) -> int:
        return int((self.ends_at - self.starts_at).total_seconds() // 60)

    @property
    def scheduled(self) -> bool:
        return self.status is MeetingStatus.SCHEDULED


@dataclass(frozen=True, slots=True)
class Attendee:
    id: UUID
    meeting_id: UUID
    participant_id: UUID | None  # None once erased
    role: Role
    partstat: Partstat
    responded_at: datetime | None
    erased: bool = False


@dataclass(frozen=True, slots=True)
class Conflict:
    """A member is busy during the asked time: who (id and role) and when, nothing more."""

    participant_id: UUID
    role: Role
    busy_from: datetime
    busy_until: datetime


# --- time ----------------------------------------------------------------------------


def timing(
    starts_at: datetime,
    ends_at: datetime | None,
    duration_minutes: int | None,
    rules: MeetingRules,
    now: datetime,
) -> tuple[datetime, datetime]:
    """Start and end in UTC from an end or a duration (exactly one), within the rules."""
    if starts_at.tzinfo is None:
        raise InvalidMeeting("naive_time", "starts_at needs a UTC offset.", "starts_at")
    if (ends_at is None) == (duration_minutes is None):
        raise InvalidMeeting(
            "end_or_duration", "Give either ends_at or duration_minutes (one of them).", "ends_at"
        )
    start = starts_at.astimezone(UTC)
    if ends_at is not None:
        if ends_at.tzinfo is None:
            raise InvalidMeeting("naive_time", "ends_at needs a UTC offset.", "ends_at")
        end = ends_at.astimezone(UTC)
        field = "ends_at"
    else:
        assert duration_minutes is not None
        end = start + timedelta(minutes=duration_minutes)
        field = "duration_minutes"
    minutes = (end - start).total_seconds() / 60
    if not rules.min_minutes <= minutes <= rules.max_minutes:
        raise InvalidMeeting(
            "duration_out_of_bounds",
            f"A meeting lasts from {rules.min_minutes} to {rules.max_minutes} minutes, "
            f"not {minutes:g}.",
            field,
        )
    if start <= now:
        raise InvalidMeeting("start_in_past", "starts_at must be in the future.", "starts_at")
    if start > now + timedelta(days=rules.max_days_ahead):
        raise InvalidMeeting(
            "start_too_far",
            f"starts_at may be at most {rules.max_days_ahead} days ahead.",
            "starts_at",
        )
    return start, end


def check_setting(mode: MeetingMode, place: Place | None) -> None:
    """Face to face needs a place; online has a link instead, never a place."""
    if mode is MeetingMode.FACE_TO_FACE and place is None:
        raise InvalidMeeting("place_required", "A face-to-face meeting needs a place.", "place")
    if mode is MeetingMode.ONLINE and place is not None:
        raise InvalidMeeting(
            "place_forbidden", "An online meeting has a video link, not a place.", "place"
        )


def local_time(moment: datetime, time_zone: str | None) -> tuple[datetime, str]:
    """``moment`` on the wall clock of ``time_zone``; UTC when the zone is unknown."""
    try:
        zone = ZoneInfo(time_zone) if time_zone else ZoneInfo("UTC")
    except (ZoneInfoNotFoundError, ValueError):
        zone = ZoneInfo("UTC")
    return moment.astimezone(zone), str(zone)


# --- busy times ----------------------------------------------------------------------


def first_conflict(
    members: Sequence[Member],
    busy: Mapping[UUID, Sequence[tuple[datetime, datetime]]],
    starts_at: datetime,
    ends_at: datetime,
) -> Conflict | None:
    """The first member (mentor first) busy between start and end, with the earliest overlap."""
    ordered = sorted(members, key=lambda m: (m.role is not Role.MENTOR, str(m.participant_id)))
    for member in ordered:
        overlapping = sorted(
            (b for b in busy.get(member.participant_id, ()) if b[0] < ends_at and b[1] > starts_at),
            key=lambda b: b[0],
        )
        if overlapping:
            busy_from, busy_until = overlapping[0]
            return Conflict(
                member.participant_id,
                member.role,
                max(busy_from, starts_at),  # clipped: only the time asked for is told
                min(busy_until, ends_at),
            )
    return None


# --- the life cycle ------------------------------------------------------------------


def ical_uid(meeting_id: UUID) -> str:
    """The meeting's iCalendar UID, the same for its whole life."""
    return f"{meeting_id}@tandem"


def new_meeting(
    *,
    meeting_id: UUID,
    relationship_id: UUID,
    programme_id: UUID,
    planned_activity_id: UUID | None,
    activity_key: str | None,
    mode: MeetingMode,
    starts_at: datetime,
    ends_at: datetime,
    place: Sealed | None,
    agenda_goal_ids: Sequence[UUID],
    now: datetime,
) -> Meeting:
    """A scheduled meeting at SEQUENCE 0; an online one waits for its link (pending)."""
    return Meeting(
        id=meeting_id,
        relationship_id=relationship_id,
        programme_id=programme_id,
        planned_activity_id=planned_activity_id,
        activity_key=activity_key,
        mode=mode,
        status=MeetingStatus.SCHEDULED,
        starts_at=starts_at,
        ends_at=ends_at,
        sequence=0,
        ical_uid=ical_uid(meeting_id),
        place=place,
        link=None,
        link_status=LinkStatus.PENDING if mode is MeetingMode.ONLINE else None,
        link_provider=None,
        link_attempts=0,
        cancel_reason=None,
        cancelled_by=None,
        cancelled_at=None,
        cancel_note=None,
        cancel_note_author=None,
        agenda_goal_ids=tuple(dict.fromkeys(agenda_goal_ids)),
        created_at=now,
        updated_at=now,
    )


def require_changeable(meeting: Meeting, now: datetime) -> None:
    if not meeting.scheduled:
        raise MeetingStateConflict("meeting_cancelled", "This meeting was cancelled.")
    if meeting.starts_at <= now:
        raise MeetingStateConflict(
            "meeting_started", "This meeting has started (or is over): it can no longer change."
        )


@dataclass(frozen=True, slots=True)
class Revision:
    """What a reschedule changes, decided before anything is sealed or written."""

    starts_at: datetime
    ends_at: datetime
    mode: MeetingMode
    place: Place | None
    time_changed: bool
    place_changed: bool

    @property
    def significant(self) -> bool:
        return self.time_changed or self.place_changed


def revise(
    meeting: Meeting,
    current_place: Place | None,
    *,
    starts_at: datetime,
    ends_at: datetime,
    mode: MeetingMode,
    place: Place | None,
    now: datetime,
) -> Revision:
    """Decide a reschedule (the times already checked by :func:`timing`)."""
    require_changeable(meeting, now)
    check_setting(mode, place)
    time_changed = (starts_at, ends_at) != (meeting.starts_at, meeting.ends_at)
    place_changed = mode is not meeting.mode or place != current_place
    return Revision(starts_at, ends_at, mode, place, time_changed, place_changed)


def rescheduled(
    meeting: Meeting, revision: Revision, place: Sealed | None, now: datetime
) -> Meeting:
    """The meeting after a significant revision: SEQUENCE + 1. An online meeting whose
    time or mode changed needs a new link (a link belongs to one schedule: its tokens
    expire after the meeting's end), so it is pending until the provider makes it."""
    online = revision.mode is MeetingMode.ONLINE
    keep_link = online and revision.mode is meeting.mode and not revision.time_changed
    return replace(
        meeting,
        starts_at=revision.starts_at,
        ends_at=revision.ends_at,
        mode=revision.mode,
        place=place,
        sequence=meeting.sequence + 1,
        link=meeting.link if keep_link else None,
        link_status=(meeting.link_status if keep_link else LinkStatus.PENDING) if online else None,
        link_provider=meeting.link_provider if keep_link else None,
        link_attempts=meeting.link_attempts if keep_link else 0,
        updated_at=now,
    )


def cancelled(
    meeting: Meeting,
    *,
    reason: CancelReason,
    by: CancelledBy,
    note: bytes | None,
    note_author: UUID | None,
    now: datetime,
) -> Meeting:
    """Scheduled → cancelled (SEQUENCE + 1, so calendars take the CANCEL over the REQUEST)."""
    require_changeable(meeting, now)
    return replace(
        meeting,
        status=MeetingStatus.CANCELLED,
        sequence=meeting.sequence + 1,
        cancel_reason=reason,
        cancelled_by=by,
        cancelled_at=now,
        cancel_note=note,
        cancel_note_author=note_author,
        updated_at=now,
    )


def with_link(meeting: Meeting, link: Sealed, provider: str, now: datetime) -> Meeting:
    return replace(
        meeting, link=link, link_status=LinkStatus.READY, link_provider=provider, updated_at=now
    )


def link_failed(meeting: Meeting, provider: str | None, now: datetime) -> Meeting:
    return replace(
        meeting,
        link=None,
        link_status=LinkStatus.PENDING,
        link_provider=provider,
        link_attempts=meeting.link_attempts + 1,
        updated_at=now,
    )


# --- attendees and their answers -------------------------------------------------------


def respond(
    meeting: Meeting, attendee: Attendee, response: RsvpResponse, now: datetime
) -> Attendee:
    """An attendee's answer to a scheduled meeting that has not ended."""
    if not meeting.scheduled:
        raise MeetingStateConflict("meeting_cancelled", "This meeting was cancelled.")
    if meeting.ends_at <= now:
        raise MeetingStateConflict("meeting_over", "This meeting is over.")
    return replace(attendee, partstat=Partstat(response.value), responded_at=now)


def answers_after_change(attendees: Sequence[Attendee], organiser: UUID | None) -> list[Attendee]:
    """After a change of time or place, everyone answers again (RFC 5546 §2.1.4), except
    the member who made the change, who accepts it."""
    return [
        replace(
            a,
            partstat=Partstat.ACCEPTED if a.participant_id == organiser else Partstat.NEEDS_ACTION,
            responded_at=None if a.participant_id != organiser else a.responded_at,
        )
        for a in attendees
    ]
