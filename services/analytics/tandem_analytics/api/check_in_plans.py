"""A programme's check-in plan: pulses, the midpoint review, the final evaluation."""

from __future__ import annotations

from uuid import UUID

from fastapi import APIRouter

from tandem_analytics.api.deps import Ctx
from tandem_analytics.schemas.check_in_plans import CheckInPlanPublic, CheckInPlanUpdate
from tandem_analytics.service import check_in_plans as use
from tandem_kit.api import problems
from tandem_kit.auth import CurrentPrincipal

router = APIRouter(prefix="/v1/programmes/{programme_id}/check-in-plan", tags=["check-ins"])


@router.put(
    "",
    summary="Set the programme's check-in plan (managers)",
    description="Pulses every N weeks (one to three standard questions, 1-5), a midpoint "
    "review and a final evaluation (standard questions plus the programme's own, worded "
    "in every language the programme declares), and the consent mode.",
    responses=problems(403, 404, 422),
)
async def put_check_in_plan(
    programme_id: UUID, body: CheckInPlanUpdate, principal: CurrentPrincipal, ctx: Ctx
) -> CheckInPlanPublic:
    return CheckInPlanPublic.from_record(await use.put_plan(ctx, principal, programme_id, body))


@router.get(
    "",
    summary="The programme's check-in plan (managers)",
    responses=problems(403, 404),
)
async def get_check_in_plan(
    programme_id: UUID, principal: CurrentPrincipal, ctx: Ctx
) -> CheckInPlanPublic:
    return CheckInPlanPublic.from_record(await use.get_plan(ctx, principal, programme_id))
