"""Use case: the service's status."""

from __future__ import annotations

from tandem_analytics import VERSION
from tandem_analytics.adapters import status as repo
from tandem_analytics.domain.status import Status
from tandem_analytics.service.context import Context


async def current_status(ctx: Context) -> Status:
    async with ctx.database.transaction() as session:
        handled = await repo.events_handled(session, ctx.settings.service_name)
    return Status(
        service=ctx.settings.service_name,
        version=VERSION,
        events_handled=handled,
        checked_at=ctx.now(),
    )
