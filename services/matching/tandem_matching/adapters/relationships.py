"""Relationships (pair or group) and their members' responses."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import asdict
from uuid import UUID

from sqlalchemy import ColumnElement, RowMapping, exists, insert, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from tandem_contracts.common import MentoringFormat, Role
from tandem_contracts.matching import EndedBy, EndReason
from tandem_kit import privacy
from tandem_kit.api import keyset
from tandem_kit.privacy import vault_of
from tandem_matching.adapters.tables import (
    participants,
    programmes,
    relationship_members,
    relationships,
)
from tandem_matching.domain.relationships import (
    Member,
    MemberResponse,
    Relationship,
    RelationshipStatus,
)

# The person's facts a member is read with (not stored with the membership).
_PERSON = ("subject", "display_name", "linkedin_url", "linkedin_consent", "time_zone")


def _relationship(row: RowMapping) -> Relationship:
    return Relationship(
        id=row["id"],
        programme_id=row["programme_id"],
        run_id=row["run_id"],
        request_id=row["request_id"],
        mentor_id=row["mentor_id"],
        format=MentoringFormat(row["format"]),
        status=RelationshipStatus(row["status"]),
        score=row["score"],
        created_at=row["created_at"],
        updated_at=row["updated_at"],
        starts_on=row["starts_on"],
        agreed_end_date=row["agreed_end_date"],
        ended_at=row["ended_at"],
        ended_by=EndedBy(row["ended_by"]) if row["ended_by"] else None,
        end_reason=EndReason(row["end_reason"]) if row["end_reason"] else None,
    )


async def _member(session: AsyncSession, row: RowMapping) -> Member:
    """A member with the person's facts (name and LinkedIn URL opened with their key)."""
    explanation: Mapping[str, object] | None = row["explanation"]
    vault, person = vault_of(session), privacy.participant(row["participant_id"])
    return Member(
        relationship_id=row["relationship_id"],
        participant_id=row["participant_id"],
        role=Role(row["role"]),
        response=MemberResponse(row["response"]),
        responded_at=row["responded_at"],
        explanation=explanation,
        subject=row["subject"],
        display_name=await vault.open(session, person, "display_name", row["display_name"]),
        linkedin_url=await vault.open(session, person, "linkedin_url", row["linkedin_url"]),
        linkedin_consent=bool(row["linkedin_consent"]),
        time_zone=row["time_zone"],
    )


def _member_values(member: Member) -> dict[str, object]:
    values: dict[str, object] = asdict(member)
    for name in _PERSON:
        del values[name]
    return values


async def insert_many(
    session: AsyncSession, rows: Sequence[Relationship], members: Sequence[Member]
) -> None:
    if rows:
        await session.execute(insert(relationships), [asdict(r) for r in rows])
    if members:
        await session.execute(insert(relationship_members), [_member_values(m) for m in members])


async def get(
    session: AsyncSession, programme_id: UUID, relationship_id: UUID, *, for_update: bool = False
) -> Relationship | None:
    query = select(relationships).where(
        relationships.c.id == relationship_id, relationships.c.programme_id == programme_id
    )
    if for_update:
        query = query.with_for_update()
    row = (await session.execute(query)).mappings().first()
    return _relationship(row) if row else None


