"""Relationships and their members."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any
from uuid import UUID

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from tandem_contracts.common import MentoringFormat, Role
from tandem_kit.crypto import Sealed
from tandem_kit.db.bulk import insert_many
from tandem_meetings.adapters.common import insert_unless_present
from tandem_meetings.adapters.tables import relationship_members, relationships
from tandem_meetings.domain.relationships import Member, Relationship, RelationshipStatus


def _relationship(row: Any) -> Relationship:
    return Relationship(
        id=row.id,
        programme_id=row.programme_id,
        format=MentoringFormat(row.format),
        starts_on=row.starts_on,
        agreed_end_date=row.agreed_end_date,
        status=RelationshipStatus(row.status),
        cadence_days=row.cadence_days,
        wrapped_key=Sealed(row.wrapped_key_nonce, row.wrapped_key_ciphertext),
        started_at=row.started_at,
        ended_at=row.ended_at,
    )


def _member(row: Any) -> Member:
    return Member(row.relationship_id, row.participant_id, row.subject, Role(row.role))


def _relationship_values(relationship: Relationship) -> dict[str, Any]:
    return {
        "id": relationship.id,
        "programme_id": relationship.programme_id,
        "format": relationship.format.value,
        "starts_on": relationship.starts_on,
        "agreed_end_date": relationship.agreed_end_date,
        "status": relationship.status.value,
        "cadence_days": relationship.cadence_days,
        "wrapped_key_nonce": relationship.wrapped_key.nonce,
        "wrapped_key_ciphertext": relationship.wrapped_key.ciphertext,
        "started_at": relationship.started_at,
        "ended_at": relationship.ended_at,
    }


def _member_values(member: Member) -> dict[str, Any]:
    return {
        "relationship_id": member.relationship_id,
        "participant_id": member.participant_id,
        "subject": member.subject,
        "role": member.role.value,
    }


async def add_if_new(session: AsyncSession, relationship: Relationship) -> bool:
    """Store the relationship unless it is already there (its id decides)."""
    return await insert_unless_present(
        session, relationships, _relationship_values(relationship), ["id"]
    )


async def add_members(session: AsyncSession, members: Sequence[Member]) -> None:
    for member in members:
        await insert_unless_present(
            session,
            relationship_members,
            _member_values(member),
            ["relationship_id", "participant_id"],
        )


async def known_ids(session: AsyncSession, relationship_ids: Sequence[UUID]) -> set[UUID]:
    """Those of ``relationship_ids`` already stored."""
    if not relationship_ids:
        return set()
    rows = await session.scalars(
        select(relationships.c.id).where(relationships.c.id.in_(list(relationship_ids)))
    )
    return set(rows.all())


async def add_new(
    session: AsyncSession, started: Sequence[Relationship], members: Sequence[Member]
) -> None:
    """Relationships not stored yet (see :func:`known_ids`) and their members, in two
    statements; one stored meanwhile fails them, and the caller's transaction with them."""
    if started:
        await insert_many(session, relationships, [_relationship_values(r) for r in started])
    if members:
        await insert_many(session, relationship_members, [_member_values(m) for m in members])


async def by_id(
    session: AsyncSession, relationship_id: UUID, *, for_update: bool = False
) -> Relationship | None:
    query = select(relationships).where(relationships.c.id == relationship_id)
    if for_update:
        query = query.with_for_update()
    row = (await session.execute(query)).first()
    return _relationship(row) if row is not None else None


async def members_of(session: AsyncSession, relationship_id: UUID) -> list[Member]:
    rows = await session.execute(
        select(relationship_members)
        .where(relationship_members.c.relationship_id == relationship_id)
        .order_by(relationship_members.c.role.desc(), relationship_members.c.participant_id)
    )
    return [_member(row) for row in rows]


async def member_by_subject(
    session: AsyncSession, relationship_id: UUID, subject: str
) -> Member | None:
    row = (
        await session.execute(
            select(relationship_members).where(
                relationship_members.c.relationship_id == relationship_id,
                relationship_members.c.subject == subject,
            )
        )
    ).first()
    return _member(row) if row is not None else None


async def active_roles_of_subject(session: AsyncSession, subject: str) -> set[tuple[UUID, Role]]:
    """(programme, role) of each active relationship the subject is a member of."""
    rows = await session.execute(
        select(relationships.c.programme_id, relationship_members.c.role)
        .join(relationships, relationships.c.id == relationship_members.c.relationship_id)
        .where(
            relationship_members.c.subject == subject,
            relationships.c.status == RelationshipStatus.ACTIVE.value,
        )
    )
    return {(row.programme_id, Role(row.role)) for row in rows}


async def save_status(session: AsyncSession, relationship: Relationship) -> None:
    await session.execute(
        update(relationships)
        .where(relationships.c.id == relationship.id)
        .values(status=relationship.status.value, ended_at=relationship.ended_at)
    )
