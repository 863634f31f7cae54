"""The blended plan: the programme's template and policy, and a relationship's plan."""

from __future__ import annotations

from uuid import UUID

from fastapi import APIRouter

from tandem_kit.auth import CurrentPrincipal
from tandem_meetings.api.deps import Ctx, problems
from tandem_meetings.schemas.plans import PlanUpdate, ProgrammePlanPublic, RelationshipPlanPublic
from tandem_meetings.service import plans as use

programme_router = APIRouter(prefix="/v1/programmes/{programme_id}/plan", tags=["plans"])
relationship_router = APIRouter(prefix="/v1/relationships/{relationship_id}/plan", tags=["plans"])


@programme_router.get(
    "",
    summary="The programme's plan and meeting policy (its managers)",
    description="The default plan (`default: true`) until a manager sets one: a "
    "face-to-face kick-off within two weeks, online sessions every two weeks, a "
    "face-to-face midpoint review and a face-to-face closing in the last two weeks; "
    "meeting hours 08:00–20:00 on each member's clock, 24 h notice, 15 min buffers, "
    "reminders 24 h and 1 h before, everyone in a group.",
    responses=problems(403, 404),
)
async def get_programme_plan(
    programme_id: UUID, principal: CurrentPrincipal, ctx: Ctx
) -> ProgrammePlanPublic:
    return await use.get_programme_plan(ctx, principal, programme_id)


@programme_router.put(
    "",
    summary="Set the programme's plan and meeting policy (its managers)",
    description="Replaces the whole plan; relationships that have started keep the plan "
    "they were given, the new one applies to those that start after. The policy applies "
    "to every search from now on.",
    responses=problems(403, 404),
)
async def set_programme_plan(
    programme_id: UUID, body: PlanUpdate, principal: CurrentPrincipal, ctx: Ctx
) -> ProgrammePlanPublic:
    return await use.set_programme_plan(ctx, principal, programme_id, body)


@relationship_router.get(
    "",
    summary="A relationship's plan (members and its managers)",
    description="Its planned activities with their windows, states and adaptations "
    "(`adapted`, `reason`: held online because a member can only meet online, or the "
    "members live beyond the programme's face-to-face reach), and the proposed times of "
    "the first activity on every member's clock.",
    responses=problems(404),
)
async def get_relationship_plan(
    relationship_id: UUID, principal: CurrentPrincipal, ctx: Ctx
) -> RelationshipPlanPublic:
    return await use.get_relationship_plan(ctx, principal, relationship_id)
