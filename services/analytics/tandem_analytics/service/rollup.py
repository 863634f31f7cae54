"""Use case: an organisation's roll-up across its programmes.

An admin sees every programme of the organisation; a manager the ones they manage. Nobody
else learns that the organisation exists (404).
"""

from __future__ import annotations

from uuid import UUID

from tandem_analytics.adapters import rollup as repo
from tandem_analytics.domain.rollup import ProgrammeLine
from tandem_analytics.service.context import Context
from tandem_kit.api import Page
from tandem_kit.api.pagination import keyset_page
from tandem_kit.auth import Principal
from tandem_kit.errors import NotFound


async def rollup(
    ctx: Context, principal: Principal, organisation_id: UUID, *, cursor: str | None, limit: int
) -> Page[ProgrammeLine]:
    visible = (
        None
        if principal.is_admin
        else [UUID(p) for p in principal.programmes if principal.manages(p)]
    )
    async with ctx.database.transaction() as session:
        rows = await repo.programmes(session, organisation_id, visible, cursor, limit)
        known = await repo.has_programmes(session, organisation_id)
    if not known or (visible is not None and not rows and cursor is None):
        raise NotFound("No such organisation.", code="organisation_not_found")
    return keyset_page(
        rows,
        limit,
        key=lambda row: (row.programme_id,),
        item=lambda row: ProgrammeLine(
            row.programme_id,
            int(row.relationships),
            int(row.active),
            int(row.completed),
            int(row.ended_early),
            int(row.messages),
        ),
    )
