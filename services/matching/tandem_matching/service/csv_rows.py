"""Read an import CSV into row dictionaries shaped like the JSON import.

Columns (header names, any order): subject, role, display_name, email, preferred_language,
country, time_zone, languages, city, availability, sector, skills, goals,
preferred_format, modality, capacity, linkedin_url, linkedin_consent.
Lists are separated by ``;``; availability is ``mon 18:00-20:00; 2 09:00-12:00``
(weekday as name or 0–6, Monday first). Empty cells mean "not given".
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from typing import Any

from tandem_matching.schemas.imports import ImportRow

COLUMNS = tuple(ImportRow.model_fields)
REQUIRED = ("subject", "role", "display_name", "email", "country", "time_zone", "languages")
_LISTS = ("languages", "skills", "goals")
_DAYS = {name: i for i, name in enumerate(("mon", "tue", "wed", "thu", "fri", "sat", "sun"))}
_WINDOW = re.compile(r"^(\w+)\s+(\d{1,2}:\d{2})\s*-\s*(\d{1,2}:\d{2})$")
_TRUE, _FALSE = {"true", "yes", "1", "y"}, {"false", "no", "0", "n", ""}


class CsvError(ValueError):
    """The file as a whole cannot be read (encoding, header)."""


def _windows(cell: str) -> list[dict[str, Any]]:
    out = []
    for part in filter(None, (p.strip() for p in cell.split(";"))):
        match = _WINDOW.match(part)
        if match is None:
            raise ValueError(f"availability: {part!r} is not like 'mon 18:00-20:00'")
        day = match.group(1).lower()[:3]
        weekday = _DAYS.get(day, int(day) if day.isdigit() else -1)
        out.append(
            {"weekday": weekday, "start": match.group(2).zfill(5), "end": match.group(3).zfill(5)}
        )
    return out


def _cell_values(raw: dict[str, str]) -> dict[str, Any]:
    """Convert one CSV record's cells; raises ValueError naming the column."""
    values: dict[str, Any] = {}
    for column, cell in raw.items():
        cell = (cell or "").strip()
        if column in _LISTS:
            values[column] = [v.strip() for v in cell.split(";") if v.strip()]
        elif column == "availability":
            values[column] = _windows(cell)
        elif column == "linkedin_consent":
            if cell.lower() not in _TRUE | _FALSE:
                raise ValueError(f"linkedin_consent: {cell!r} is not true/false")
            values[column] = cell.lower() in _TRUE
        elif column == "capacity" and cell:
            if not cell.isdigit():
                raise ValueError(f"capacity: {cell!r} is not a whole number")
            values[column] = int(cell)
        elif cell:
            values[column] = cell
    return values


def read_csv(data: bytes) -> Iterator[tuple[int, dict[str, Any] | ValueError]]:
    """(line, values) per record, or (line, error) for a record whose cells do not parse."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise CsvError("the file is not UTF-8 text") from error
    reader = csv.DictReader(io.StringIO(text, newline=""), restval="")
    header = [h.strip() for h in reader.fieldnames or []]
    unknown = [h for h in header if h not in COLUMNS]
    missing = [c for c in REQUIRED if c not in header]
    if unknown or missing:
        raise CsvError(
            "bad header: "
            + "; ".join(
                ([f"unknown columns {', '.join(unknown)}"] if unknown else [])
                + ([f"missing columns {', '.join(missing)}"] if missing else [])
            )
        )
    reader.fieldnames = header
    line = reader.line_num + 1
    for record in reader:
        extra = record.pop(None, None)
        try:
            if extra:
                raise ValueError(f"{len(extra)} more cells than columns")
            yield line, _cell_values(record)
        except ValueError as error:
            yield line, error
        line = reader.line_num + 1
