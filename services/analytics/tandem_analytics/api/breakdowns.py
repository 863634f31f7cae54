"""A programme's per-country and cross-country breakdowns (its managers and admins)."""

from __future__ import annotations

from uuid import UUID

from fastapi import APIRouter

from tandem_analytics.api.deps import Ctx, problems
from tandem_analytics.schemas.breakdowns import BreakdownsPublic, GroupPublic
from tandem_analytics.service import breakdowns as use
from tandem_kit.auth import CurrentPrincipal

router = APIRouter(prefix="/v1/programmes/{programme_id}/breakdowns", tags=["statistics"])


@router.get(
    "",
    summary="The programme's figures per country, same- against cross-country, format and "
    "modality (its managers)",
    responses=problems(403, 404),
)
async def get_breakdowns(
    programme_id: UUID, principal: CurrentPrincipal, ctx: Ctx
) -> BreakdownsPublic:
    groups = await use.programme_breakdowns(ctx, principal, programme_id)
    return BreakdownsPublic(groups=[GroupPublic.from_record(g) for g in groups])
