"""The records of slot search: what is asked (members, window, rules) and what is answered.

Re-exported by ``tandem_meetings.domain.slots``; import them from there.
"""

from __future__ import annotations

import math
import uuid
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta

from tandem_contracts.common import Role
from tandem_meetings.domain.local_time import Interval, to_seconds, zone

MINUTES_PER_DAY = 24 * 60


class SlotQueryError(ValueError):
    """A query that cannot be asked (the caller's input is wrong, not the calendars)."""


def _seconds(moment: datetime) -> float:
    try:
        return to_seconds(moment)
    except ValueError as error:
        raise SlotQueryError(str(error)) from error


def _minute_of(moment: time, what: str) -> int:
    if moment.tzinfo is not None:
        raise SlotQueryError(f"{what} is a wall time: it takes no time zone")
    if moment.second or moment.microsecond:
        raise SlotQueryError(f"{what} must be a whole minute, not {moment.isoformat()}")
    return moment.hour * 60 + moment.minute


def parse_wall_time(text: str) -> time:
    """``"HH:MM"`` as a ``time``; ``"24:00"`` is ``time(0)``, which ends a day."""
    hours, _, minutes = text.partition(":")
    if not (hours.isdigit() and minutes.isdigit() and len(minutes) == 2):
        raise SlotQueryError(f"{text!r} is not a wall time HH:MM")
    if (int(hours), int(minutes)) == (24, 0):
        return time(0)
    if int(hours) > 23 or int(minutes) > 59:
        raise SlotQueryError(f"{text!r} is not a wall time HH:MM")
    return time(int(hours), int(minutes))


@dataclass(frozen=True, slots=True)
class WeeklyWindow:
    """A weekly stretch of a member's own wall clock: ``weekday`` 0 = Monday.

    ``end == time(0)`` means 24:00 (the window runs to midnight); otherwise ``end`` is
    after ``start`` on the same day. A window and the next day's from 00:00 join.
    """

    weekday: int
    start: time
    end: time

    def __post_init__(self) -> None:
        if not 0 <= self.weekday <= 6:
            raise SlotQueryError(f"weekday {self.weekday} is not 0 (Monday) to 6 (Sunday)")
        if self.end_minute <= self.start_minute:
            raise SlotQueryError(
                f"the window {self.start:%H:%M}–{self.end:%H:%M} ends before it starts"
            )

    @classmethod
    def parse(cls, weekday: int, start: str, end: str) -> WeeklyWindow:
        """From the contract's ``HH:MM`` texts (``end`` may be ``"24:00"``)."""
        return cls(weekday, parse_wall_time(start), parse_wall_time(end))

    @property
    def start_minute(self) -> int:
        return _minute_of(self.start, "a window's start")

    @property
    def end_minute(self) -> int:
        minute = _minute_of(self.end, "a window's end")
        return minute or MINUTES_PER_DAY


@dataclass(frozen=True, slots=True)
class MeetingHours:
    """The programme's meeting hours, applied to each member's own wall clock every day.

    ``end == time(0)`` means 24:00; an ``end`` before ``start`` runs past midnight
    (22:00–02:00); ``start == end`` is the whole day.
    """

    start: time
    end: time

    def minute_intervals(self) -> tuple[Interval, ...]:
        """``[a, b)`` minute-of-day intervals within 0..1440."""
        a = _minute_of(self.start, "the meeting hours' start")
        b = _minute_of(self.end, "the meeting hours' end") or MINUTES_PER_DAY
        if a == b % MINUTES_PER_DAY:
            return ((0, MINUTES_PER_DAY),)
        if a < b:
            return ((a, b),)
        return ((0, b), (a, MINUTES_PER_DAY))


