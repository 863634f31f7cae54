"""What a programme's manager sees: counts and states, ids, never a word."""

from __future__ import annotations

from uuid import UUID

from fastapi import APIRouter

from tandem_kit.api import PageCursor, PageLimit
from tandem_kit.auth import CurrentPrincipal
from tandem_meetings.api.deps import Ctx, problems
from tandem_meetings.schemas.manager_view import MeetingFiguresPublic, RelationshipFiguresPublic
from tandem_meetings.service import manager_view as use

programme_router = APIRouter(prefix="/v1/programmes/{programme_id}", tags=["manager view"])
router = APIRouter(prefix="/v1/relationships/{relationship_id}", tags=["manager view"])


@programme_router.get(
    "/meeting-figures",
    summary="The programme's meeting figures (its managers)",
    description="Meetings scheduled, held and cancelled, online and face to face, and each "
    "relationship's goals done of total: ids, counts and states, no words. A member of the "
    "programme gets a 403.",
    responses=problems(400, 403, 404),
)
async def get_meeting_figures(
    programme_id: UUID,
    principal: CurrentPrincipal,
    ctx: Ctx,
    cursor: PageCursor = None,
    limit: PageLimit = 50,
) -> MeetingFiguresPublic:
    return await use.meeting_figures(ctx, principal, programme_id, cursor=cursor, limit=limit)


@router.get(
    "/manager-view",
    summary="Exactly what the manager sees about this relationship (members and managers)",
    description="The relationship's line of the programme's meeting figures.",
    responses=problems(404),
)
async def get_manager_view(
    relationship_id: UUID, principal: CurrentPrincipal, ctx: Ctx
) -> RelationshipFiguresPublic:
    return await use.manager_view(ctx, principal, relationship_id)
