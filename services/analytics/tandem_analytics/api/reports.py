"""A programme's weekly reports (its managers and admins)."""

from __future__ import annotations

from uuid import UUID

from fastapi import APIRouter

from tandem_analytics.api.deps import Ctx, problems
from tandem_analytics.schemas.reports import ReportPage, ReportPublic
from tandem_analytics.service import reports as use
from tandem_kit.api import PageCursor, PageLimit
from tandem_kit.auth import CurrentPrincipal

router = APIRouter(prefix="/v1/programmes/{programme_id}/reports", tags=["statistics"])


@router.get(
    "",
    summary="The programme's weekly reports, newest week first (its managers)",
    description="One report per ISO week (UTC) in which a relationship was active, made "
    "once the week has ended and announced by `programme.report.ready`: the dashboard's "
    "figures as the week closed, counts only.",
    responses=problems(400, 403, 404),
)
async def list_reports(
    programme_id: UUID,
    principal: CurrentPrincipal,
    ctx: Ctx,
    cursor: PageCursor = None,
    limit: PageLimit = 20,
) -> ReportPage:
    items, next_cursor = await use.list_reports(
        ctx, principal, programme_id, cursor=cursor, limit=limit
    )
    return ReportPage(items=[ReportPublic.of(r) for r in items], next_cursor=next_cursor)


@router.get(
    "/{report_id}",
    summary="One weekly report (its managers)",
    description="The report `programme.report.ready` named.",
    responses=problems(403, 404),
)
async def get_report(
    programme_id: UUID, report_id: UUID, principal: CurrentPrincipal, ctx: Ctx
) -> ReportPublic:
    return ReportPublic.of(await use.get_report(ctx, principal, programme_id, report_id))
