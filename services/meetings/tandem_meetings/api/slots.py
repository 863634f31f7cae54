"""Times that suit every member of a relationship for one of its planned activities."""

from __future__ import annotations

from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Query

from tandem_kit.auth import CurrentPrincipal
from tandem_meetings.api.deps import Ctx, problems
from tandem_meetings.schemas.slots import SlotsPublic
from tandem_meetings.service import slots as use

router = APIRouter(prefix="/v1/relationships/{relationship_id}/slots", tags=["plans"])


@router.get(
    "",
    summary="Ranked times for a planned activity (members)",
    description="Inside the activity's window, each member's availability on their own "
    "clock and the programme's meeting hours, minus busy times with buffers, after the "
    "minimum notice; ranked fair to every member's clock and spread over the window. "
    "When nothing fits, `blockers` say who blocks and why. Groups: the programme's quorum.",
    responses=problems(403, 404),
)
async def find_slots(
    relationship_id: UUID,
    principal: CurrentPrincipal,
    ctx: Ctx,
    activity_id: Annotated[UUID, Query(description="A planned activity's id (its plan).")],
    limit: Annotated[int, Query(ge=1, le=10)] = 3,
) -> SlotsPublic:
    return await use.find_relationship_slots(ctx, principal, relationship_id, activity_id, limit)
