"""Bulk import of participants: every row validated, every bad row reported.

``all_or_nothing`` (the default) writes nothing when any row is bad (422 listing the
rows); ``valid_only`` imports the good rows and reports the bad ones. The good rows
go in with one executemany and their events with one ``add_events``, in the same
transaction as the import report.

A CSV file is read into row dictionaries shaped like the JSON import's. Columns (header
names, any order): subject, role, display_name, email, preferred_language, country,
time_zone, languages, city, availability, sector, skills, goals, preferred_format,
modality, capacity, linkedin_url, linkedin_consent. Lists are separated by ``;``;
availability is ``mon 18:00-20:00; 2 09:00-12:00``
(weekday as name or 0–6, Monday first). Empty cells mean "not given".
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import re
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass
from uuid import UUID

from pydantic import ValidationError
from pydantic_core import ErrorDetails
from sqlalchemy.ext.asyncio import AsyncSession

from tandem_kit.api import Page, next_cursor
from tandem_kit.auth import Principal
from tandem_kit.errors import NotFound, PayloadTooLarge, Unprocessable
from tandem_kit.outbox import add_events
from tandem_matching.adapters import imports as repo
from tandem_matching.adapters import participants as participant_repo
from tandem_matching.domain.imports import Import, ImportMode, ImportSource, RejectedRow
from tandem_matching.domain.participants import Participant
from tandem_matching.domain.profiles import Role
from tandem_matching.domain.programmes import Programme
from tandem_matching.schemas.imports import ImportReport, ImportRow, Row
from tandem_matching.schemas.participants import CAPACITY_MAX, CAPACITY_MIN
from tandem_matching.service import events
from tandem_matching.service.access import manager_in
from tandem_matching.service.context import Context
from tandem_matching.service.ids import new_id
from tandem_matching.service.profiles import new_participant, programme_fit_errors

COLUMNS = tuple(ImportRow.model_fields)
REQUIRED = ("subject", "role", "display_name", "email", "country", "time_zone", "languages")
_LISTS = ("languages", "skills", "goals")
_DAYS = {name: i for i, name in enumerate(("mon", "tue", "wed", "thu", "fri", "sat", "sun"))}
_WINDOW = re.compile(r"^(\w+)\s+(\d{1,2}:\d{2})\s*-\s*(\d{1,2}:\d{2})$")
_TRUE, _FALSE = {"true", "yes", "1", "y"}, {"false", "no", "0", "n", ""}


_WHOLE = re.compile(r"[+-]?\d+")


def _capacity_wanted(got: object) -> str:
    return (
        f"capacity must be a whole number from {CAPACITY_MIN} to {CAPACITY_MAX} "
        f"(how many mentees the mentor takes), got {got!r}"
    )


class CsvError(ValueError):
    """The file as a whole cannot be read (encoding, header)."""


def _windows(cell: str) -> list[Row]:
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


def _cell_values(raw: dict[str, str]) -> Row:
    """Convert one CSV record's cells; raises ValueError naming the column."""
    values: Row = {}
    for column, cell in raw.items():
        cell = (cell or "").strip()
        if column in _LISTS:
            values[column] = [v.strip() for v in cell.split(";") if v.strip()]
        elif column == "availability":
            values[column] = _windows(cell)
        elif column == "linkedin_consent":
            if cell.lower() not in _TRUE | _FALSE:
                raise ValueError(
                    f"linkedin_consent must be true or false (or yes/no, 1/0), got {cell!r}"
                )
            values[column] = cell.lower() in _TRUE
        elif column == "capacity" and cell:
            number = int(cell) if _WHOLE.fullmatch(cell) else None
            if number is None or not CAPACITY_MIN <= number <= CAPACITY_MAX:
                raise ValueError(_capacity_wanted(cell))
            values[column] = number
        elif cell:
            values[column] = cell
    return values


@dataclass(frozen=True, slots=True)
class Dialect:
    encoding: str  # utf-8, utf-8-sig (with BOM) or cp1252
    delimiter: str  # , ; or tab


def _decode(data: bytes) -> tuple[str, str]:
    """UTF-8 first (with or without BOM); cp1252 (what Windows spreadsheets save) only if not."""
    encoding = "utf-8-sig" if data.startswith(codecs.BOM_UTF8) else "utf-8"
    try:
        return data.decode(encoding), encoding
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError as error:
        raise CsvError("the file is neither UTF-8 nor Windows-1252 text") from error


def _delimiter(text: str) -> str:
    # German, French and Spanish spreadsheets save ';' (',' is their decimal mark).
    try:
        return csv.Sniffer().sniff(text.split("\n", 1)[0], delimiters=",;\t").delimiter
    except csv.Error as error:
        raise CsvError("the header is not separated by ',', ';' or tabs") from error


def read_csv(data: bytes) -> tuple[Dialect, Iterator[tuple[int, Row | ValueError]]]:
    """The file's dialect, and (line, values) per record or (line, error) for a bad record."""
    text, encoding = _decode(data)
    dialect = Dialect(encoding=encoding, delimiter=_delimiter(text))
    return dialect, _records(text, dialect.delimiter)


def _records(text: str, delimiter: str) -> Iterator[tuple[int, Row | ValueError]]:
    reader = csv.DictReader(io.StringIO(text, newline=""), restval="", delimiter=delimiter)
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


Parsed = tuple[int, Row | ValueError]


def _reason(error: ValidationError | ValueError) -> str:
    if isinstance(error, ValidationError):
        return "; ".join(map(_one_reason, error.errors()))
    return str(error)


