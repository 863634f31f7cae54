"""Participants' profiles as meetings keeps them, and their weekly availability.

Matching owns profiles; its ``participant.registered/updated`` events carry the facts
meetings schedules with (role, country, availability, modality, goals). A participant
may override their weekly availability here, for meetings only: the override wins
while it is set, and deleting it returns to matching's copy. Windows are weekly, in
the participant's own time zone (the directory's contact), minutes since midnight,
``end`` up to 24:00.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from uuid import UUID

from tandem_contracts.common import Modality

MAX_WINDOWS = 50
MINUTES_PER_DAY = 24 * 60
_HH_MM = re.compile(r"^([01]\d|2[0-4]):([0-5]\d)$")


class AvailabilitySource(StrEnum):
    MATCHING = "matching"  # the copy carried by matching's participant events
    OVERRIDE = "override"  # set by the participant here


@dataclass(frozen=True, slots=True, order=True)
class AvailabilityWindow:
    """One weekly window: ``weekday`` 0 = Monday, minutes since local midnight."""

    weekday: int
    start_minute: int
    end_minute: int

    @property
    def start(self) -> str:
        return _clock_text(self.start_minute)

    @property
    def end(self) -> str:
        return _clock_text(self.end_minute)


@dataclass(frozen=True, slots=True)
class Profile:
    """What meetings knows of a participant's profile; ``override`` None: not set."""

    participant_id: UUID
    programme_id: UUID
    role: str
    country: str
    modality: Modality
    goals: tuple[str, ...]
    availability: tuple[AvailabilityWindow, ...]  # matching's copy
    override: tuple[AvailabilityWindow, ...] | None = None
    updated_at: datetime | None = None

    @property
    def source(self) -> AvailabilitySource:
        return AvailabilitySource.MATCHING if self.override is None else AvailabilitySource.OVERRIDE

    @property
    def windows(self) -> tuple[AvailabilityWindow, ...]:
        """The effective availability: the override if set, else matching's copy."""
        return self.availability if self.override is None else self.override


@dataclass(frozen=True, slots=True)
class Availability:
    """A participant's effective weekly availability and where it comes from."""

    participant_id: UUID
    programme_id: UUID
    source: AvailabilitySource
    windows: tuple[AvailabilityWindow, ...]
    time_zone: str
    updated_at: datetime | None


class InvalidWindows(ValueError):
    """Windows that cannot be an availability; ``errors`` says which and why."""

    def __init__(self, errors: Sequence[tuple[int | None, str]]) -> None:
        super().__init__("; ".join(message for _, message in errors))
        self.errors = tuple(errors)


def minute_of(text: str) -> int:
    """``"HH:MM"`` (``24:00`` allowed) as minutes since midnight; ValueError otherwise."""
    found = _HH_MM.match(text)
    if found is None:
        raise ValueError(f"{text!r} is not a time of day as HH:MM")
    minute = int(found.group(1)) * 60 + int(found.group(2))
    if minute > MINUTES_PER_DAY:
        raise ValueError(f"{text!r} is after 24:00")
    return minute


def _clock_text(minute: int) -> str:
    return f"{minute // 60:02d}:{minute % 60:02d}"


def window_of(weekday: int, start: str, end: str) -> AvailabilityWindow:
    """A window from matching's or a client's text form, unchecked for order."""
    return AvailabilityWindow(weekday, minute_of(start), minute_of(end))


def override_windows(
    windows: Iterable[tuple[int, str, str]],
) -> tuple[AvailabilityWindow, ...]:
    """A participant's override, checked: times as HH:MM, each end after its start, no
    two windows of a day overlapping, at most :data:`MAX_WINDOWS`; sorted.

    Raises :class:`InvalidWindows` naming every window at fault (by its index).
    """
    given = list(windows)
    errors: list[tuple[int | None, str]] = []
    if len(given) > MAX_WINDOWS:
        errors.append((None, f"at most {MAX_WINDOWS} windows, not {len(given)}"))
    parsed: list[tuple[int, AvailabilityWindow]] = []
    for index, (weekday, start, end) in enumerate(given):
        if not 0 <= weekday <= 6:
            errors.append((index, f"weekday {weekday} is not 0 (Monday) to 6 (Sunday)"))
            continue
        try:
            window = window_of(weekday, start, end)
        except ValueError as error:
            errors.append((index, str(error)))
            continue
        if window.end_minute <= window.start_minute:
            errors.append((index, f"ends at {end}, not after its start {start}"))
            continue
        parsed.append((index, window))
    ordered = sorted(parsed, key=lambda item: item[1])
    for (_, before), (index, after) in itertools.pairwise(ordered):
        if before.weekday == after.weekday and after.start_minute < before.end_minute:
            errors.append(
                (
                    index,
                    f"{after.start}-{after.end} overlaps {before.start}-{before.end} "
                    f"on weekday {after.weekday}",
                )
            )
    if errors:
        raise InvalidWindows(errors)
    return tuple(window for _, window in ordered)


def matching_windows(windows: Iterable[tuple[int, str, str]]) -> tuple[AvailabilityWindow, ...]:
    """Matching's copy as it came (its contract validated the text): sorted, and windows
    that end before they start dropped rather than failing the event."""
    kept = [window_of(*window) for window in windows]
    return tuple(sorted(w for w in kept if w.end_minute > w.start_minute))
