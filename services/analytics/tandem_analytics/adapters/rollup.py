"""The SQL of an organisation's roll-up: its programmes a page at a time, with figures."""

from __future__ import annotations

from collections.abc import Collection
from typing import Any
from uuid import UUID

from sqlalchemy import and_, case, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from tandem_analytics.adapters.tables import rm_members, rm_programmes, rm_relationships
from tandem_kit.api.pagination import keyset


async def programmes(
    session: AsyncSession,
    organisation: UUID,
    visible: Collection[UUID] | None,
    cursor: str | None,
    limit: int,
) -> list[Any]:
    """The organisation's programmes (only ``visible`` ones unless None), each with its
    relationships started, active, completed, ended early and messages."""
    p, r = rm_programmes.c, rm_relationships.c
    messages = (
        select(rm_relationships.c.programme_id, func.sum(rm_members.c.messages).label("messages"))
        .select_from(
            rm_members.join(rm_relationships, r.relationship_id == rm_members.c.relationship_id)
        )
        .group_by(rm_relationships.c.programme_id)
        .subquery()
    )
    query = (
        select(
            p.programme_id,
            func.count(r.started_at).label("relationships"),
            func.count(case((and_(r.started_at.is_not(None), r.ended_at.is_(None)), 1))).label(
                "active"
            ),
            func.count(case((r.outcome == "completed", 1))).label("completed"),
            func.count(case((r.outcome == "ended_early", 1))).label("ended_early"),
            func.coalesce(func.max(messages.c.messages), 0).label("messages"),
        )
        .select_from(
            rm_programmes.outerjoin(rm_relationships, r.programme_id == p.programme_id).outerjoin(
                messages, messages.c.programme_id == p.programme_id
            )
        )
        .where(p.organisation_id == organisation)
        .group_by(p.programme_id)
    )
    if visible is not None:
        query = query.where(p.programme_id.in_(list(visible)))
    return list(await session.execute(keyset(query, [p.programme_id], cursor, limit)))


async def has_programmes(session: AsyncSession, organisation: UUID) -> bool:
    found = await session.scalar(
        select(rm_programmes.c.programme_id).where(rm_programmes.c.organisation_id == organisation)
    )
    return found is not None
