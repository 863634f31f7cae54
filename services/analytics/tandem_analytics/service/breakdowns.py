"""Use case: a programme's figures per country, reach, format and modality."""

from __future__ import annotations

from uuid import UUID

from tandem_analytics.adapters import breakdowns as repo
from tandem_analytics.domain.breakdowns import Group, breakdowns
from tandem_analytics.service.access import require_manager
from tandem_analytics.service.context import Context
from tandem_kit.auth import Principal


async def programme_breakdowns(
    ctx: Context, principal: Principal, programme_id: UUID
) -> list[Group]:
    require_manager(principal, programme_id)
    async with ctx.database.transaction() as session:
        relationships = await repo.relationships_of(session, programme_id)
    return breakdowns(relationships)
