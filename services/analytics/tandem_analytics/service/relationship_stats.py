"""Use case: one relationship's statistics for its programme's managers."""

from __future__ import annotations

from uuid import UUID

from sqlalchemy.ext.asyncio import AsyncSession

from tandem_analytics.adapters import relationship_stats as repo
from tandem_analytics.domain.readmodels import last_two_way, percentile
from tandem_analytics.domain.relationship_stats import MemberStats, RelationshipStats
from tandem_analytics.service.access import require_manager
from tandem_analytics.service.context import Context
from tandem_kit.auth import Principal
from tandem_kit.errors import NotFound


async def statistics(
    ctx: Context, principal: Principal, programme_id: UUID, relationship_id: UUID
) -> RelationshipStats:
    require_manager(principal, programme_id)
    async with ctx.database.transaction() as session:
        stats = await read(session, programme_id, relationship_id)
    if stats is None:
        raise NotFound("No such relationship in this programme.", code="relationship_not_found")
    return stats


async def read(
    session: AsyncSession, programme_id: UUID, relationship_id: UUID
) -> RelationshipStats | None:
    """The statistics, in the caller's transaction (the manager view reads them too)."""
    row = await repo.relationship(session, programme_id, relationship_id)
    if row is None:
        return None
    members = await repo.members(session, relationship_id)
    responses = await repo.responses(session, relationship_id)
    weeks = await repo.weeks(session, relationship_id)
    meetings = await repo.meetings(session, relationship_id)
    goals, goals_done, milestones, milestones_done = await repo.goals(session, relationship_id)
    by_responder: dict[UUID, list[float]] = {}
    for responder, seconds in responses:
        by_responder.setdefault(responder, []).append(seconds / 3600)
    return RelationshipStats(
        relationship_id=row.relationship_id,
        programme_id=row.programme_id,
        format=row.format,
        starts_on=row.starts_on,
        agreed_end_date=row.agreed_end_date,
        ended_at=row.ended_at,
        outcome=row.outcome,
        ended_by=row.ended_by,
        end_reason=row.end_reason,
        agreed_response_hours=row.agreed_response_hours,
        agreed_cadence_days=row.agreed_cadence_days,
        last_two_way_at=last_two_way(
            (m.last_message_at for m in members), row.last_meeting_held_at
        ),
        members=tuple(
            MemberStats(
                m.participant_id,
                m.role,
                m.messages,
                m.last_message_at,
                percentile(by_responder.get(m.participant_id, []), 0.5),
            )
            for m in members
        ),
        messages_per_week=tuple(weeks),
        meetings_by_mode=tuple(meetings),
        goals=goals,
        goals_done=goals_done,
        milestones=milestones,
        milestones_done=milestones_done,
    )
