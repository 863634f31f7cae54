"""Use case: a programme's CSV export, streamed a page of relationships at a time (one
short transaction per page, so a long download holds no transaction open)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from uuid import UUID

from tandem_analytics.adapters import exports as repo
from tandem_analytics.domain.exports import BOM, HEADER, lines, row_of
from tandem_analytics.service.access import require_manager
from tandem_analytics.service.context import Context
from tandem_kit.auth import Principal

PAGE = 500


def programme_csv(ctx: Context, principal: Principal, programme_id: UUID) -> AsyncIterator[str]:
    """Checks access now (before the response starts), then yields the CSV's chunks."""
    require_manager(principal, programme_id)
    return _chunks(ctx, programme_id)


async def _chunks(ctx: Context, programme_id: UUID) -> AsyncIterator[str]:
    yield BOM + lines([HEADER])
    after: UUID | None = None
    while True:
        async with ctx.database.transaction() as session:
            rows = await repo.page(session, programme_id, after, PAGE)
        if not rows:
            return
        yield lines(row_of(r) for r in rows)
        after = rows[-1].relationship_id
