"""What the programme's manager sees: meeting and goal figures, ids and states only.

``meeting-figures`` is the manager's (a member of the programme gets a 403, anyone
else a 404); ``manager-view`` is one relationship's line of it, which its members may
ask for to see exactly what the manager sees about them (and its managers too).
"""

from __future__ import annotations

from collections.abc import Sequence
from uuid import UUID

from sqlalchemy.ext.asyncio import AsyncSession

from tandem_kit.api import next_cursor
from tandem_kit.auth import Principal
from tandem_kit.errors import Forbidden, NotFound
from tandem_meetings.adapters import manager_view as repo
from tandem_meetings.domain.goals import tally
from tandem_meetings.domain.manager_view import (
    Overseen,
    ProgrammeFigures,
    RelationshipFigures,
    meeting_tally,
    relationship_figures,
)
from tandem_meetings.schemas.manager_view import MeetingFiguresPublic, RelationshipFiguresPublic
from tandem_meetings.service import access, goals
from tandem_meetings.service.context import Context


async def figures_of(
    ctx: Context, session: AsyncSession, overseen: Sequence[Overseen]
) -> list[RelationshipFigures]:
    ids = [r.id for r in overseen]
    groups = await repo.meeting_groups(session, ids, ctx.now())
    counts = await goals.counts_of(session, ids)
    return [
        relationship_figures(r.id, r.programme_id, r.status, groups.get(r.id, []), counts[r.id])
        for r in overseen
    ]


async def manager_view(
    ctx: Context, principal: Principal, relationship_id: UUID
) -> RelationshipFiguresPublic:
    async with ctx.database.transaction() as session:
        relationship, _ = await access.relationship_party(session, principal, relationship_id)
        overseen = Overseen(
            relationship.id,
            relationship.programme_id,
            relationship.status.value,
            relationship.started_at,
        )
        [figures] = await figures_of(ctx, session, [overseen])
    return RelationshipFiguresPublic.from_record(figures)


async def meeting_figures(
    ctx: Context, principal: Principal, programme_id: UUID, *, cursor: str | None, limit: int
) -> MeetingFiguresPublic:
    if not principal.may_manage(programme_id):
        if principal.in_programme(programme_id):
            raise Forbidden(
                "The programme's meeting figures are its managers'; each member sees their "
                "own relationship's line at /v1/relationships/{id}/manager-view.",
                code="managers_only",
            )
        raise NotFound("No such programme.", code="programme_not_found")
    async with ctx.database.transaction() as session:
        rows = await repo.page_of_programme(session, programme_id, cursor, limit)
        lines = await figures_of(ctx, session, rows[:limit])
        totals = ProgrammeFigures(
            programme_id=programme_id,
            meetings=meeting_tally(
                await repo.programme_meeting_groups(session, programme_id, ctx.now())
            ),
            goals=tally(await repo.programme_goal_states(session, programme_id)),
            relationships=await repo.relationship_count(session, programme_id),
        )
    return MeetingFiguresPublic.of(
        totals,
        [RelationshipFiguresPublic.from_record(f) for f in lines],
        next_cursor(rows, limit, lambda r: (r.started_at, r.id)),
    )
