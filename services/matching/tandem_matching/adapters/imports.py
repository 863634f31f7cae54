"""Import reports (the participants themselves go through adapters.participants)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.ext.asyncio import AsyncSession

from tandem_matching.adapters.paging import after_cursor
from tandem_matching.adapters.tables import imports


async def insert_report(session: AsyncSession, row: dict[str, Any]) -> None:
    await session.execute(insert(imports).values(row))


async def get(session: AsyncSession, programme_id: str, import_id: str) -> dict[str, Any] | None:
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
    return dict(row) if row else None


async def list_page(
    session: AsyncSession, programme_id: str, cursor: str | None, limit: int
) -> list[dict[str, Any]]:
    query = after_cursor(
        select(imports).where(imports.c.programme_id == programme_id),
        imports.c.created_at,
        imports.c.id,
        cursor,
        limit,
    )
    return [dict(r) for r in (await session.execute(query)).mappings()]
