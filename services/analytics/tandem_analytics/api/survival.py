"""The share of a programme's relationships still active by week (its managers)."""

from __future__ import annotations

from uuid import UUID

from fastapi import APIRouter

from tandem_analytics.api.deps import Ctx, problems
from tandem_analytics.schemas.survival import SurvivalPublic, SurvivalWeekPublic
from tandem_analytics.service import survival as use
from tandem_kit.auth import CurrentPrincipal

router = APIRouter(prefix="/v1/programmes/{programme_id}/survival", tags=["statistics"])


@router.get(
    "",
    summary="The share of relationships still active by programme week, Kaplan–Meier "
    "(its managers)",
    description="An early end is the event; a completed relationship is censored at its "
    "end, an active one now.",
    responses=problems(403, 404),
)
async def get_survival(programme_id: UUID, principal: CurrentPrincipal, ctx: Ctx) -> SurvivalPublic:
    weeks = await use.survival(ctx, principal, programme_id)
    return SurvivalPublic(weeks=[SurvivalWeekPublic.from_record(w) for w in weeks])
