"""Organisations, programmes and their named managers."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import insert, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from tandem_matching.adapters.paging import after_cursor
from tandem_matching.adapters.tables import organisations, programme_managers, programmes


async def insert_organisation(session: AsyncSession, row: dict[str, Any]) -> None:
    await session.execute(insert(organisations).values(row))


async def organisation_exists(session: AsyncSession, organisation_id: str) -> bool:
    found = await session.scalar(
        select(organisations.c.id).where(organisations.c.id == organisation_id)
    )
    return found is not None


async def list_organisations(
    session: AsyncSession, cursor: str | None, limit: int
) -> list[dict[str, Any]]:
    query = after_cursor(
        select(organisations), organisations.c.created_at, organisations.c.id, cursor, limit
    )
    return [dict(r) for r in (await session.execute(query)).mappings()]


async def insert_programme(
    session: AsyncSession, row: dict[str, Any], managers: list[dict[str, Any]]
) -> None:
    await session.execute(insert(programmes).values(row))
    if managers:
        await session.execute(
            insert(programme_managers), [{**m, "programme_id": row["id"]} for m in managers]
        )


async def get_programme(
    session: AsyncSession, programme_id: str, *, for_update: bool = False
) -> dict[str, Any] | None:
    query = select(programmes).where(programmes.c.id == programme_id)
    if for_update:
        query = query.with_for_update()
    row = (await session.execute(query)).mappings().first()
    return dict(row) if row else None


async def managers_of(session: AsyncSession, programme_id: str) -> list[dict[str, Any]]:
    query = (
        select(programme_managers)
        .where(programme_managers.c.programme_id == programme_id)
        .order_by(programme_managers.c.subject)
    )
    return [dict(r) for r in (await session.execute(query)).mappings()]


async def is_named_manager(session: AsyncSession, programme_id: str, subject: str) -> bool:
    found = await session.scalar(
        select(programme_managers.c.subject).where(
            programme_managers.c.programme_id == programme_id,
            programme_managers.c.subject == subject,
        )
    )
    return found is not None


async def list_programmes(
    session: AsyncSession,
    *,
    visible_ids: frozenset[str] | None,
    subject: str,
    cursor: str | None,
    limit: int,
) -> list[dict[str, Any]]:
    """A page of programmes; ``visible_ids`` None means all (admins)."""
    query = select(programmes)
    if visible_ids is not None:
        named = select(programme_managers.c.programme_id).where(
            programme_managers.c.subject == subject
        )
        query = query.where(
            or_(programmes.c.id.in_(sorted(visible_ids)), programmes.c.id.in_(named))
        )
    query = after_cursor(query, programmes.c.created_at, programmes.c.id, cursor, limit)
    return [dict(r) for r in (await session.execute(query)).mappings()]


async def update_programme(
    session: AsyncSession, programme_id: str, values: dict[str, Any], now: dt.datetime
) -> None:
    await session.execute(
        update(programmes).where(programmes.c.id == programme_id).values(**values, updated_at=now)
    )


async def programmes_ended_before(session: AsyncSession, today: dt.date) -> list[dict[str, Any]]:
    query = select(programmes.c.id, programmes.c.ends_on).where(programmes.c.ends_on < today)
    return [dict(r) for r in (await session.execute(query)).mappings()]


async def managers_of_many(
    session: AsyncSession, programme_ids: list[str]
) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = {pid: [] for pid in programme_ids}
    if not programme_ids:
        return out
    query = (
        select(programme_managers)
        .where(programme_managers.c.programme_id.in_(programme_ids))
        .order_by(programme_managers.c.subject)
    )
    for row in (await session.execute(query)).mappings():
        out[row["programme_id"]].append(dict(row))
    return out
