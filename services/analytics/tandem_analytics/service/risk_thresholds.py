"""A programme's drop-out risk thresholds: its managers read and set them."""

from __future__ import annotations

from uuid import UUID

from tandem_analytics.adapters import risk_thresholds as repo
from tandem_analytics.schemas.risk_thresholds import RiskThresholdsIn, RiskThresholdsPublic
from tandem_analytics.service.context import Context
from tandem_kit.auth import Principal
from tandem_kit.errors import Forbidden, NotFound


def require_manager(principal: Principal, programme_id: UUID) -> None:
    """A manager of the programme or an admin; a member of it gets a 403, anyone else a 404."""
    if principal.may_manage(programme_id):
        return
    if principal.in_programme(programme_id):
        raise Forbidden("The programme's drop-out risk is its managers'.", code="managers_only")
    raise NotFound("No such programme.", code="programme_not_found")


async def get_thresholds(
    ctx: Context, principal: Principal, programme_id: UUID
) -> RiskThresholdsPublic:
    require_manager(principal, programme_id)
    async with ctx.database.transaction() as session:
        thresholds, updated_at = await repo.thresholds_of(session, programme_id)
    return RiskThresholdsPublic.of(
        thresholds, updated_at, day_seconds=ctx.settings.risk_day_seconds
    )


async def set_thresholds(
    ctx: Context, principal: Principal, programme_id: UUID, body: RiskThresholdsIn
) -> RiskThresholdsPublic:
    require_manager(principal, programme_id)
    now = ctx.now()
    thresholds = body.to_record()
    async with ctx.database.transaction() as session:
        await repo.save(session, programme_id, thresholds, now)
    return RiskThresholdsPublic.of(thresholds, now, day_seconds=ctx.settings.risk_day_seconds)
