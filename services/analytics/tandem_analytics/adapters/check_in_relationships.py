"""The SQL of check-ins' own copy of relationships, members and members' countries."""

from __future__ import annotations

from datetime import date
from typing import Any
from uuid import UUID

from sqlalchemy import delete, select, update
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncSession

from tandem_analytics.adapters.tables import (
    checkin_countries,
    checkin_members,
    checkin_relationships,
)
from tandem_analytics.domain.check_in_relationships import Member, Relationship


def _insert(session: AsyncSession, table: Any) -> Any:
    if session.get_bind().dialect.name == "postgresql":
        return postgresql_insert(table)
    return sqlite_insert(table)


async def started(
    session: AsyncSession,
    relationship_id: UUID,
    programme_id: UUID,
    starts_on: date,
    agreed_end_date: date,
    members: list[Member],
) -> None:
    """The relationship's dates and members, whatever arrived first (an end may have)."""
    statement = _insert(session, checkin_relationships).values(
        id=relationship_id,
        programme_id=programme_id,
        starts_on=starts_on,
        agreed_end_date=agreed_end_date,
    )
    await session.execute(
        statement.on_conflict_do_update(
            index_elements=["id"],
            set_={"starts_on": starts_on, "agreed_end_date": agreed_end_date},
        )
    )
    for member in members:
        await session.execute(
            _insert(session, checkin_members)
            .values(
                relationship_id=relationship_id,
                participant_id=member.participant_id,
                subject=member.subject,
                role=member.role,
            )
            .on_conflict_do_nothing(index_elements=["relationship_id", "participant_id"])
        )


async def ended(
    session: AsyncSession, relationship_id: UUID, programme_id: UUID, ended_on: date, outcome: str
) -> None:
    """The end's date; the earliest wins, so a replayed or duplicated end changes nothing."""
    await session.execute(
        _insert(session, checkin_relationships)
        .values(id=relationship_id, programme_id=programme_id, ended_on=ended_on, outcome=outcome)
        .on_conflict_do_nothing(index_elements=["id"])
    )
    await session.execute(
        update(checkin_relationships)
        .where(checkin_relationships.c.id == relationship_id)
        .where(
            (checkin_relationships.c.ended_on.is_(None))
            | (checkin_relationships.c.ended_on > ended_on)
        )
        .values(ended_on=ended_on, outcome=outcome)
    )


async def country_stated(session: AsyncSession, participant_id: UUID, country: str) -> None:
    statement = _insert(session, checkin_countries).values(
        participant_id=participant_id, country=country
    )
    await session.execute(
        statement.on_conflict_do_update(
            index_elements=["participant_id"], set_={"country": country}
        )
    )


async def country_of(session: AsyncSession, participant_id: UUID) -> str | None:
    found = await session.scalar(
        select(checkin_countries.c.country).where(
            checkin_countries.c.participant_id == participant_id
        )
    )
    return None if found is None else str(found)


def _relationship(row: Any, members: list[Member]) -> Relationship:
    return Relationship(
        id=row.id,
        programme_id=row.programme_id,
        starts_on=row.starts_on,
        agreed_end_date=row.agreed_end_date,
        ended_on=row.ended_on,
        outcome=row.outcome,
        members=tuple(members),
    )


def _member(row: Any) -> Member:
    return Member(row.participant_id, row.subject, row.role)


async def by_id(session: AsyncSession, relationship_id: UUID) -> Relationship | None:
    row = (
        await session.execute(
            select(checkin_relationships).where(checkin_relationships.c.id == relationship_id)
        )
    ).one_or_none()
    if row is None:
        return None
    members = await session.execute(
        select(checkin_members)
        .where(checkin_members.c.relationship_id == relationship_id)
        .order_by(checkin_members.c.participant_id)
    )
    return _relationship(row, [_member(m) for m in members])


async def scheduled(session: AsyncSession, programme_ids: list[UUID]) -> list[Relationship]:
    """The programmes' relationships whose start is known, with their members."""
    if not programme_ids:
        return []
    rows = (
        await session.execute(
            select(checkin_relationships)
            .where(checkin_relationships.c.programme_id.in_(programme_ids))
            .where(checkin_relationships.c.starts_on.is_not(None))
            .order_by(checkin_relationships.c.id)
        )
    ).all()
    members: dict[UUID, list[Member]] = {}
    if rows:
        found = await session.execute(
            select(checkin_members)
            .where(checkin_members.c.relationship_id.in_([r.id for r in rows]))
            .order_by(checkin_members.c.participant_id)
        )
        for m in found:
            members.setdefault(m.relationship_id, []).append(_member(m))
    return [_relationship(r, members.get(r.id, [])) for r in rows]


async def forget_participant(session: AsyncSession, participant_id: UUID) -> None:
    await session.execute(
        delete(checkin_members).where(checkin_members.c.participant_id == participant_id)
    )
    await session.execute(
        delete(checkin_countries).where(checkin_countries.c.participant_id == participant_id)
    )


async def memberships(session: AsyncSession, subject: str) -> list[tuple[Member, UUID]]:
    """The subject's memberships, each with its relationship's programme."""
    rows = await session.execute(
        select(checkin_members, checkin_relationships.c.programme_id)
        .join(
            checkin_relationships, checkin_relationships.c.id == checkin_members.c.relationship_id
        )
        .where(checkin_members.c.subject == subject)
    )
    return [(_member(r), r.programme_id) for r in rows]


async def ended_between(session: AsyncSession, first: date, last: date) -> list[Relationship]:
    """Relationships that ended from ``first`` to ``last``, with their members."""
    rows = (
        await session.execute(
            select(checkin_relationships)
            .where(checkin_relationships.c.ended_on >= first)
            .where(checkin_relationships.c.ended_on <= last)
            .order_by(checkin_relationships.c.id)
        )
    ).all()
    members: dict[UUID, list[Member]] = {}
    if rows:
        found = await session.execute(
            select(checkin_members)
            .where(checkin_members.c.relationship_id.in_([r.id for r in rows]))
            .order_by(checkin_members.c.participant_id)
        )
        for m in found:
            members.setdefault(m.relationship_id, []).append(_member(m))
    return [_relationship(r, members.get(r.id, [])) for r in rows]