async def members_of(
    session: AsyncSession, relationship_ids: Sequence[UUID]
) -> dict[UUID, list[Member]]:
    """Members per relationship, mentor first, with each member's current public facts."""
    out: dict[UUID, list[Member]] = {rid: [] for rid in relationship_ids}
    if not relationship_ids:
        return out
    query = (
        select(
            relationship_members,
            participants.c.subject,
            participants.c.display_name,
            participants.c.linkedin_url,
            participants.c.linkedin_consent,
            participants.c.time_zone,
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
        out[row["relationship_id"]].append(await _member(session, row))
    return out


async def save(
    session: AsyncSession,
    relationship: Relationship,
    *,
    only_if_status: RelationshipStatus | None = None,
) -> bool:
    """Write a relationship's life-cycle fields after a transition; with ``only_if_status``,
    only while the stored one still has that status (another replica may have moved it)."""
    query = update(relationships).where(relationships.c.id == relationship.id)
    if only_if_status is not None:
        query = query.where(relationships.c.status == only_if_status)
    result = await session.execute(
        query.values(
            status=relationship.status,
            updated_at=relationship.updated_at,
            starts_on=relationship.starts_on,
            ended_at=relationship.ended_at,
            ended_by=relationship.ended_by,
            end_reason=relationship.end_reason,
        )
    )
    return bool(getattr(result, "rowcount", 0) == 1)


async def set_response(
    session: AsyncSession,
    relationship_id: UUID,
    participant_id: UUID,
    response: MemberResponse,
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


def _has_member(participant_id: UUID) -> ColumnElement[bool]:
    return exists().where(
        relationship_members.c.relationship_id == relationships.c.id,
        relationship_members.c.participant_id == participant_id,
    )


async def list_page(
    session: AsyncSession,
    programme_id: UUID,
    *,
    status: RelationshipStatus | None,
    member_id: UUID | None,
    cursor: str | None,
    limit: int,
) -> list[Relationship]:
    query = select(relationships).where(relationships.c.programme_id == programme_id)
    if status is not None:
        query = query.where(relationships.c.status == status)
    if member_id is not None:
        query = query.where(_has_member(member_id))
    query = keyset(query, [relationships.c.created_at, relationships.c.id], cursor, limit)
    return [_relationship(r) for r in (await session.execute(query)).mappings()]


async def of_participant(
    session: AsyncSession,
    participant_id: UUID,
    statuses: Sequence[RelationshipStatus] | None = None,
) -> list[Relationship]:
    query = select(relationships).where(_has_member(participant_id))
    if statuses is not None:
        query = query.where(relationships.c.status.in_(list(statuses)))
    query = query.order_by(relationships.c.created_at, relationships.c.id)
    if statuses is not None:
        query = query.with_for_update()
    return [_relationship(r) for r in (await session.execute(query)).mappings()]


async def programmes_with_active_ending_before(
    session: AsyncSession, before: dt.date
) -> list[tuple[UUID, dt.date, str]]:
    """(id, end date, reference time zone) of programmes that end before ``before`` and
    still have active relationships."""
    query = (
        select(programmes.c.id, programmes.c.ends_on, programmes.c.time_zone)
        .where(
            programmes.c.ends_on < before,
            select(relationships.c.id)
            .where(
                relationships.c.programme_id == programmes.c.id,
                relationships.c.status == RelationshipStatus.ACTIVE,
            )
            .exists(),
        )
        .order_by(programmes.c.ends_on, programmes.c.id)
    )
    return [(r.id, r.ends_on, r.time_zone) for r in (await session.execute(query)).all()]


async def active_in_programmes(
    session: AsyncSession, programme_ids: Sequence[UUID], limit: int
) -> list[Relationship]:
    """Active relationships of these programmes (oldest first), locked for update."""
    if not programme_ids:
        return []
    query = (
        select(relationships)
        .where(
            relationships.c.status == RelationshipStatus.ACTIVE,
            relationships.c.programme_id.in_(programme_ids),
        )
        .order_by(relationships.c.created_at, relationships.c.id)
        .limit(limit)
        .with_for_update()
    )
    return [_relationship(r) for r in (await session.execute(query)).mappings()]


async def forget_explanations(session: AsyncSession, participant_id: UUID) -> None:
    """Explanations quote profile facts (goals, cities): erased with the profile."""
    theirs = select(relationship_members.c.relationship_id).where(
        relationship_members.c.participant_id == participant_id
    )
    await session.execute(
        update(relationship_members)
        .where(relationship_members.c.relationship_id.in_(theirs))
        .values(explanation=None)
    )