def _one_reason(e: ErrorDetails) -> str:
    where = ".".join(str(p) for p in e["loc"])
    if where == "capacity" and e["type"] in _OUT_OF_RANGE:  # a JSON row's number
        return _capacity_wanted(e["input"])
    return f"{where or 'row'}: {e['msg'].removeprefix('Value error, ')}"


_OUT_OF_RANGE = {"greater_than_equal", "less_than_equal", "int_parsing", "int_from_float"}


def _parse(payload: bytes | list[Row]) -> tuple[list[Parsed], Dialect | None]:
    if isinstance(payload, list):  # JSON rows: the position is the "line"
        return [(i, row) for i, row in enumerate(payload, start=1)], None
    try:
        dialect, records = read_csv(payload)
        return list(records), dialect
    except CsvError as error:
        raise Unprocessable(f"The CSV file cannot be read: {error}.", code="invalid_csv") from error


async def import_participants(
    ctx: Context,
    principal: Principal,
    programme_id: UUID,
    payload: bytes | list[Row],
    *,
    mode: ImportMode,
    max_rows: int,
) -> ImportReport:
    """``payload``: the CSV file's bytes, or the JSON request's rows."""
    at = ctx.now()
    async with ctx.database.transaction() as session:
        caller = await manager_in(session, principal, programme_id)
        parsed, dialect = _parse(payload)
        if not parsed:
            raise Unprocessable("The import holds no rows.", code="empty_import")
        if len(parsed) > max_rows:
            raise PayloadTooLarge(f"At most {max_rows} rows per import.")
        good, errors = _validate(parsed, caller.programme, at)
        good, clashes = await _clashes_with_programme(session, programme_id, good)
        errors += clashes
        errors.sort(key=lambda e: e.line)
        if errors and (mode is ImportMode.ALL_OR_NOTHING or not good):
            raise Unprocessable(
                f"{len(errors)} of {len(parsed)} rows are invalid; nothing was imported.",
                code="invalid_rows",
                errors=[asdict(e) for e in errors],
            )
        rows = [row for _, row in good]
        await participant_repo.insert_many(session, rows)
        await add_events(
            session,
            (
                event
                for row in rows
                for event in (events.participant_facts(row), events.participant_contact(row))
            ),
            about=events.whose_contact,
        )
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
            encoding=dialect.encoding if dialect else None,
            delimiter=dialect.delimiter if dialect else None,
        )
        await repo.insert_report(session, report)
    return ImportReport.model_validate(report, from_attributes=True)


def _key(value: str | None) -> str:
    """Subjects and e-mails are the same when they differ only in case or surrounding blanks."""
    return (value or "").strip().lower()


async def _clashes_with_programme(
    session: AsyncSession, programme_id: UUID, good: list[tuple[int, Participant]]
) -> tuple[list[tuple[int, Participant]], list[RejectedRow]]:
    """Split off the rows whose subject or e-mail an existing participant already holds."""
    subjects = await participant_repo.holders(
        session, programme_id, "subject", [_key(row.subject) for _, row in good]
    )
    emails = await participant_repo.holders(
        session, programme_id, "email", [_key(row.email) for _, row in good]
    )
    kept: list[tuple[int, Participant]] = []
    errors: list[RejectedRow] = []
    for line, row in good:
        reasons = []
        if _key(row.subject) in subjects:
            reasons.append(f"{row.subject} is already registered in this programme")
        if (holder := emails.get(_key(row.email))) is not None:
            # The address itself is not repeated: the stored report would outlive an
            # erasure of the participant who holds it.
            reasons.append(f"its e-mail is already used by participant {holder}")
        if reasons:
            errors.append(RejectedRow(line=line, subject=row.subject, reason="; ".join(reasons)))
        else:
            kept.append((line, row))
    return kept, errors


def _validate(
    parsed: Iterable[Parsed], programme: Programme, at: dt.datetime
) -> tuple[list[tuple[int, Participant]], list[RejectedRow]]:
    """Rows that are valid on their own and unique in the file; errors for the others."""
    good: list[tuple[int, Participant]] = []
    errors: list[RejectedRow] = []
    first_line: dict[tuple[str, str], int] = {}  # (field, normalised value) → line
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
        keys = {"subject": _key(body.subject), "e-mail": _key(body.email)}
        unfit += [
            f"{label} is also on line {first_line[(name, keys[name])]}"
            for name, label in (("subject", f"subject {body.subject}"), ("e-mail", "its e-mail"))
            if (name, keys[name]) in first_line
        ]
        if unfit:
            errors.append(RejectedRow(line=line, subject=body.subject, reason="; ".join(unfit)))
            continue
        first_line.update({(name, key): line for name, key in keys.items()})
        good.append((line, row))
    return good, errors


async def get_import(
    ctx: Context, principal: Principal, programme_id: UUID, import_id: UUID
) -> ImportReport:
    async with ctx.database.transaction() as session:
        await manager_in(session, principal, programme_id)
        found = await repo.get(session, programme_id, import_id)
    if found is None:
        raise NotFound(f"Import {import_id} not found.", code="import_not_found")
    return ImportReport.model_validate(found, from_attributes=True)


async def list_imports(
    ctx: Context, principal: Principal, programme_id: UUID, cursor: str | None, limit: int
) -> Page[ImportReport]:
    async with ctx.database.transaction() as session:
        await manager_in(session, principal, programme_id)
        rows = await repo.list_page(session, programme_id, cursor, limit)
    return Page[ImportReport](
        items=[ImportReport.model_validate(r, from_attributes=True) for r in rows[:limit]],
        next_cursor=next_cursor(rows, limit, lambda r: (r.created_at, r.id)),
    )
