"""Participant profiles and programme policy: the inputs of the matching engine.

Everything here is a frozen dataclass so that a profile can be hashed, shared between
threads and passed to a worker process unchanged. The service layer converts its API
schemas to these; the engine never sees a database row.

Time: availability windows are written in the participant's own time zone. They are
converted to UTC *minute-of-week* for one reference week (``ProgrammePolicy.reference_week``)
with :mod:`zoneinfo`, so that daylight-saving time is applied as it is in that week. The
engine works on a 15-minute grid; a window is shrunk to the grid (start rounded up, end
rounded down) so that the engine never claims availability a person did not state.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from functools import lru_cache
from uuid import UUID
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

# One Role, Modality and Reach across the service: the contracts' (the events carry them),
# re-exported for the engine.
from tandem_contracts.common import Modality as Modality
from tandem_contracts.common import Reach as Reach
from tandem_contracts.common import Role as Role

SLOT_MINUTES = 15
MINUTES_PER_WEEK = 7 * 24 * 60
SLOTS_PER_WEEK = MINUTES_PER_WEEK // SLOT_MINUTES  # 672

_HHMM = re.compile(r"^([01]\d|2[0-4]):([0-5]\d)$")


class FormatPreference(StrEnum):
    PAIR = "pair"
    GROUP = "group"
    EITHER = "either"


class FormatsOffered(StrEnum):
    PAIR = "pair"
    GROUP = "group"
    BOTH = "both"


class CountryPolicy(StrEnum):
    ANY = "any"
    SAME_COUNTRY = "same_country"
    CROSS_COUNTRY = "cross_country"


class Criterion(StrEnum):
    """Soft criteria; each has a per-programme weight."""

    SKILLS_GOALS = "skills_goals"
    SECTOR = "sector"
    AVAILABILITY = "availability"
    LANGUAGE_CULTURE = "language_culture"
    FORMAT_MODALITY = "format_modality"


class HardConstraint(StrEnum):
    """Reasons a pair may never be matched. The first three can be switched off per
    programme (``ProgrammePolicy.hard``); country is governed by ``country_policy``; the
    rest always hold."""

    LANGUAGE = "language"
    AVAILABILITY = "availability"
    FACE_TO_FACE = "face_to_face"
    COUNTRY = "country"
    CAPACITY = "capacity"
    EXCLUSION = "exclusion"
    SELF = "self"
    DUPLICATE = "duplicate"
    ROLE = "role"
    UNKNOWN = "unknown"


SWITCHABLE_HARD = frozenset(
    {HardConstraint.LANGUAGE, HardConstraint.AVAILABILITY, HardConstraint.FACE_TO_FACE}
)

DEFAULT_WEIGHTS: Mapping[Criterion, float] = {
    Criterion.SKILLS_GOALS: 0.35,
    Criterion.SECTOR: 0.15,
    Criterion.AVAILABILITY: 0.20,
    Criterion.LANGUAGE_CULTURE: 0.15,
    Criterion.FORMAT_MODALITY: 0.15,
}


@lru_cache(maxsize=2048)
def _parse_hhmm(text: str) -> int:
    m = _HHMM.match(text)
    if m is None:
        raise ValueError(f"time must be HH:MM, got {text!r}")
    minutes = int(m.group(1)) * 60 + int(m.group(2))
    if minutes > 24 * 60:
        raise ValueError(f"time after 24:00: {text!r}")
    return minutes


@dataclass(frozen=True, slots=True)
class AvailabilityWindow:
    """A weekly window in local time: weekday 0=Monday..6=Sunday, [start, end)."""

    weekday: int
    start: str
    end: str
    start_minute: int = field(init=False, repr=False, compare=False)
    end_minute: int = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if not 0 <= self.weekday <= 6:
            raise ValueError(f"weekday must be 0..6, got {self.weekday}")
        start, end = _parse_hhmm(self.start), _parse_hhmm(self.end)
        if start >= end:
            raise ValueError(f"window must end after it starts: {self.start}-{self.end}")
        object.__setattr__(self, "start_minute", start)
        object.__setattr__(self, "end_minute", end)


@lru_cache(maxsize=1024)
def zone(name: str) -> ZoneInfo:
    """A cached ZoneInfo; raises ValueError for an unknown IANA name."""
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise ValueError(f"unknown IANA time zone {name!r}") from exc


@dataclass(frozen=True, slots=True)
class Profile:
    """One mentor or mentee of a programme, as the matching engine sees them.

    ``languages`` is ordered: the first is the participant's preferred working language.
    ``skills`` is read for mentors, ``goals`` for mentees (same vocabulary, e.g. ``cv``,
    ``interviews``, ``networking``, ``changing_sector``, ``starting_business``).
    ``capacity`` is how many mentees a mentor takes (ignored for mentees).
    """

    id: UUID
    role: Role
    country: str
    timezone: str
    languages: tuple[str, ...]
    availability: tuple[AvailabilityWindow, ...] = ()
    city: str | None = None
    sector: str | None = None
    skills: frozenset[str] = field(default_factory=frozenset)
    goals: frozenset[str] = field(default_factory=frozenset)
    preferred_format: FormatPreference = FormatPreference.EITHER
    modality: Modality = Modality.ONLINE_ONLY
    capacity: int = 1
    linkedin_url: str | None = None
    linkedin_consent: bool = False

    def __post_init__(self) -> None:
        if len(self.country) != 2 or not self.country.isalpha() or not self.country.isupper():
            raise ValueError(f"country must be an ISO 3166-1 alpha-2 code, got {self.country!r}")
        zone(self.timezone)
        if len(set(self.languages)) != len(self.languages):  # keep the first occurrence
            object.__setattr__(self, "languages", tuple(dict.fromkeys(self.languages)))
        if self.capacity < 0:
            raise ValueError("capacity must be >= 0")

    @property
    def face_to_face_capable(self) -> bool:
        """A mentor who can meet in person (and therefore also online)."""
        return self.modality is not Modality.ONLINE_ONLY

    @property
    def requires_face_to_face(self) -> bool:
        return self.modality is Modality.FACE_TO_FACE

    @property
    def shown_linkedin_url(self) -> str | None:
        """The LinkedIn URL only when its owner consented to share it."""
        return self.linkedin_url if self.linkedin_consent else None


@dataclass(frozen=True, slots=True)
class ProgrammePolicy:
    """How one programme matches.

    ``weights`` are normalised to sum to 1, so a pair score is always in [0, 1].
    ``saturation_hours``: weekly overlap beyond which more shared time adds nothing.
    ``group_size``: (min, max) mentees per group when groups are formed.
    """

    weights: Mapping[Criterion, float] = field(default_factory=lambda: dict(DEFAULT_WEIGHTS))
    hard: frozenset[HardConstraint] = SWITCHABLE_HARD
    min_overlap_hours: float = 2.0
    saturation_hours: float = 6.0
    reach: Reach = Reach.SAME_CITY
    country_policy: CountryPolicy = CountryPolicy.ANY
    formats: FormatsOffered = FormatsOffered.PAIR
    group_size: tuple[int, int] = (3, 6)
    reference_week: dt.date = dt.date(2025, 3, 3)

    def __post_init__(self) -> None:
        unknown = set(self.weights) - set(Criterion)
        if unknown:
            raise ValueError(f"unknown criteria in weights: {sorted(map(str, unknown))}")
        if any(w < 0 for w in self.weights.values()):
            raise ValueError("weights must be >= 0")
        if sum(self.weights.values()) <= 0:
            raise ValueError("at least one weight must be positive")
        bad = set(self.hard) - SWITCHABLE_HARD
        if bad:
            raise ValueError(f"only {sorted(SWITCHABLE_HARD)} can be chosen as hard, got {bad}")
        if self.min_overlap_hours < 0 or self.saturation_hours <= 0:
            raise ValueError("min_overlap_hours must be >= 0 and saturation_hours > 0")
        low, high = self.group_size
        if not 2 <= low <= high:
            raise ValueError("group_size must satisfy 2 <= min <= max")
        if self.reference_week.weekday() != 0:
            raise ValueError("reference_week must be a Monday")
        # Normalise once; frozen, so go through object.__setattr__.
        total = sum(self.weights.values())
        normalised = {c: float(self.weights.get(c, 0.0)) / total for c in Criterion}
        object.__setattr__(self, "weights", normalised)

    def weight(self, criterion: Criterion) -> float:
        return self.weights[criterion]

    def is_hard(self, constraint: HardConstraint) -> bool:
        return constraint in self.hard

    @property
    def min_overlap_slots(self) -> int:
        """The minimum overlap in grid slots (rounded up: a hard floor is never lowered)."""
        return -(-round(self.min_overlap_hours * 60) // SLOT_MINUTES)


def utc_intervals(
    windows: Iterable[AvailabilityWindow], tz_name: str, reference_week: dt.date
) -> tuple[tuple[int, int], ...]:
    """Windows as sorted, merged UTC slot intervals [start, end) on the weekly grid.

    A window that crosses the UTC week boundary is split; the result never exceeds
    ``SLOTS_PER_WEEK``.
    """
    slots: list[tuple[int, int]] = []
    for w in windows:
        slots.extend(window_slots(w.weekday, w.start_minute, w.end_minute, tz_name, reference_week))
    slots.sort()
    merged: list[tuple[int, int]] = []
    for s, e in slots:
        if merged and s <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], e))
        else:
            merged.append((s, e))
    return tuple(merged)


@lru_cache(maxsize=65536)
def window_slots(
    weekday: int, start: int, end: int, tz_name: str, reference_week: dt.date
) -> tuple[tuple[int, int], ...]:
    """One local window (minutes of its weekday) as UTC slot intervals of the grid (one, or
    two when it crosses the end of the UTC week; none when shorter than a slot). Cached:
    a programme's windows repeat."""
    tz = zone(tz_name)
    # Aware-datetime arithmetic is wall-clock arithmetic, so the offset that applies is the
    # one of that local time in the reference week (daylight-saving time included).
    local = dt.datetime.combine(reference_week, dt.time(), tzinfo=tz) + dt.timedelta(
        days=weekday, minutes=start
    )
    week0 = dt.datetime.combine(reference_week, dt.time(), tzinfo=dt.UTC)
    s = int((local - week0).total_seconds() // 60)
    e = s + (end - start)  # the stated duration is kept across a DST change
    first = -(-s // SLOT_MINUTES)  # round the start up ...
    last = e // SLOT_MINUTES  # ... and the end down: never invent availability
    if last <= first:
        return ()
    first_mod = first % SLOTS_PER_WEEK
    stop = first_mod + (last - first)
    if stop <= SLOTS_PER_WEEK:
        return ((first_mod, stop),)
    return ((first_mod, SLOTS_PER_WEEK), (0, stop - SLOTS_PER_WEEK))
