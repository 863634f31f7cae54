"""A bulk import's report: what was asked, how many rows went in, why the others did not."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum
from uuid import UUID


class ImportMode(StrEnum):
    ALL_OR_NOTHING = "all_or_nothing"
    VALID_ONLY = "valid_only"


class ImportSource(StrEnum):
    CSV = "csv"
    JSON = "json"


@dataclass(frozen=True, slots=True)
class RejectedRow:
    line: int  # CSV: the line in the file (the header is line 1); JSON: the row's position
    subject: str | None
    reason: str


@dataclass(frozen=True, slots=True)
class Import:
    id: UUID
    programme_id: UUID
    source: ImportSource
    mode: ImportMode
    requested_by: str
    total_rows: int
    imported: int
    rejected: int
    errors: tuple[RejectedRow, ...]
    created_at: dt.datetime
    encoding: str | None = None  # CSV only: the dialect the file was read in
    delimiter: str | None = None
