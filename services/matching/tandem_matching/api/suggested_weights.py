"""Analytics' suggested match weights beside the programme's current ones (managers)."""

from __future__ import annotations

from uuid import UUID

from fastapi import APIRouter

from tandem_kit.api import problems
from tandem_kit.auth import CurrentPrincipal
from tandem_matching.api.deps import Ctx
from tandem_matching.schemas.suggested_weights import SuggestedWeightsPublic
from tandem_matching.service import suggested_weights as use

router = APIRouter(prefix="/v1/programmes/{programme_id}/suggested-weights", tags=["programmes"])


@router.get(
    "",
    summary="Suggested match weights beside the current ones (manager)",
    description="Analytics fits each soft criterion's score against completion over the "
    "programme's finished relationships and suggests weights (`matching.weights.suggested`). "
    "They are shown here beside the programme's current weights; nothing changes until a "
    "manager sets the policy's weights. 404 `no_suggestion` until analytics has suggested any.",
    responses=problems(403, 404),
)
async def get_suggested_weights(
    programme_id: UUID, principal: CurrentPrincipal, ctx: Ctx
) -> SuggestedWeightsPublic:
    return await use.get_suggested(ctx, principal, programme_id)
