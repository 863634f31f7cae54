"""A manager's participant imports: matching's reports, each bad row with its line and
reason, and the web app's own rules for what it forwards (a text file, not too big)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from pathlib import PurePath

from tandem_web.domain.manager_pages import STATUS, Shown

# Matching's default import_max_bytes: a bigger file is refused here, before the upload.
MAX_BYTES = 10 * 1024 * 1024
CSV_SUFFIXES = frozenset({".csv", ".tsv", ".txt"})
# What browsers send for a .csv (Windows: Excel's type); used only when a file has no name.
CSV_TYPES = frozenset({"text/csv", "text/plain", "text/tab-separated-values"})
MODES = ("valid_only", "all_or_nothing")


@dataclass(frozen=True, slots=True)
class BadRow:
    line: int  # in the file, the header being line 1
    subject: str | None
    reason: str  # matching's words


@dataclass(frozen=True, slots=True)
class ImportReport:
    id: uuid.UUID
    mode: str
    total_rows: int
    imported: int
    rejected: int
    bad_rows: tuple[BadRow, ...]
    created_at: datetime
    encoding: str | None
    delimiter: str | None


class NotImported(Exception):
    """Matching refused the whole file: nothing was imported, and why (with the bad rows
    when that is the reason)."""

    def __init__(self, status: int, code: str | None, detail: str, bad_rows: tuple[BadRow, ...]):
        super().__init__(detail)
        self.status = status
        self.code = code
        self.detail = detail
        self.bad_rows = bad_rows


def upload_refusal(file_name: str | None, content_type: str | None, head: bytes) -> str | None:
    """Why the web app does not forward this file ("not_csv"), or None. A CSV is text
    named .csv (.tsv, .txt), or, unnamed, sent as text; a NUL byte means it is not text."""
    suffix = PurePath(file_name).suffix.lower() if file_name else ""
    if file_name and suffix not in CSV_SUFFIXES:
        return "not_csv"
    if not file_name and (content_type or "").split(";")[0].strip() not in CSV_TYPES:
        return "not_csv"
    if b"\x00" in head:
        return "not_csv"
    return None


def bad_rows_of(errors: object) -> tuple[BadRow, ...]:
    """Matching's 422 ``errors`` (one per bad row) read into rows; others left out."""
    rows: list[BadRow] = []
    for entry in errors if isinstance(errors, list) else []:
        if not isinstance(entry, dict) or not isinstance(entry.get("line"), int):
            continue
        subject = entry.get("subject")
        rows.append(
            BadRow(
                entry["line"],
                subject if isinstance(subject, str) else None,
                str(entry.get("reason", "")),
            )
        )
    return tuple(sorted(rows, key=lambda r: r.line))


@dataclass(frozen=True, slots=True)
class ImportsPage:
    shown: Shown
    programme_id: uuid.UUID
    zone: str
    name: str | None = None
    earlier: tuple[ImportReport, ...] = ()
    report: ImportReport | None = None  # the one the page is about, when it is a report's

    @property
    def status(self) -> int:
        return STATUS[self.shown]
