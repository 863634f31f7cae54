"""Bulk imports of participants (CSV upload or JSON), validated row by row."""

from __future__ import annotations

import datetime as dt
from typing import Any
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field

from tandem_kit.api import RequestModel
from tandem_matching.domain.imports import ImportMode, ImportSource
from tandem_matching.schemas.common import Subject
from tandem_matching.schemas.participants import ParticipantCreate

# A row as sent (JSON, or a CSV record's cells), before it is validated into a
# ParticipantCreate: a payload type, not a record.
Row = dict[str, Any]


class ImportRow(ParticipantCreate):
    """One participant of an import; the manager registers them, so ``subject`` is required."""

    subject: Subject  # required here, optional on self-registration


class ImportRequest(RequestModel):
    """The JSON form of an import: rows shaped like a registration, each with a subject."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "rows": [
                        {
                            "subject": "user-1001",
                            "role": "mentor",
                            "display_name": "Jonas Berg",
                            "email": "jonas@example.org",
                            "country": "DE",
                            "time_zone": "Europe/Berlin",
                            "languages": ["de", "en"],
                            "city": "Berlin",
                            "availability": [{"weekday": 2, "start": "18:00", "end": "21:00"}],
                            "sector": "logistics",
                            "skills": ["cv", "interviews"],
                            "capacity": 2,
                            "modality": "either",
                        }
                    ]
                }
            ]
        }
    )

    # Rows are validated one by one by the use case (not here) so that every bad row is
    # reported with its position instead of the whole body being rejected at the first.
    rows: list[Row] = Field(min_length=1)


class RowError(BaseModel):
    line: int = Field(
        description="CSV: the line in the file (the header is line 1); "
        "JSON: the row's 1-based position in `rows`."
    )
    subject: str | None
    reason: str


class ImportReport(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "id": "4d0c2d52-3c5f-4c8e-9a7e-0f3a1e2b5c6d",
                    "programme_id": "2f1d1c9e-1a2b-4c3d-8e9f-0a1b2c3d4e5f",
                    "source": "csv",
                    "mode": "valid_only",
                    "total_rows": 3,
                    "imported": 2,
                    "rejected": 1,
                    "errors": [
                        {
                            "line": 3,
                            "subject": "user-7",
                            "reason": "time_zone: 'Mars/Olympus' is "
                            "not an IANA time zone (e.g. Europe/Berlin)",
                        }
                    ],
                    "created_at": "2026-01-10T09:00:00Z",
                    "encoding": "cp1252",
                    "delimiter": ";",
                }
            ]
        }
    )

    id: UUID
    programme_id: UUID
    source: ImportSource
    mode: ImportMode
    total_rows: int
    imported: int
    rejected: int
    errors: list[RowError]
    created_at: dt.datetime
    encoding: str | None = Field(
        description="CSV: how the file was decoded (utf-8, utf-8-sig, cp1252); JSON: null"
    )
    delimiter: str | None = Field(description="CSV: the separator read (',', ';', tab)")
