"""Relationships (pair or group) and their members' responses."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from sqlalchemy import exists, insert, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from tandem_matching.adapters.paging import after_cursor
from tandem_matching.adapters.tables import (
    participants,
    programmes,
    relationship_members,
    relationships,
)


async def insert_many(
    session: AsyncSession, rows: Sequence[dict[str, Any]], members: Sequence[dict[str, Any]]
) -> None:
    if rows:
        await session.execute(insert(relationships), list(rows))
    if members:
        await session.execute(insert(relationship_members), list(members))


async def get(
    session: AsyncSession, programme_id: str, relationship_id: str, *, for_update: bool = False
) -> dict[str, Any] | None:
    query = select(relationships).where(
        relationships.c.id == relationship_id, relationships.c.programme_id == programme_id
    )
    if for_update:
        query = query.with_for_update()
    row = (await session.execute(query)).mappings().first()
    return dict(row) if row else None


async def members_of(
    session: AsyncSession, relationship_ids: Sequence[str]
) -> dict[str, list[dict[str, Any]]]:
    """Members per relationship, mentor first, with each member's current subject."""
    out: dict[str, list[dict[str, Any]]] = {rid: [] for rid in relationship_ids}
    if not relationship_ids:
        return out
    query = (
        select(
            relationship_members,
            participants.c.subject,
            participants.c.display_name,
            participants.c.linkedin_url,
            participants.c.linkedin_consent,
        )
        .join(participants, participants.c.id == relationship_members.c.participant_id)
        .where(relationship_members.c.relationship_id.in_(list(relationship_ids)))
        .order_by(
            relationship_members.c.relationship_id,
            relationship_members.c.role.desc(),  # mentor before mentee
            relationship_members.c.participant_id,
        )
    )
    for row in (await session.execute(query)).mappings():
        out[row["relationship_id"]].append(dict(row))
    return out


async def update_relationship(
    session: AsyncSession,
    relationship_id: str,
    values: dict[str, Any],
    *,
    only_if_status: str | None = None,
) -> bool:
    """Update one relationship; with ``only_if_status``, only while it still has that status."""
    query = update(relationships).where(relationships.c.id == relationship_id)
    if only_if_status is not None:
        query = query.where(relationships.c.status == only_if_status)
    result = await session.execute(query.values(**values))
    return bool(getattr(result, "rowcount", 0) == 1)


async def set_response(
    session: AsyncSession,
    relationship_id: str,
    participant_id: str,
    response: str,
    at: dt.datetime,
) -> None:
    await session.execute(
        update(relationship_members)
        .where(
            relationship_members.c.relationship_id == relationship_id,
            relationship_members.c.participant_id == participant_id,
        )
        .values(response=response, responded_at=at)
    )


def _has_member(participant_id: str) -> Any:
    return exists().where(
        relationship_members.c.relationship_id == relationships.c.id,
        relationship_members.c.participant_id == participant_id,
    )


async def list_page(
    session: AsyncSession,
    programme_id: str,
    *,
    status: str | None,
    member_id: str | None,
    cursor: str | None,
    limit: int,
) -> list[dict[str, Any]]:
    query = select(relationships).where(relationships.c.programme_id == programme_id)
    if status is not None:
        query = query.where(relationships.c.status == status)
    if member_id is not None:
        query = query.where(_has_member(member_id))
    query = after_cursor(query, relationships.c.created_at, relationships.c.id, cursor, limit)
    return [dict(r) for r in (await session.execute(query)).mappings()]


async def of_participant(
    session: AsyncSession, participant_id: str, statuses: Sequence[str] | None = None
) -> list[dict[str, Any]]:
    query = select(relationships).where(_has_member(participant_id))
    if statuses is not None:
        query = query.where(relationships.c.status.in_(list(statuses)))
    query = query.order_by(relationships.c.created_at, relationships.c.id)
    if statuses is not None:
        query = query.with_for_update()
    return [dict(r) for r in (await session.execute(query)).mappings()]


async def active_past_programme_end(
    session: AsyncSession, today: dt.date, limit: int
) -> list[dict[str, Any]]:
    """Active relationships whose programme ended before ``today`` (oldest first)."""
    query = (
        select(relationships)
        .join(programmes, programmes.c.id == relationships.c.programme_id)
        .where(relationships.c.status == "active", programmes.c.ends_on < today)
        .order_by(relationships.c.created_at, relationships.c.id)
        .limit(limit)
        .with_for_update(of=relationships)
    )
    return [dict(r) for r in (await session.execute(query)).mappings()]


async def forget_explanations(session: AsyncSession, participant_id: str) -> None:
    """Explanations quote profile facts (goals, cities): erased with the profile."""
    theirs = select(relationship_members.c.relationship_id).where(
        relationship_members.c.participant_id == participant_id
    )
    await session.execute(
        update(relationship_members)
        .where(relationship_members.c.relationship_id.in_(theirs))
        .values(explanation=None)
    )
