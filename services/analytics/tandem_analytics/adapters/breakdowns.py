"""The SQL behind breakdowns and survival: each relationship with its members' facts."""

from __future__ import annotations

from collections import defaultdict
from uuid import UUID

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from tandem_analytics.adapters.tables import rm_members, rm_participants, rm_relationships
from tandem_analytics.domain.breakdowns import RelationshipFacts


async def relationships_of(
    session: AsyncSession,
    programme: UUID,
    *,
    after: UUID | None = None,
    limit: int | None = None,
) -> list[RelationshipFacts]:
    """The programme's relationships by id (those after ``after``, at most ``limit``)."""
    r, m, p = rm_relationships.c, rm_members.c, rm_participants.c
    ids = select(r.relationship_id).where(r.programme_id == programme)
    if after is not None:
        ids = ids.where(r.relationship_id > after)
    ids = ids.order_by(r.relationship_id).limit(limit)
    chosen = [row[0] for row in await session.execute(ids)]
    if not chosen:
        return []
    members = await session.execute(
        select(m.relationship_id, m.messages, p.country, p.modality)
        .select_from(
            rm_members.join(rm_relationships, r.relationship_id == m.relationship_id).outerjoin(
                rm_participants, p.participant_id == m.participant_id
            )
        )
        .where(r.relationship_id.in_(chosen))
    )
    messages: dict[UUID, int] = defaultdict(int)
    countries: dict[UUID, set[str]] = defaultdict(set)
    modalities: dict[UUID, set[str]] = defaultdict(set)
    for row in members:
        messages[row.relationship_id] += row.messages
        if row.country is not None:
            countries[row.relationship_id].add(row.country)
        if row.modality is not None:
            modalities[row.relationship_id].add(row.modality)
    rows = await session.execute(
        select(r.relationship_id, r.format, r.started_at, r.ended_at, r.outcome)
        .where(r.relationship_id.in_(chosen))
        .order_by(r.relationship_id)
    )
    return [
        RelationshipFacts(
            row.relationship_id,
            row.format,
            row.started_at,
            row.ended_at,
            row.outcome,
            messages[row.relationship_id],
            frozenset(countries[row.relationship_id]),
            frozenset(modalities[row.relationship_id]),
        )
        for row in rows
    ]
