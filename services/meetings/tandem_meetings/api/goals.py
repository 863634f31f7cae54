"""A relationship's goals and milestones (members only; managers get counts elsewhere)."""

from __future__ import annotations

from uuid import UUID

from fastapi import APIRouter, Response, status

from tandem_kit.api import Page, PageCursor, PageLimit
from tandem_kit.auth import CurrentPrincipal
from tandem_meetings.api.deps import Ctx, problems
from tandem_meetings.schemas.goals import (
    GoalCreate,
    GoalPublic,
    GoalUpdate,
    MilestoneCreate,
    MilestonePublic,
    MilestoneUpdate,
)
from tandem_meetings.service import goals as use

router = APIRouter(prefix="/v1/relationships/{relationship_id}/goals", tags=["goals"])

_PROGRESSED = "Emits `goal.progressed` (counts and states, no words)."


@router.get(
    "",
    summary="The relationship's goals, oldest first (members)",
    description="The first ones come from the mentee's profile (a `token`, no title yet). "
    "Managers get a 403: they see counts and states in the manager view.",
    responses=problems(400, 403, 404),
)
async def list_goals(
    relationship_id: UUID,
    principal: CurrentPrincipal,
    ctx: Ctx,
    cursor: PageCursor = None,
    limit: PageLimit = 50,
) -> Page[GoalPublic]:
    return await use.list_goals(ctx, principal, relationship_id, cursor=cursor, limit=limit)


@router.post(
    "",
    status_code=status.HTTP_201_CREATED,
    summary="Add a goal, with a target date and milestones (members)",
    description=_PROGRESSED,
    responses=problems(403, 404, 409),
)
async def add_goal(
    relationship_id: UUID,
    body: GoalCreate,
    principal: CurrentPrincipal,
    ctx: Ctx,
    response: Response,
) -> GoalPublic:
    goal = await use.add_goal(ctx, principal, relationship_id, body)
    response.headers["Location"] = f"/v1/relationships/{relationship_id}/goals/{goal.id}"
    return goal


@router.get(
    "/{goal_id}",
    summary="One goal with its milestones (members)",
    responses=problems(403, 404),
)
async def get_goal(
    relationship_id: UUID, goal_id: UUID, principal: CurrentPrincipal, ctx: Ctx
) -> GoalPublic:
    return await use.get_goal(ctx, principal, relationship_id, goal_id)


@router.patch(
    "/{goal_id}",
    summary="Rename, re-date or mark progress (members)",
    description="open → in_progress → done, or dropped; a move the state does not allow "
    f"is a 409. {_PROGRESSED}",
    responses=problems(403, 404, 409),
)
async def update_goal(
    relationship_id: UUID, goal_id: UUID, body: GoalUpdate, principal: CurrentPrincipal, ctx: Ctx
) -> GoalPublic:
    return await use.update_goal(ctx, principal, relationship_id, goal_id, body)


@router.post(
    "/{goal_id}/milestones",
    status_code=status.HTTP_201_CREATED,
    summary="Add a milestone to an open goal (members)",
    description=_PROGRESSED,
    responses=problems(403, 404, 409),
)
async def add_milestone(
    relationship_id: UUID,
    goal_id: UUID,
    body: MilestoneCreate,
    principal: CurrentPrincipal,
    ctx: Ctx,
    response: Response,
) -> MilestonePublic:
    milestone = await use.add_milestone(ctx, principal, relationship_id, goal_id, body)
    response.headers["Location"] = (
        f"/v1/relationships/{relationship_id}/goals/{goal_id}/milestones/{milestone.id}"
    )
    return milestone


@router.patch(
    "/{goal_id}/milestones/{milestone_id}",
    summary="Rename, re-date or tick off a milestone (members)",
    description=_PROGRESSED,
    responses=problems(403, 404, 409),
)
async def update_milestone(
    relationship_id: UUID,
    goal_id: UUID,
    milestone_id: UUID,
    body: MilestoneUpdate,
    principal: CurrentPrincipal,
    ctx: Ctx,
) -> MilestonePublic:
    return await use.update_milestone(ctx, principal, relationship_id, goal_id, milestone_id, body)
