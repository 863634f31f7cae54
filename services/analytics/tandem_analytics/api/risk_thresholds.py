"""A programme's drop-out risk thresholds (its managers)."""

from __future__ import annotations

from uuid import UUID

from fastapi import APIRouter

from tandem_analytics.api.deps import Ctx, problems
from tandem_analytics.schemas.risk_thresholds import RiskThresholdsIn, RiskThresholdsPublic
from tandem_analytics.service import risk_thresholds as use
from tandem_kit.auth import CurrentPrincipal

router = APIRouter(prefix="/v1/programmes/{programme_id}/risk-thresholds", tags=["drop-out risk"])


@router.get(
    "",
    summary="The programme's drop-out risk thresholds (its managers)",
    description="The defaults (`default: true`) until a manager sets them: 14 days without "
    "two-way contact, a message unanswered past twice the agreed response time (2 days "
    "before one is agreed), one planned activity's window passed without a meeting, two "
    "no-shows of one member, no agreement 14 days after the start, a member without contact "
    "or meeting for 21 days. Durations are fractional days (0.5 is twelve hours); "
    "`day_seconds` says how long a day lasts here (shorter only on a demo's time scale).",
    responses=problems(403, 404),
)
async def get_risk_thresholds(
    programme_id: UUID, principal: CurrentPrincipal, ctx: Ctx
) -> RiskThresholdsPublic:
    return await use.get_thresholds(ctx, principal, programme_id)


@router.put(
    "",
    summary="Set the programme's drop-out risk thresholds (its managers)",
    description="Replaces the whole set; the next evaluation uses it. Durations are "
    "fractional days from 0.04 (just under an hour): a smaller one is a 422. A demo "
    "deployment's time scale makes each day shorter, never the figures smaller.",
    responses=problems(403, 404),
)
async def set_risk_thresholds(
    programme_id: UUID, body: RiskThresholdsIn, principal: CurrentPrincipal, ctx: Ctx
) -> RiskThresholdsPublic:
    return await use.set_thresholds(ctx, principal, programme_id, body)
