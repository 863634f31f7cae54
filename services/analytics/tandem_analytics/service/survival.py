"""Use case: the Kaplan–Meier share of a programme's relationships still active by week."""

from __future__ import annotations

from uuid import UUID

from tandem_analytics.adapters import breakdowns as repo
from tandem_analytics.domain.survival import SurvivalWeek, durations, kaplan_meier
from tandem_analytics.service.access import require_manager
from tandem_analytics.service.context import Context
from tandem_kit.auth import Principal


async def survival(ctx: Context, principal: Principal, programme_id: UUID) -> list[SurvivalWeek]:
    require_manager(principal, programme_id)
    async with ctx.database.transaction() as session:
        relationships = await repo.relationships_of(session, programme_id)
    return kaplan_meier(durations(relationships, ctx.now()))
