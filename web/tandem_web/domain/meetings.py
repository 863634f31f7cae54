"""A relationship's meetings as its members' pages show them: the introduction's members,
a meeting with each member's own clock, proposed slots, and the rules that read a typed
time in the viewer's zone. Pure: the adapters build these records from the services."""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from enum import StrEnum
from zoneinfo import ZoneInfo

MAX_DURATION = 24 * 60
MODES = ("online", "face_to_face")
RSVP_ANSWERS = ("accepted", "tentative", "declined")
CANCEL_REASONS = ("conflict", "illness", "no_longer_needed", "other")


@dataclass(frozen=True, slots=True)
class Member:
    """One member of a relationship, as matching names them; ``zone`` is theirs (None:
    not known)."""

    participant_id: uuid.UUID
    name: str
    role: str
    zone: str | None
    response: str = "pending"
    mine: bool = False


@dataclass(frozen=True, slots=True)
class Introduction:
    """A relationship from one member's side: who the others are, and whether it waits for
    the viewer's answer."""

    id: uuid.UUID
    programme_id: uuid.UUID
    status: str
    members: tuple[Member, ...]

    @property
    def others(self) -> tuple[Member, ...]:
        return tuple(m for m in self.members if not m.mine)

    @property
    def me(self) -> Member | None:
        return next((m for m in self.members if m.mine), None)

    @property
    def waiting_for_me(self) -> bool:
        me = self.me
        return self.status == "proposed" and me is not None and me.response == "pending"

    def name_of(self, participant_id: uuid.UUID | None) -> str:
        found = next((m for m in self.members if m.participant_id == participant_id), None)
        return found.name if found else "?"


@dataclass(frozen=True, slots=True)
class Attendee:
    participant_id: uuid.UUID | None
    role: str
    zone: str
    answer: str


@dataclass(frozen=True, slots=True)
class Place:
    name: str
    address: str
    notes: str


@dataclass(frozen=True, slots=True)
class MeetingView:
    """One meeting. ``member`` False: a manager's view (when and how, nothing else)."""

    id: uuid.UUID
    relationship_id: uuid.UUID
    programme_id: uuid.UUID
    starts_at: datetime
    ends_at: datetime
    duration_minutes: int
    mode: str
    cancelled: bool
    member: bool
    link: str | None
    link_pending: bool
    place: Place | None
    attendees: tuple[Attendee, ...]
    cancel_reason: str | None = None

    def answer_of(self, me: Iterable[uuid.UUID]) -> str | None:
        mine = set(me)
        return next((a.answer for a in self.attendees if a.participant_id in mine), None)

    def started(self, now: datetime) -> bool:
        return self.starts_at <= now


@dataclass(frozen=True, slots=True)
class AttendanceView:
    state: str
    outcome: str | None
    # (participant id, presence) of the record that counts
    marks: tuple[tuple[uuid.UUID | None, str], ...] = ()
    mode: str | None = None
    duration_minutes: int | None = None


@dataclass(frozen=True, slots=True)
class SlotTime:
    participant_id: uuid.UUID
    zone: str


@dataclass(frozen=True, slots=True)
class Slot:
    starts_at: datetime
    ends_at: datetime
    local: tuple[SlotTime, ...]


@dataclass(frozen=True, slots=True)
class Slots:
    """Meetings' proposals for the relationship's next planned activity (none: no
    activity is open, or nothing fits; ``blockers`` then say why in meetings' words)."""

    activity_id: uuid.UUID | None
    activity_name: str | None
    mode: str | None
    duration_minutes: int
    slots: tuple[Slot, ...] = ()
    blockers: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Feed:
    active: bool
    created_at: datetime | None
    url: str | None = None  # shown once, right after it was made
    webcal_url: str | None = None


def split(
    meetings: Iterable[MeetingView], now: datetime
) -> tuple[list[MeetingView], list[MeetingView]]:
    """Upcoming (not ended, soonest first) and past (latest first), cancelled included."""
    ordered = sorted(meetings, key=lambda m: m.starts_at)
    return [m for m in ordered if m.ends_at > now], [
        m for m in reversed(ordered) if m.ends_at <= now
    ]


