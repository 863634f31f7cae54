"""Bulk import of participants: every row validated, every bad row reported.

``all_or_nothing`` (the default) writes nothing when any row is bad (422 listing the
rows); ``valid_only`` imports the good rows and reports the bad ones. The good rows
go in with one executemany and their events with one ``add_events``, in the same
transaction as the import report.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict
from typing import Any

from pydantic import ValidationError

from tandem_kit.api import Page, next_cursor
from tandem_kit.auth import Principal
from tandem_kit.db import Database
from tandem_kit.errors import NotFound, PayloadTooLarge, Unprocessable
from tandem_kit.outbox import add_events
from tandem_matching.adapters import imports as repo
from tandem_matching.adapters import participants as participant_repo
from tandem_matching.domain.imports import Import, ImportMode, ImportSource, RejectedRow
from tandem_matching.domain.participants import Participant
from tandem_matching.domain.profiles import Role
from tandem_matching.domain.programmes import Programme
from tandem_matching.schemas.imports import ImportReport, ImportRow
from tandem_matching.service import events
from tandem_matching.service.access import manager_in
from tandem_matching.service.clock import new_id, now
from tandem_matching.service.csv_rows import CsvError, read_csv
from tandem_matching.service.profiles import new_participant, programme_fit_errors

Parsed = tuple[int, dict[str, Any] | ValueError]


def _reason(error: ValidationError | ValueError) -> str:
    if isinstance(error, ValidationError):
        return "; ".join(
            f"{'.'.join(str(p) for p in e['loc']) or 'row'}: "
            f"{e['msg'].removeprefix('Value error, ')}"
            for e in error.errors()
        )
    return str(error)


def _parse(payload: bytes | list[dict[str, Any]]) -> list[Parsed]:
    if isinstance(payload, list):  # JSON rows: the position is the "line"
        return [(i, row) for i, row in enumerate(payload, start=1)]
    try:
        return list(read_csv(payload))
    except CsvError as error:
        raise Unprocessable(f"The CSV file cannot be read: {error}.", code="invalid_csv") from error


async def import_participants(
    db: Database,
    principal: Principal,
    programme_id: str,
    payload: bytes | list[dict[str, Any]],
    *,
    mode: ImportMode,
    max_rows: int,
) -> ImportReport:
    """``payload``: the CSV file's bytes, or the JSON request's rows."""
    at = now()
    async with db.transaction() as session:
        caller = await manager_in(session, principal, programme_id)
        parsed = _parse(payload)
        if not parsed:
            raise Unprocessable("The import holds no rows.", code="empty_import")
        if len(parsed) > max_rows:
            raise PayloadTooLarge(f"At most {max_rows} rows per import.")
        good, errors = _validate(parsed, caller.programme)
        taken = await participant_repo.existing_subjects(
            session, programme_id, [str(row.subject) for _, row in good]
        )
        errors += [
            RejectedRow(
                line=line,
                subject=row.subject,
                reason=f"{row.subject} is already registered in this programme",
            )
            for line, row in good
            if row.subject in taken
        ]
        good = [(line, row) for line, row in good if row.subject not in taken]
        errors.sort(key=lambda e: e.line)
        if errors and (mode is ImportMode.ALL_OR_NOTHING or not good):
            raise Unprocessable(
                f"{len(errors)} of {len(parsed)} rows are invalid; nothing was imported.",
                code="invalid_rows",
                errors=[asdict(e) for e in errors],
            )
        rows = [row for _, row in good]
        await participant_repo.insert_many(session, rows)
        await add_events(session, (events.participant_facts(row) for row in rows))
        report = Import(
            id=new_id(),
            programme_id=programme_id,
            source=ImportSource.JSON if isinstance(payload, list) else ImportSource.CSV,
            mode=mode,
            requested_by=principal.subject,
            total_rows=len(parsed),
            imported=len(rows),
            rejected=len(errors),
            errors=tuple(errors),
            created_at=at,
        )
        await repo.insert_report(session, report)
    return ImportReport.model_validate(report, from_attributes=True)


def _validate(
    parsed: Iterable[Parsed], programme: Programme
) -> tuple[list[tuple[int, Participant]], list[RejectedRow]]:
    """Rows that are valid on their own and unique in the file; errors for the others."""
    good: list[tuple[int, Participant]] = []
    errors: list[RejectedRow] = []
    first_line: dict[str, int] = {}
    at = now()
    for line, values in parsed:
        subject = values.get("subject") if isinstance(values, dict) else None
        subject = subject if isinstance(subject, str) else None
        try:
            if isinstance(values, ValueError):
                raise values
            body = ImportRow.model_validate(values)
        except (ValidationError, ValueError) as error:
            errors.append(RejectedRow(line=line, subject=subject, reason=_reason(error)))
            continue
        row = new_participant(
            body,
            participant_id=new_id(),
            programme_id=programme.id,
            subject=body.subject,
            role=Role(body.role),
            at=at,
        )
        unfit = programme_fit_errors(row, programme)
        if body.subject in first_line:
            unfit.append(f"{body.subject} is also on line {first_line[body.subject]}")
        if unfit:
            errors.append(RejectedRow(line=line, subject=body.subject, reason="; ".join(unfit)))
            continue
        first_line[body.subject] = line
        good.append((line, row))
    return good, errors


async def get_import(
    db: Database, principal: Principal, programme_id: str, import_id: str
) -> ImportReport:
    async with db.transaction() as session:
        await manager_in(session, principal, programme_id)
        found = await repo.get(session, programme_id, import_id)
    if found is None:
        raise NotFound(f"Import {import_id} not found.", code="import_not_found")
    return ImportReport.model_validate(found, from_attributes=True)


async def list_imports(
    db: Database, principal: Principal, programme_id: str, cursor: str | None, limit: int
) -> Page[ImportReport]:
    async with db.transaction() as session:
        await manager_in(session, principal, programme_id)
        rows = await repo.list_page(session, programme_id, cursor, limit)
    return Page[ImportReport](
        items=[ImportReport.model_validate(r, from_attributes=True) for r in rows[:limit]],
        next_cursor=next_cursor(rows, limit, lambda r: (r.created_at, r.id)),
    )
