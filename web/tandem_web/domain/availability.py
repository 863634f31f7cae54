"""A participant's weekly availability for meetings as the editor shows it: rows of a
weekday and two local times. Meetings keeps windows as local wall-clock times in the
person's own zone (not UTC), so 18:00 stays 18:00 across a daylight-saving change and
the editor shows and takes them as they are; meetings turns them into instants per date
when it proposes slots."""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

WEEKDAYS = range(7)  # 0 = Monday … 6 = Sunday, as meetings counts them
MAX_ROWS = 50  # meetings' own limit of windows
_CLOCK = re.compile(r"^\d{1,2}[:.]\d{2}$")


@dataclass(frozen=True, slots=True)
class Row:
    """One row of the editor as typed (texts, so that a wrong one is shown as it was)."""

    weekday: str = "0"
    start: str = ""
    end: str = ""

    @property
    def blank(self) -> bool:
        return not self.start.strip() and not self.end.strip()


class AvailabilityShown(StrEnum):
    SHOWN = "shown"
    MISSING = "missing"  # not a mentor or mentee of this programme in meetings (403/404)
    UNAVAILABLE = "unavailable"


STATUS = {
    AvailabilityShown.SHOWN: 200,
    AvailabilityShown.MISSING: 404,
    AvailabilityShown.UNAVAILABLE: 503,
}


@dataclass(frozen=True, slots=True)
class Availability:
    programme_id: uuid.UUID
    source: str  # "override": set here; "matching": the profile's
    time_zone: str
    rows: tuple[Row, ...]


@dataclass(frozen=True, slots=True)
class AvailabilityPage:
    shown: AvailabilityShown
    programme_id: uuid.UUID
    availability: Availability | None = None
    # row index -> why meetings (or the form) did not take it; -1: the whole list
    errors: Mapping[int, str] = field(default_factory=dict)

    @property
    def status(self) -> int:
        if self.shown is AvailabilityShown.SHOWN and self.errors:
            return 422
        return STATUS[self.shown]


def clock(text: str) -> str:
    """A typed time as meetings' HH:MM ("9:30" and "9.30" become "09:30"); anything
    else is left for meetings to refuse, as typed."""
    text = text.strip()
    if _CLOCK.match(text):
        hours, minutes = re.split(r"[:.]", text)
        return f"{int(hours):02d}:{minutes}"
    return text


def rows_of(
    weekdays: Sequence[str], starts: Sequence[str], ends: Sequence[str], removed: Iterable[str]
) -> list[Row]:
    """The form's rows, those ticked "remove" left out."""
    gone = set(removed)
    count = min(MAX_ROWS + 1, max(len(weekdays), len(starts), len(ends)))

    def at(values: Sequence[str], i: int) -> str:
        return values[i] if i < len(values) else ""

    return [
        Row(at(weekdays, i) or "0", at(starts, i), at(ends, i))
        for i in range(count)
        if str(i) not in gone
    ]


def windows_of(rows: Sequence[Row]) -> tuple[list[tuple[int, str, str]], list[int], dict[int, str]]:
    """The windows to send (blank rows skipped), the row each came from, and the rows
    wrong before asking (a weekday not offered)."""
    windows: list[tuple[int, str, str]] = []
    origin: list[int] = []
    errors: dict[int, str] = {}
    for i, row in enumerate(rows):
        if row.blank:
            continue
        if not row.weekday.isdigit() or int(row.weekday) not in WEEKDAYS:
            errors[i] = "Choose a day of the week."
            continue
        windows.append((int(row.weekday), clock(row.start), clock(row.end)))
        origin.append(i)
    if len(windows) > MAX_ROWS:
        errors[-1] = "At most 50 windows."
    return windows, origin, errors


def errors_by_row(
    items: Iterable[Mapping[str, object]], origin: Sequence[int], detail: str
) -> dict[int, str]:
    """Meetings' 422 items (``loc`` body, windows, index[, field]) on the rows they came
    from; an item naming no window is about the whole list."""
    found: dict[int, str] = {}
    for item in items:
        loc = item.get("loc")
        message = str(item.get("msg", "")) or detail
        index = loc[2] if isinstance(loc, list) and len(loc) >= 3 else None
        row = origin[index] if isinstance(index, int) and 0 <= index < len(origin) else -1
        found.setdefault(row, message)
    return found or {-1: detail}
