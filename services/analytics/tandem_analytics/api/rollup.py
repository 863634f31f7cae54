"""An organisation's roll-up across programmes (admins; managers for their programmes)."""

from __future__ import annotations

from uuid import UUID

from fastapi import APIRouter

from tandem_analytics.api.deps import Ctx, problems
from tandem_analytics.schemas.rollup import ProgrammeLinePublic, RollupPage
from tandem_analytics.service import rollup as use
from tandem_kit.api import PageCursor, PageLimit
from tandem_kit.auth import CurrentPrincipal

router = APIRouter(prefix="/v1/organisations/{organisation_id}/rollup", tags=["statistics"])


@router.get(
    "",
    summary="The organisation's programmes side by side (admins; managers see theirs)",
    responses=problems(400, 404),
)
async def get_rollup(
    organisation_id: UUID,
    principal: CurrentPrincipal,
    ctx: Ctx,
    cursor: PageCursor = None,
    limit: PageLimit = 50,
) -> RollupPage:
    page = await use.rollup(ctx, principal, organisation_id, cursor=cursor, limit=limit)
    return RollupPage(
        items=[ProgrammeLinePublic.from_record(line) for line in page.items],
        next_cursor=page.next_cursor,
    )
