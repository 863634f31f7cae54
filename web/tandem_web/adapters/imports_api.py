"""Matching's participant imports, as the manager's import page calls them: a CSV
uploaded as a file part, a report read, the programme's earlier imports listed."""

from __future__ import annotations

import io
import uuid

import httpx

from tandem_web.adapters.service_calls import TIMEOUT, authenticated, expect, reaching
from tandem_web.clients.matching import AuthenticatedClient
from tandem_web.clients.matching.api.imports import get_import, import_csv, list_imports
from tandem_web.clients.matching.models import (
    BodyImportCsv,
    ImportMode,
    PageImportReport,
    ProblemDetails,
)
from tandem_web.clients.matching.models import ImportReport as Report
from tandem_web.clients.matching.types import UNSET, File
from tandem_web.domain.imports import BadRow, ImportReport, NotImported, bad_rows_of

SERVICE = "matching"
MAX_PAGES = 10
# Refusals of the whole file (unreadable, empty, rows invalid, too many rows), in words.
WHOLE_FILE = frozenset({409, 413, 422})
UPLOAD_TIMEOUT = httpx.Timeout(60.0)  # a 10 MB file is validated row by row


def _client(url: str, token: str, timeout: httpx.Timeout = TIMEOUT) -> AuthenticatedClient:
    return authenticated(AuthenticatedClient, url, token, timeout)


def _report(item: Report) -> ImportReport:
    return ImportReport(
        id=item.id,
        mode=str(item.mode),
        total_rows=item.total_rows,
        imported=item.imported,
        rejected=item.rejected,
        bad_rows=tuple(
            BadRow(e.line, e.subject if isinstance(e.subject, str) else None, e.reason)
            for e in sorted(item.errors, key=lambda e: e.line)
        ),
        created_at=item.created_at,
        encoding=item.encoding if isinstance(item.encoding, str) else None,
        delimiter=item.delimiter if isinstance(item.delimiter, str) else None,
    )


async def upload(
    url: str,
    token: str,
    programme_id: uuid.UUID,
    data: bytes,
    file_name: str,
    mode: str,
) -> ImportReport:
    """The file imported; raises NotImported when matching refuses it as a whole (with
    its bad rows), Refused when the programme is not the viewer's."""
    body = BodyImportCsv(
        file=File(payload=io.BytesIO(data), file_name=file_name, mime_type="text/csv")
    )
    async with reaching(SERVICE), _client(url, token, UPLOAD_TIMEOUT) as client:
        answer = await import_csv.asyncio_detailed(
            programme_id, client=client, body=body, mode=ImportMode(mode)
        )
    parsed = answer.parsed
    if answer.status_code in WHOLE_FILE and isinstance(parsed, ProblemDetails):
        errors = [e.to_dict() for e in parsed.errors] if isinstance(parsed.errors, list) else []
        raise NotImported(answer.status_code, parsed.code, parsed.detail, bad_rows_of(errors))
    return _report(expect(SERVICE, answer.status_code, parsed, Report, ok=201))


async def report(
    url: str, token: str, programme_id: uuid.UUID, import_id: uuid.UUID
) -> ImportReport:
    async with reaching(SERVICE), _client(url, token) as client:
        answer = await get_import.asyncio_detailed(programme_id, import_id, client=client)
        return _report(expect(SERVICE, answer.status_code, answer.parsed, Report))


async def earlier(url: str, token: str, programme_id: uuid.UUID) -> list[ImportReport]:
    """The programme's imports, newest first (matching lists them oldest first)."""
    found: list[ImportReport] = []
    cursor: str | None = None
    async with reaching(SERVICE), _client(url, token) as client:
        for _ in range(MAX_PAGES):
            answer = await list_imports.asyncio_detailed(
                programme_id, client=client, cursor=cursor or UNSET, limit=200
            )
            page = expect(SERVICE, answer.status_code, answer.parsed, PageImportReport)
            found += [_report(item) for item in page.items]
            cursor = page.next_cursor if isinstance(page.next_cursor, str) else None
            if not cursor:
                break
    return found[::-1]
