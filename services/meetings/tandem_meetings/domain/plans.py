"""The blended plan: a programme's activities, and their instantiation for a relationship.

A programme's plan is a list of activities (key, name, mode, duration, window, maybe a
cadence). A window is relative to the relationship: ``anchor`` ``start`` (its first day),
``end`` (the instant after its last day), ``midpoint`` (the day halfway between) or
``start_to_end`` (``from_day`` counts from the start, ``to_day`` from the end), and the
window is ``[anchor + from_day, anchor + to_day)`` in whole days, at midnight in the
programme's reference time zone, clipped to the relationship. An activity with
``every_days`` repeats: its window is cut into consecutive windows of that many days,
one planned occurrence each (a last piece shorter than half the cadence is dropped: it
would put a session right after the one before).

Instantiating the plan for a relationship gives concrete planned activities; their
adaptation (online only, reach) is ``plan_settings``' business.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from enum import StrEnum
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from tandem_meetings.domain.policies import InvalidPlan

MAX_ACTIVITIES = 20
MAX_OCCURRENCES = 120  # of one repeating activity (a daily cadence over four months)
MAX_WINDOW_DAYS = 3650
MAX_EVERY_DAYS = 365
KEY_PATTERN = re.compile(r"^[a-z][a-z0-9_]{0,63}$")


class ActivityMode(StrEnum):
    ONLINE = "online"
    FACE_TO_FACE = "face_to_face"
    EITHER = "either"  # the members choose


class Anchor(StrEnum):
    START = "start"
    MIDPOINT = "midpoint"
    END = "end"
    START_TO_END = "start_to_end"


@dataclass(frozen=True, slots=True)
class ActivityWindow:
    anchor: Anchor
    from_day: int
    to_day: int


@dataclass(frozen=True, slots=True)
class Activity:
    key: str
    name: str
    mode: ActivityMode
    duration_minutes: int
    window: ActivityWindow
    every_days: int | None = None  # repeats at this cadence inside its window

    @property
    def repeats(self) -> bool:
        return self.every_days is not None


DEFAULT_ACTIVITIES: tuple[Activity, ...] = (
    Activity(
        "kick_off",
        "Kick-off",
        ActivityMode.FACE_TO_FACE,
        90,
        ActivityWindow(Anchor.START, 0, 14),
    ),
    Activity(
        "regular",
        "Regular session",
        ActivityMode.ONLINE,
        60,
        ActivityWindow(Anchor.START_TO_END, 14, -14),
        every_days=14,
    ),
    Activity(
        "midpoint_review",
        "Midpoint review",
        ActivityMode.FACE_TO_FACE,
        60,
        ActivityWindow(Anchor.MIDPOINT, -7, 7),
    ),
    Activity(
        "closing",
        "Closing",
        ActivityMode.FACE_TO_FACE,
        90,
        ActivityWindow(Anchor.END, -14, 0),
    ),
)


# --- checks ---------------------------------------------------------------------------


def check_activities(
    activities: Sequence[Activity], *, min_minutes: int, max_minutes: int
) -> tuple[Activity, ...]:
    """The activities if they make a plan; :class:`InvalidPlan` names the first fault."""
    if not 1 <= len(activities) <= MAX_ACTIVITIES:
        raise InvalidPlan(
            "activities_count", f"A plan has 1 to {MAX_ACTIVITIES} activities.", "activities"
        )
    seen: set[str] = set()
    for index, activity in enumerate(activities):
        at = f"activities.{index}"
        if not KEY_PATTERN.match(activity.key):
            raise InvalidPlan(
                "invalid_key", "A key is snake_case: a-z, 0-9 and _, at most 64.", f"{at}.key"
            )
        if activity.key in seen:
            raise InvalidPlan("duplicate_key", f"The key {activity.key!r} is used twice.", at)
        seen.add(activity.key)
        if not activity.name.strip():
            raise InvalidPlan("invalid_name", "An activity needs a name.", f"{at}.name")
        if not min_minutes <= activity.duration_minutes <= max_minutes:
            raise InvalidPlan(
                "duration_out_of_bounds",
                f"An activity lasts {min_minutes} to {max_minutes} minutes.",
                f"{at}.duration_minutes",
            )
        window = activity.window
        for name, value in (("from_day", window.from_day), ("to_day", window.to_day)):
            if abs(value) > MAX_WINDOW_DAYS:
                raise InvalidPlan(
                    "out_of_range",
                    f"A window's days lie within ±{MAX_WINDOW_DAYS}.",
                    f"{at}.window.{name}",
                )
        if window.anchor is not Anchor.START_TO_END and window.to_day <= window.from_day:
            raise InvalidPlan(
                "empty_window",
                "A window's to_day comes after its from_day.",
                f"{at}.window.to_day",
            )
        if activity.every_days is not None and not 1 <= activity.every_days <= MAX_EVERY_DAYS:
            raise InvalidPlan(
                "out_of_range",
                f"A cadence is every 1 to {MAX_EVERY_DAYS} days.",
                f"{at}.every_days",
            )
    return tuple(activities)


# --- the stored form -------------------------------------------------------------------


def activities_json(activities: Iterable[Activity]) -> list[dict[str, object]]:
    return [
        {
            "key": a.key,
            "name": a.name,
            "mode": a.mode.value,
            "duration_minutes": a.duration_minutes,
            "anchor": a.window.anchor.value,
            "from_day": a.window.from_day,
            "to_day": a.window.to_day,
            "every_days": a.every_days,
        }
        for a in activities
    ]


def activities_from_json(data: object) -> tuple[Activity, ...]:
    if not isinstance(data, list):
        return DEFAULT_ACTIVITIES
    activities = []
    for item in data:
        every = item.get("every_days")
        activities.append(
            Activity(
                key=str(item["key"]),
                name=str(item["name"]),
                mode=ActivityMode(item["mode"]),
                duration_minutes=int(item["duration_minutes"]),
                window=ActivityWindow(
                    Anchor(item["anchor"]), int(item["from_day"]), int(item["to_day"])
                ),
                every_days=int(every) if every is not None else None,
            )
        )
    return tuple(activities)


# --- instantiation ---------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class RelationshipDays:
    """A relationship's days in its programme's reference zone: ``starts_on`` to
    ``agreed_end_date``, both included."""

    starts_on: date
    agreed_end_date: date
    time_zone: str

    @property
    def end_day(self) -> date:
        return max(self.agreed_end_date, self.starts_on) + timedelta(days=1)

    def midnight(self, day: date) -> datetime:
        """That day's 00:00 in the programme's zone, in UTC."""
        try:
            zone = ZoneInfo(self.time_zone)
        except (ZoneInfoNotFoundError, ValueError):
            zone = ZoneInfo("UTC")
        return datetime.combine(day, time(0), tzinfo=zone).astimezone(UTC)

    def days(self, window: ActivityWindow) -> tuple[date, date] | None:
        """The window's first day and the day after its last, clipped; None if empty."""
        start, end = self.starts_on, self.end_day
        if window.anchor is Anchor.START:
            a, b = start + timedelta(window.from_day), start + timedelta(window.to_day)
        elif window.anchor is Anchor.END:
            a, b = end + timedelta(window.from_day), end + timedelta(window.to_day)
        elif window.anchor is Anchor.MIDPOINT:
            middle = start + timedelta((end - start).days // 2)
            a, b = middle + timedelta(window.from_day), middle + timedelta(window.to_day)
        else:
            a, b = start + timedelta(window.from_day), end + timedelta(window.to_day)
        a, b = max(a, start), min(b, end)
        return (a, b) if a < b else None


@dataclass(frozen=True, slots=True)
class Occurrence:
    """One planned occurrence of an activity: ``occurrence`` 0 for a one-off."""

    activity: Activity
    occurrence: int
    window_start: datetime
    window_end: datetime


def series_days(first: date, last: date, every_days: int) -> list[tuple[date, date]]:
    """``[first, last)`` cut into windows of ``every_days`` (a short tail dropped)."""
    pieces: list[tuple[date, date]] = []
    day = first
    while day < last and len(pieces) < MAX_OCCURRENCES:
        end = min(day + timedelta(every_days), last)
        if (end - day).days * 2 >= every_days or not pieces:
            pieces.append((day, end))
        day = end
    return pieces


def occurrences(
    activities: Iterable[Activity], span: RelationshipDays, *, cadence_days: int | None = None
) -> list[Occurrence]:
    """Every activity's occurrences for this relationship, in window order. A cadence
    (the relationship's agreement) replaces every repeating activity's own."""
    found: list[Occurrence] = []
    for activity in activities:
        days = span.days(activity.window)
        if days is None:
            continue
        if activity.every_days is None:
            found.append(Occurrence(activity, 0, span.midnight(days[0]), span.midnight(days[1])))
            continue
        every = cadence_days or activity.every_days
        for n, (a, b) in enumerate(series_days(days[0], days[1], every)):
            found.append(Occurrence(activity, n, span.midnight(a), span.midnight(b)))
    return sorted(found, key=lambda o: (o.window_start, o.activity.key, o.occurrence))


@lru_cache(maxsize=1024)
def remembered_occurrences(
    activities: tuple[Activity, ...], span: RelationshipDays, cadence_days: int | None
) -> tuple[Occurrence, ...]:
    """:func:`occurrences`, remembered: a match run starts hundreds of relationships on the
    same days in one programme, and each would work out the same windows (immutable)."""
    return tuple(occurrences(activities, span, cadence_days=cadence_days))


@dataclass(frozen=True, slots=True)
class Replan:
    """A repeating activity's new occurrences after a cadence change, numbered after the
    ones kept, from ``starts`` on."""

    starts: datetime
    new: tuple[Occurrence, ...]


def replan_series(
    activity: Activity,
    span: RelationshipDays,
    cadence_days: int,
    *,
    kept: Sequence[tuple[int, datetime]],
    last_occurrence: int,
    today: date,
) -> Replan | None:
    """The occurrences of a repeating ``activity`` at a new cadence, from the end of the
    last kept occurrence's window (``kept``: (occurrence, window_end) of those scheduled
    or already open) or from ``today``, whichever is later, to the window's end."""
    days = span.days(activity.window)
    if days is None or activity.every_days is None:
        return None
    first = max(days[0], today)
    if kept:
        last_end = max(end for _, end in kept)
        first = max(first, _day_in(span, last_end))
    start = span.midnight(first)
    new = tuple(
        Occurrence(activity, last_occurrence + 1 + n, span.midnight(a), span.midnight(b))
        for n, (a, b) in enumerate(series_days(first, days[1], cadence_days))
    )
    return Replan(starts=start, new=new)


def _day_in(span: RelationshipDays, moment: datetime) -> date:
    """The programme-zone day on which ``moment`` falls, rounded up past midnight."""
    day = moment.date()
    for candidate in (day - timedelta(1), day, day + timedelta(1)):
        if span.midnight(candidate) >= moment:
            return candidate
    return day + timedelta(2)


def local_day(span: RelationshipDays, moment: datetime) -> date:
    """The programme-zone calendar day of ``moment``."""
    try:
        zone = ZoneInfo(span.time_zone)
    except (ZoneInfoNotFoundError, ValueError):
        zone = ZoneInfo("UTC")
    return moment.astimezone(zone).date()


# --- a relationship's planned activities -------------------------------------------------


class ActivityState(StrEnum):
    UPCOMING = "upcoming"  # its window has not opened
    OPEN = "open"  # its window is open, nothing scheduled
    SCHEDULED = "scheduled"  # a meeting is scheduled for it
    HELD = "held"  # its meeting has ended
    MISSED = "missed"  # its window closed with nothing scheduled


@dataclass(frozen=True, slots=True)
class PlannedActivity:
    id: uuid.UUID
    relationship_id: uuid.UUID
    programme_id: uuid.UUID
    key: str
    occurrence: int
    name: str
    planned_mode: ActivityMode  # as the programme's plan says
    mode: ActivityMode  # for this relationship (adapted: online)
    duration_minutes: int
    window_start: datetime
    window_end: datetime
    repeats: bool
    adaptation: str | None  # plan_settings.Adaptation code, if adapted
    created_at: datetime

    @property
    def adapted(self) -> bool:
        return self.adaptation is not None


@dataclass(frozen=True, slots=True)
class Proposal:
    planned_activity_id: uuid.UUID
    rank: int  # 1 is the best
    starts_at: datetime
    ends_at: datetime


def planned(
    occurrence: Occurrence,
    *,
    relationship_id: uuid.UUID,
    programme_id: uuid.UUID,
    mode: ActivityMode,
    adaptation: str | None,
    now: datetime,
    new_id: Callable[[], uuid.UUID] = uuid.uuid4,
) -> PlannedActivity:
    activity = occurrence.activity
    return PlannedActivity(
        id=new_id(),
        relationship_id=relationship_id,
        programme_id=programme_id,
        key=activity.key,
        occurrence=occurrence.occurrence,
        name=activity.name,
        planned_mode=activity.mode,
        mode=mode,
        duration_minutes=activity.duration_minutes,
        window_start=occurrence.window_start,
        window_end=occurrence.window_end,
        repeats=activity.repeats,
        adaptation=adaptation,
        created_at=now,
    )


def state_of(
    activity: PlannedActivity, meeting: tuple[datetime, datetime] | None, now: datetime
) -> ActivityState:
    """From its scheduled meeting's (start, end), if any, and the time."""
    if meeting is not None:
        return ActivityState.HELD if meeting[1] <= now else ActivityState.SCHEDULED
    if now >= activity.window_end:
        return ActivityState.MISSED
    if now < activity.window_start:
        return ActivityState.UPCOMING
    return ActivityState.OPEN


def first_to_propose(activities: Sequence[PlannedActivity]) -> PlannedActivity | None:
    """The relationship's first activity (the kick-off in the default plan): the earliest
    window, a one-off before a repeating one that opens the same day."""
    if not activities:
        return None
    return min(activities, key=lambda a: (a.window_start, a.repeats, a.key, a.occurrence))
