"""Organisations."""

from __future__ import annotations

from dataclasses import asdict
from uuid import UUID

from sqlalchemy import RowMapping, insert, select
from sqlalchemy.ext.asyncio import AsyncSession

from tandem_kit.api import keyset
from tandem_matching.adapters.tables import organisations
from tandem_matching.domain.organisations import Organisation


def _organisation(row: RowMapping) -> Organisation:
    return Organisation(id=row["id"], name=row["name"], created_at=row["created_at"])


async def add(session: AsyncSession, organisation: Organisation) -> None:
    await session.execute(insert(organisations).values(asdict(organisation)))


async def exists(session: AsyncSession, organisation_id: UUID) -> bool:
    found = await session.scalar(
        select(organisations.c.id).where(organisations.c.id == organisation_id)
    )
    return found is not None


async def list_page(session: AsyncSession, cursor: str | None, limit: int) -> list[Organisation]:
    query = keyset(
        select(organisations), [organisations.c.created_at, organisations.c.id], cursor, limit
    )
    return [_organisation(r) for r in (await session.execute(query)).mappings()]
