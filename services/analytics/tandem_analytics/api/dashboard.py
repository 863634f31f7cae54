"""A programme's dashboard (its managers and admins)."""

from __future__ import annotations

from uuid import UUID

from fastapi import APIRouter

from tandem_analytics.api.deps import Ctx, problems
from tandem_analytics.schemas.dashboard import DashboardPublic
from tandem_analytics.service import dashboard as use
from tandem_kit.auth import CurrentPrincipal

router = APIRouter(prefix="/v1/programmes/{programme_id}/dashboard", tags=["statistics"])


@router.get(
    "",
    summary="The programme's dashboard (its managers)",
    description="Relationships active and ended, drop-out rate, messages per week, meetings "
    "by mode, response times, adherence to the agreements and isolated participants: "
    "figures from the read models, never a word anyone wrote.",
    responses=problems(403, 404),
)
async def get_dashboard(
    programme_id: UUID, principal: CurrentPrincipal, ctx: Ctx
) -> DashboardPublic:
    return DashboardPublic.from_record(await use.dashboard(ctx, principal, programme_id))
