"""Finished relationships of an earlier programme, from CSV, as weekly histories.

One row per relationship and programme week, with exactly these columns (any order)::

    relationship, started_on, outcome, ended_on, time_zone_gap_hours, week,
    mentor_messages, mentee_messages, mentor_latency_hours, mentee_latency_hours,
    last_two_way_contact_day, meetings_planned, meetings_attended, no_shows,
    face_to_face_planned, face_to_face_held, check_in_score

``relationship`` is the organisation's own reference (no names: it is kept); the
relationship's columns (``started_on``, ``outcome``, ``ended_on``,
``time_zone_gap_hours``) repeat on each of its rows and must agree; its weeks run
0, 1, 2, ... without a gap. Latency, contact day and check-in may be empty (none that
week). Every problem is reported with its line and column, and a file with any problem
imports nothing.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any
from uuid import UUID, uuid5

from tandem_analytics.domain.risk_features import Outcome, RelationshipHistory, WeekRecord

COLUMNS: tuple[str, ...] = (
    "relationship",
    "started_on",
    "outcome",
    "ended_on",
    "time_zone_gap_hours",
    "week",
    "mentor_messages",
    "mentee_messages",
    "mentor_latency_hours",
    "mentee_latency_hours",
    "last_two_way_contact_day",
    "meetings_planned",
    "meetings_attended",
    "no_shows",
    "face_to_face_planned",
    "face_to_face_held",
    "check_in_score",
)
RELATIONSHIP_COLUMNS = ("started_on", "outcome", "ended_on", "time_zone_gap_hours")
MAX_WEEKS = 156  # three years of weeks: more is not a programme
MAX_ERRORS = 50  # reported; the rest are counted
REFERENCE_LENGTH = 64


@dataclass(frozen=True, slots=True)
class RowError:
    line: int
    column: str | None
    problem: str


class TrainingDataError(ValueError):
    """The file as a whole cannot be read (encoding, header, empty)."""


def _reference(text: str) -> str:
    if not text or len(text) > REFERENCE_LENGTH:
        raise ValueError(f"1 to {REFERENCE_LENGTH} characters")
    return text


def _count(text: str) -> int:
    value = int(text)
    if not 0 <= value <= 10_000:
        raise ValueError("a whole number from 0 to 10000")
    return value


def _hours(text: str) -> float | None:
    if text == "":
        return None
    value = float(text)
    if not 0 <= value <= 24 * 365:  # NaN fails both comparisons, so it is refused too
        raise ValueError("hours from 0 to 8760, or empty")
    return value


def _day(text: str) -> int | None:
    return None if text == "" else _count(text)


def _score(text: str) -> float | None:
    if text == "":
        return None
    value = float(text)
    if not 1 <= value <= 5:
        raise ValueError("from 1 to 5, or empty")
    return value


def _gap(text: str) -> float:
    value = float(text)
    if not -14 <= value <= 14:
        raise ValueError("hours from -14 to 14")
    return value


def _week(text: str) -> int:
    value = int(text)
    if not 0 <= value < MAX_WEEKS:
        raise ValueError(f"from 0 to {MAX_WEEKS - 1}")
    return value


def _outcome(text: str) -> Outcome:
    try:
        return Outcome(text)
    except ValueError:
        raise ValueError("completed or ended_early") from None


PARSERS: dict[str, Callable[[str], Any]] = {
    "relationship": _reference,
    "started_on": date.fromisoformat,
    "outcome": _outcome,
    "ended_on": date.fromisoformat,
    "time_zone_gap_hours": _gap,
    "week": _week,
    "mentor_messages": _count,
    "mentee_messages": _count,
    "mentor_latency_hours": _hours,
    "mentee_latency_hours": _hours,
    "last_two_way_contact_day": _day,
    "meetings_planned": _count,
    "meetings_attended": _count,
    "no_shows": _count,
    "face_to_face_planned": _count,
    "face_to_face_held": _count,
    "check_in_score": _score,
}


@dataclass(frozen=True, slots=True)
class ParsedTrainingData:
    histories: tuple[tuple[str, RelationshipHistory], ...]  # (reference, history)
    rows: int
    errors: tuple[RowError, ...]
    more_errors: int  # beyond the reported ones


def _rows(payload: bytes) -> tuple[list[str], list[tuple[int, list[str]]]]:
    try:
        text = payload.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise TrainingDataError(f"not UTF-8 (byte {error.start})") from None
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = [cell.strip() for cell in next(reader)]
    except StopIteration:
        raise TrainingDataError("the file is empty") from None
    except csv.Error as error:
        raise TrainingDataError(f"line 1: {error}") from None
    missing = [c for c in COLUMNS if c not in header]
    unknown = [c for c in header if c not in COLUMNS]
    twice = sorted({c for c in header if header.count(c) > 1})
    if missing or unknown or twice:
        parts = (
            ([f"missing columns {', '.join(missing)}"] if missing else [])
            + ([f"unknown columns {', '.join(unknown)}"] if unknown else [])
            + ([f"columns twice {', '.join(twice)}"] if twice else [])
        )
        raise TrainingDataError("bad header: " + "; ".join(parts))
    rows: list[tuple[int, list[str]]] = []
    line = reader.line_num + 1
    try:
        for record in reader:
            if any(cell.strip() for cell in record):
                rows.append((line, [cell.strip() for cell in record]))
            line = reader.line_num + 1
    except csv.Error as error:
        raise TrainingDataError(f"line {line}: {error}") from None
    if not rows:
        raise TrainingDataError("the file holds a header and no rows")
    return header, rows


def parse_training_csv(payload: bytes, programme_id: UUID) -> ParsedTrainingData:
    """Every row checked; histories only when there is no error at all."""
    header, rows = _rows(payload)
    errors: list[RowError] = []
    by_reference: dict[str, list[tuple[int, dict[str, Any]]]] = {}
    for line, cells in rows:
        if len(cells) != len(header):
            errors.append(RowError(line, None, f"{len(cells)} cells for {len(header)} columns"))
            continue
        values: dict[str, Any] = {}
        for column, cell in zip(header, cells, strict=True):
            try:
                values[column] = PARSERS[column](cell)
            except ValueError as error:
                errors.append(RowError(line, column, f"{cell!r} is not valid: {error}"))
        if len(values) == len(COLUMNS):
            by_reference.setdefault(values["relationship"], []).append((line, values))
    histories: list[tuple[str, RelationshipHistory]] = []
    for reference, entries in by_reference.items():
        history = _history(reference, entries, programme_id, errors)
        if history is not None:
            histories.append((reference, history))
    errors.sort(key=lambda e: (e.line, e.column or ""))
    return ParsedTrainingData(
        tuple(histories) if not errors else (),
        len(rows),
        tuple(errors[:MAX_ERRORS]),
        max(0, len(errors) - MAX_ERRORS),
    )


def _history(
    reference: str,
    entries: list[tuple[int, dict[str, Any]]],
    programme_id: UUID,
    errors: list[RowError],
) -> RelationshipHistory | None:
    first_line, first = entries[0]
    before = len(errors)
    for line, values in entries[1:]:
        for column in RELATIONSHIP_COLUMNS:
            if values[column] != first[column]:
                errors.append(
                    RowError(line, column, f"differs from line {first_line} for {reference!r}")
                )
    if first["ended_on"] <= first["started_on"]:
        errors.append(RowError(first_line, "ended_on", "not after started_on"))
    seen: dict[int, int] = {}
    for line, values in entries:
        if values["week"] in seen:
            errors.append(RowError(line, "week", f"week {values['week']} twice for {reference!r}"))
        seen.setdefault(values["week"], line)
        if values["meetings_attended"] + values["no_shows"] > values["meetings_planned"]:
            errors.append(RowError(line, "meetings_attended", "attended + no-shows > planned"))
        if values["face_to_face_held"] > values["meetings_attended"]:
            errors.append(RowError(line, "face_to_face_held", "more than meetings attended"))
        contact = values["last_two_way_contact_day"]
        if contact is not None and not values["week"] * 7 <= contact < values["week"] * 7 + 7:
            errors.append(RowError(line, "last_two_way_contact_day", "not a day of that week"))
    gaps = sorted(set(range(max(seen) + 1)) - set(seen))
    if gaps:
        errors.append(RowError(first_line, "week", f"{reference!r} has no row for week {gaps[0]}"))
    if len(errors) > before:
        return None
    weeks = tuple(
        WeekRecord(**{name: values[name] for name in WeekRecord.__slots__})
        for _, values in sorted(entries, key=lambda entry: entry[1]["week"])
    )
    return RelationshipHistory(
        # the same reference in the same programme is the same relationship: a re-import
        # replaces it instead of counting it twice
        uuid5(programme_id, reference),
        programme_id,
        first["started_on"],
        first["time_zone_gap_hours"],
        weeks,
        first["outcome"],
        first["ended_on"],
    )


def to_csv(histories: list[tuple[str, RelationshipHistory]]) -> str:
    """The CSV of histories (the import's inverse: tests and the simulator write files)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for reference, h in histories:
        for w in h.weeks:
            outcome = h.outcome.value if h.outcome else ""
            fixed = [reference, h.started_on, outcome, h.ended_on or "", h.time_zone_gap_hours]
            weekly = [getattr(w, name) for name in COLUMNS[5:]]
            writer.writerow([*fixed, *("" if v is None else v for v in weekly)])
    return out.getvalue()