@dataclass(frozen=True, slots=True)
class MemberCalendar:
    """One member as the search sees them; ``label`` is how reasons name them
    ("the mentor", "Ana"); ``busy`` holds aware ``(start, end)`` pairs."""

    participant_id: uuid.UUID
    role: Role
    label: str
    time_zone: str
    availability: tuple[WeeklyWindow, ...]
    busy: tuple[tuple[datetime, datetime], ...] = ()
    # the busy times as whole seconds since the epoch (start floored, end ceiled), computed
    # once while they are checked, so that every search of this member reuses them
    busy_seconds: tuple[Interval, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        try:
            zone(self.time_zone)
        except (KeyError, ValueError) as error:
            raise SlotQueryError(f"{self.time_zone!r} is not an IANA time zone") from error
        seconds = []
        for start, end in self.busy:
            begin, finish = _seconds(start), _seconds(end)
            if finish < begin:
                raise SlotQueryError(f"a busy time of {self.label} ends before it starts")
            seconds.append((math.floor(begin), math.ceil(finish)))
        object.__setattr__(self, "busy_seconds", tuple(seconds))


@dataclass(frozen=True, slots=True)
class Quorum:
    """Who must be able to come: everyone (``min_mentees is None``), or every mentor and at
    least ``min_mentees`` of the mentees."""

    min_mentees: int | None = None

    def __post_init__(self) -> None:
        if self.min_mentees is not None and self.min_mentees < 0:
            raise SlotQueryError("a quorum counts zero or more mentees")

    @classmethod
    def everyone(cls) -> Quorum:
        return cls(None)

    @classmethod
    def mentor_and(cls, mentees: int) -> Quorum:
        return cls(mentees)


def _whole_seconds(span: timedelta) -> int:
    return math.ceil(span.total_seconds())


@dataclass(frozen=True, slots=True)
class SlotQuery:
    """One search. Candidate starts are the instants at whole multiples of ``step`` since
    1970-01-01T00:00Z (for 15 minutes: :00, :15, :30, :45 of every UTC hour, which are
    quarter-hours on every clock in use, all offsets being multiples of 15 minutes).
    ``comfortable_hours`` (default: the meeting hours less one hour at each end) only
    ranks, it never excludes."""

    members: tuple[MemberCalendar, ...]
    window_start: datetime
    window_end: datetime
    duration: timedelta
    now: datetime
    min_notice: timedelta
    buffer: timedelta
    meeting_hours: MeetingHours
    quorum: Quorum = field(default_factory=Quorum.everyone)
    step: timedelta = timedelta(minutes=15)
    limit: int = 3
    comfortable_hours: MeetingHours | None = None

    def __post_init__(self) -> None:
        for moment in (self.window_start, self.window_end, self.now):
            _seconds(moment)
        if not self.members:
            raise SlotQueryError("a search needs at least one member")
        if len({member.participant_id for member in self.members}) != len(self.members):
            raise SlotQueryError("a member appears twice")
        if self.duration <= timedelta(0) or self.step <= timedelta(0):
            raise SlotQueryError("the duration and the step must be positive")
        if self.min_notice < timedelta(0) or self.buffer < timedelta(0):
            raise SlotQueryError("the minimum notice and the buffer cannot be negative")
        if self.limit < 1:
            raise SlotQueryError("a search returns at least one slot")
        self.meeting_hours.minute_intervals()  # validates its times

    @property
    def duration_seconds(self) -> int:
        return _whole_seconds(self.duration)

    @property
    def step_seconds(self) -> int:
        return _whole_seconds(self.step)

    @property
    def min_notice_seconds(self) -> int:
        return _whole_seconds(self.min_notice)

    @property
    def buffer_seconds(self) -> int:
        return _whole_seconds(self.buffer)

    @property
    def comfort(self) -> MeetingHours:
        if self.comfortable_hours is not None:
            return self.comfortable_hours
        return trimmed(self.meeting_hours, 60)


def trimmed(hours: MeetingHours, minutes: int) -> MeetingHours:
    """``hours`` less ``minutes`` at each end (unchanged when that leaves nothing)."""
    intervals = hours.minute_intervals()
    a = intervals[-1][0] if len(intervals) == 2 else intervals[0][0]
    length = sum(end - start for start, end in intervals)
    if length <= 2 * minutes or length == MINUTES_PER_DAY:
        return hours
    start = (a + minutes) % MINUTES_PER_DAY
    end = (a + length - minutes) % MINUTES_PER_DAY
    return MeetingHours(time(start // 60, start % 60), time(end // 60, end % 60))


@dataclass(frozen=True, slots=True)
class LocalTime:
    """A slot on one member's clock (aware datetimes in their zone)."""

    participant_id: uuid.UUID
    time_zone: str
    start_local: datetime
    end_local: datetime
    utc_offset_minutes: int


@dataclass(frozen=True, slots=True)
class Slot:
    """A proposed time (UTC), who can come, and every member's local time.

    ``score`` is minus the slot's discomfort (``slot_ranking``): 0 is perfect."""

    start: datetime
    end: datetime
    attendees: tuple[uuid.UUID, ...]
    local: tuple[LocalTime, ...]
    score: float


@dataclass(frozen=True, slots=True)
class Blocker:
    """Why nothing fits, naming who blocks; ``code`` is stable, ``reason`` is for people."""

    code: str
    participant_ids: tuple[uuid.UUID, ...]
    reason: str


@dataclass(frozen=True, slots=True)
class SlotSearch:
    slots: tuple[Slot, ...]
    blockers: tuple[Blocker, ...]
