"""Import reports (the participants themselves go through adapters.participants)."""

from __future__ import annotations

from dataclasses import asdict
from uuid import UUID

from sqlalchemy import RowMapping, insert, select
from sqlalchemy.ext.asyncio import AsyncSession

from tandem_kit.api import keyset
from tandem_matching.adapters.tables import imports
from tandem_matching.domain.imports import Import, ImportMode, ImportSource, RejectedRow


def _record(row: RowMapping) -> Import:
    return Import(
        id=row["id"],
        programme_id=row["programme_id"],
        source=ImportSource(row["source"]),
        mode=ImportMode(row["mode"]),
        requested_by=row["requested_by"],
        total_rows=row["total_rows"],
        imported=row["imported"],
        rejected=row["rejected"],
        errors=tuple(RejectedRow(e["line"], e["subject"], e["reason"]) for e in row["errors"]),
        created_at=row["created_at"],
        encoding=row["encoding"],
        delimiter=row["delimiter"],
    )


async def insert_report(session: AsyncSession, report: Import) -> None:
    await session.execute(insert(imports).values(asdict(report)))


async def get(session: AsyncSession, programme_id: UUID, import_id: UUID) -> Import | None:
    row = (
        (
            await session.execute(
                select(imports).where(
                    imports.c.id == import_id,
                    imports.c.programme_id == programme_id,
                )
            )
        )
        .mappings()
        .first()
    )
    return _record(row) if row else None


async def list_page(
    session: AsyncSession, programme_id: UUID, cursor: str | None, limit: int
) -> list[Import]:
    query = keyset(
        select(imports).where(imports.c.programme_id == programme_id),
        [imports.c.created_at, imports.c.id],
        cursor,
        limit,
    )
    return [_record(r) for r in (await session.execute(query)).mappings()]
