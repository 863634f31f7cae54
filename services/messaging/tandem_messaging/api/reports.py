"""Misconduct reports: any member reports a message or a post; managers handle them."""

from __future__ import annotations

from uuid import UUID

from fastapi import APIRouter

from tandem_kit.api import Page, PageCursor, PageLimit
from tandem_kit.auth import CurrentPrincipal
from tandem_messaging.api.deps import Ctx, problems
from tandem_messaging.domain.reports import ReportStatus
from tandem_messaging.schemas.reports import ReportCreate, ReportPublic, ReportReceipt, ReportUpdate
from tandem_messaging.service import reports as use

router = APIRouter(prefix="/v1", tags=["reports"])


@router.post(
    "/conversations/{conversation_id}/messages/{message_id}/reports",
    status_code=201,
    summary="Report a private message",
    description="The manager sees who, when and why; the message text only if you "
    "set `include_excerpt`.",
    responses=problems(403, 404, 410),
)
async def report_message(
    conversation_id: UUID,
    message_id: UUID,
    body: ReportCreate,
    principal: CurrentPrincipal,
    ctx: Ctx,
) -> ReportReceipt:
    return await use.report_message(ctx, principal, conversation_id, message_id, body)


@router.post(
    "/forums/{forum_id}/posts/{post_id}/reports",
    status_code=201,
    summary="Report a forum post",
    responses=problems(403, 404),
)
async def report_post(
    forum_id: UUID, post_id: UUID, body: ReportCreate, principal: CurrentPrincipal, ctx: Ctx
) -> ReportReceipt:
    return await use.report_post(ctx, principal, forum_id, post_id, body)


@router.get(
    "/programmes/{programme_id}/reports",
    summary="The report queue (manager)",
    responses=problems(400, 403, 404),
)
async def list_reports(
    programme_id: UUID,
    principal: CurrentPrincipal,
    ctx: Ctx,
    status: ReportStatus | None = None,
    cursor: PageCursor = None,
    limit: PageLimit = 50,
) -> Page[ReportPublic]:
    return await use.list_reports(
        ctx, principal, programme_id, status=status, cursor=cursor, limit=limit
    )


@router.patch(
    "/programmes/{programme_id}/reports/{report_id}",
    summary="Resolve or reopen a report (manager)",
    responses=problems(403, 404),
)
async def update_report(
    programme_id: UUID, report_id: UUID, body: ReportUpdate, principal: CurrentPrincipal, ctx: Ctx
) -> ReportPublic:
    return await use.update_report(ctx, principal, programme_id, report_id, body)
