"""Messaging's reports: filing one about a message or a forum post, and a programme's
queue for its managers (reading it, resolving or reopening a report)."""

from __future__ import annotations

import uuid

from tandem_web.adapters.forums_api import SERVICE, refused_as_input
from tandem_web.adapters.service_calls import authenticated, expect, reaching
from tandem_web.clients.messaging import AuthenticatedClient
from tandem_web.clients.messaging.api.reports import (
    list_reports,
    report_message,
    report_post,
    update_report,
)
from tandem_web.clients.messaging.models import (
    PageReportPublic,
    ReportCreate,
    ReportPublic,
    ReportReason,
    ReportReceipt,
    ReportStatus,
    ReportUpdate,
)
from tandem_web.clients.messaging.types import UNSET
from tandem_web.domain.reports import Report

MAX_PAGES = 10


def _client(url: str, token: str) -> AuthenticatedClient:
    return authenticated(AuthenticatedClient, url, token)


def _draft(reason: str, note: str | None, include_excerpt: bool) -> ReportCreate:
    return ReportCreate(
        reason=ReportReason(reason), note=note or UNSET, include_excerpt=include_excerpt
    )


async def report_a_post(
    url: str,
    token: str,
    forum_id: uuid.UUID,
    post_id: uuid.UUID,
    reason: str,
    note: str | None,
    include_excerpt: bool,
) -> None:
    async with reaching(SERVICE), _client(url, token) as client:
        answer = await report_post.asyncio_detailed(
            forum_id, post_id, client=client, body=_draft(reason, note, include_excerpt)
        )
        refused_as_input(answer.status_code, answer.parsed)  # 422: one's own post
        expect(SERVICE, answer.status_code, answer.parsed, ReportReceipt, ok=201)


async def report_a_message(
    url: str,
    token: str,
    conversation_id: uuid.UUID,
    message_id: uuid.UUID,
    reason: str,
    note: str | None,
    include_excerpt: bool,
) -> None:
    async with reaching(SERVICE), _client(url, token) as client:
        answer = await report_message.asyncio_detailed(
            conversation_id, message_id, client=client, body=_draft(reason, note, include_excerpt)
        )
        refused_as_input(answer.status_code, answer.parsed)  # 422: one's own message
        expect(SERVICE, answer.status_code, answer.parsed, ReportReceipt, ok=201)


def _report(item: ReportPublic) -> Report:
    return Report(
        item.id,
        str(item.target_kind),
        item.container_id,
        item.target_id,
        item.author.role if isinstance(item.author.role, str) else None,
        item.reporter.role if isinstance(item.reporter.role, str) else None,
        str(item.reason),
        item.note if isinstance(item.note, str) else None,
        item.excerpt if isinstance(item.excerpt, str) else None,
        str(item.status),
        item.created_at,
        item.resolved_at if item.resolved_at else None,
    )


async def queue(url: str, token: str, programme_id: uuid.UUID, status: str) -> list[Report]:
    """The programme's reports in ``status`` (open or resolved)."""
    found: list[Report] = []
    cursor: str | None = None
    async with reaching(SERVICE), _client(url, token) as client:
        for _ in range(MAX_PAGES):
            answer = await list_reports.asyncio_detailed(
                programme_id,
                client=client,
                status=ReportStatus(status),
                cursor=cursor or UNSET,
                limit=200,
            )
            page = expect(SERVICE, answer.status_code, answer.parsed, PageReportPublic)
            found += [_report(item) for item in page.items]
            cursor = page.next_cursor if isinstance(page.next_cursor, str) else None
            if not cursor:
                break
    return found


async def set_status(
    url: str, token: str, programme_id: uuid.UUID, report_id: uuid.UUID, status: str
) -> None:
    async with reaching(SERVICE), _client(url, token) as client:
        answer = await update_report.asyncio_detailed(
            programme_id, report_id, client=client, body=ReportUpdate(status=ReportStatus(status))
        )
        expect(SERVICE, answer.status_code, answer.parsed, ReportPublic)
