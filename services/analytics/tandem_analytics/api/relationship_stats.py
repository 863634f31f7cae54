"""One relationship's statistics (its programme's managers and admins)."""

from __future__ import annotations

from uuid import UUID

from fastapi import APIRouter

from tandem_analytics.api.deps import Ctx, problems
from tandem_analytics.schemas.relationship_stats import RelationshipStatsPublic
from tandem_analytics.service import relationship_stats as use
from tandem_kit.auth import CurrentPrincipal

router = APIRouter(
    prefix="/v1/programmes/{programme_id}/relationships/{relationship_id}/statistics",
    tags=["statistics"],
)


@router.get(
    "",
    summary="A relationship's statistics (its programme's managers)",
    description="Messages per member and week, response times, the last two-way contact, "
    "meetings by mode, goals and the agreement: counts and times, never content.",
    responses=problems(403, 404),
)
async def get_relationship_statistics(
    programme_id: UUID, relationship_id: UUID, principal: CurrentPrincipal, ctx: Ctx
) -> RelationshipStatsPublic:
    stats = await use.statistics(ctx, principal, programme_id, relationship_id)
    return RelationshipStatsPublic.from_record(stats)