class Refusal(StrEnum):
    """Why a page or a form was refused, each with its status and its own words."""

    NOT_FOUND = "not_found"  # not there, or not the viewer's (404, or 403 elsewhere)
    MANAGERS_CANNOT = "managers_cannot"  # a manager may read when and how, not act
    CONFLICT = "conflict"  # 409: not in a state that allows it
    BUSY = "busy"  # 409 member_busy
    NOT_STARTED = "not_started"  # 409: who came is recorded once the meeting has started
    INVALID = "invalid"  # 422: the service refused what was typed
    PAST = "past"  # the typed time has passed
    NO_SUCH_TIME = "no_such_time"  # the typed local time falls in a DST gap
    BAD_INPUT = "bad_input"  # a field missing or unreadable
    NO_PLACE = "no_place"  # face to face needs a place
    UNAVAILABLE = "unavailable"


STATUS: Mapping[Refusal, int] = {
    Refusal.NOT_FOUND: 404,
    Refusal.MANAGERS_CANNOT: 403,
    Refusal.CONFLICT: 409,
    Refusal.BUSY: 409,
    Refusal.NOT_STARTED: 409,
    Refusal.INVALID: 422,
    Refusal.PAST: 422,
    Refusal.NO_SUCH_TIME: 422,
    Refusal.BAD_INPUT: 422,
    Refusal.NO_PLACE: 422,
    Refusal.UNAVAILABLE: 503,
}


def refusal_of(status: int, code: str | None) -> Refusal:
    """A service's declared refusal in the page's terms."""
    if status == 409:
        if code == "meeting_not_started":
            return Refusal.NOT_STARTED
        return Refusal.BUSY if code == "member_busy" else Refusal.CONFLICT
    if status == 422:
        return Refusal.INVALID
    if status == 403 and code == "members_only":
        return Refusal.MANAGERS_CANNOT
    return Refusal.NOT_FOUND


@dataclass(frozen=True, slots=True)
class Typed:
    """A meeting's time and place as typed in a form, kept to show again on a refusal."""

    day: str = ""
    at: str = ""
    duration: str = "60"
    mode: str = "online"
    place_name: str = ""
    place_address: str = ""
    slot: str = ""
    activity_id: str = ""


class BadTime(Exception):
    def __init__(self, refusal: Refusal) -> None:
        super().__init__(refusal)
        self.refusal = refusal


def local_to_utc(day: str, at: str, zone: str) -> datetime:
    """``day`` (YYYY-MM-DD) at ``at`` (HH:MM) on the ``zone`` clock, as an aware instant.
    A wall time the clock skips (the spring-forward hour) is refused rather than moved;
    one it shows twice (the autumn hour) is its first showing."""
    try:
        local = datetime.combine(date.fromisoformat(day), time.fromisoformat(at))
    except ValueError as bad:
        raise BadTime(Refusal.BAD_INPUT) from bad
    instant = local.replace(tzinfo=ZoneInfo(zone)).astimezone(UTC)
    if instant.astimezone(ZoneInfo(zone)).replace(tzinfo=None) != local:
        raise BadTime(Refusal.NO_SUCH_TIME)
    # In UTC: an aware time in a repeated hour never equals one in another zone (PEP 495).
    return instant


def duration_of(text: str) -> int:
    try:
        minutes = int(text)
    except ValueError as bad:
        raise BadTime(Refusal.BAD_INPUT) from bad
    if not 1 <= minutes <= MAX_DURATION:
        raise BadTime(Refusal.BAD_INPUT)
    return minutes


def starts_at_of(typed: Typed, zone: str, now: datetime) -> datetime:
    """The instant a form asks for: a proposed slot's (an ISO instant), else the typed day
    and time in the viewer's zone; refused when it has passed."""
    if typed.slot:
        try:
            starts = datetime.fromisoformat(typed.slot)
        except ValueError as bad:
            raise BadTime(Refusal.BAD_INPUT) from bad
        if starts.tzinfo is None:
            raise BadTime(Refusal.BAD_INPUT)
    else:
        starts = local_to_utc(typed.day, typed.at, zone)
    if starts <= now:
        raise BadTime(Refusal.PAST)
    return starts


def as_typed(meeting: MeetingView, zone: str) -> Typed:
    """A meeting as the move form shows it first: its day and time on the viewer's clock."""
    local = meeting.starts_at.astimezone(ZoneInfo(zone))
    place = meeting.place
    return Typed(
        f"{local:%Y-%m-%d}",
        f"{local:%H:%M}",
        str(meeting.duration_minutes),
        meeting.mode,
        place.name if place else "",
        place.address if place else "",
    )
