"""What the manager sees about me, in analytics (any authenticated participant)."""

from __future__ import annotations

from fastapi import APIRouter

from tandem_analytics.api.deps import Ctx, problems
from tandem_analytics.schemas.manager_view import ManagerViewPublic, ParticipantViewPublic
from tandem_analytics.service import manager_view as use
from tandem_kit.auth import CurrentPrincipal

router = APIRouter(prefix="/v1/me/manager-view", tags=["manager view"])


@router.get(
    "",
    summary="Exactly what your programmes' managers see about you in analytics",
    description="Whether the dashboard lists you as isolated, and each of your "
    "relationships' statistics as the manager reads them: counts and times, never content "
    "(messaging and meetings show their own part the same way).",
    responses=problems(),
)
async def get_manager_view(principal: CurrentPrincipal, ctx: Ctx) -> ManagerViewPublic:
    views = await use.manager_view(ctx, principal)
    return ManagerViewPublic(programmes=[ParticipantViewPublic.from_record(v) for v in views])
