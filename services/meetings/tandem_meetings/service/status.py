"""Use case: the service's status."""

from __future__ import annotations

from tandem_meetings import VERSION
from tandem_meetings.adapters import status as repo
from tandem_meetings.domain.status import Status
from tandem_meetings.service.context import Context


async def current_status(ctx: Context) -> Status:
    async with ctx.database.transaction() as session:
        handled = await repo.events_handled(session, ctx.settings.service_name)
    return Status(
        service=ctx.settings.service_name,
        version=VERSION,
        events_handled=handled,
        checked_at=ctx.now(),
    )
