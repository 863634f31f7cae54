"""Reports of misconduct on a message or a forum post, and the managers' queue.

A report about a private message tells the manager who, when and why; the
reported text travels only if the reporter chooses to include it (verified: it
is copied from the stored message, not typed by the reporter). Notes and
excerpts are sealed with the programme's key, which only managers' views open.
"""

from __future__ import annotations

from uuid import UUID, uuid4

from sqlalchemy.ext.asyncio import AsyncSession

from tandem_kit.api import Page, keyset_page
from tandem_kit.auth import Principal
from tandem_kit.errors import NotFound, Unprocessable
from tandem_messaging.adapters import forums, messages, programmes, reports
from tandem_messaging.domain.programmes import ProgrammeKeep
from tandem_messaging.domain.reports import Report, ReportStatus
from tandem_messaging.schemas.reports import (
    ReportCreate,
    ReportParty,
    ReportPublic,
    ReportReceipt,
    ReportUpdate,
)
from tandem_messaging.service.access import conversation_member, forum_reader, programme_manager
from tandem_messaging.service.context import Context
from tandem_messaging.service.sealing import (
    conversation_key,
    forum_key,
    open_item,
    programme_key,
    seal_item,
)

KIND = "report"


async def _programme(session: AsyncSession, programme_id: UUID) -> ProgrammeKeep:
    programme = await programmes.by_id(session, programme_id)
    if programme is None:
        raise NotFound("No such programme.", code="programme_not_found")
    return programme


async def _file(
    session: AsyncSession,
    ctx: Context,
    programme: ProgrammeKeep,
    *,
    kind: str,
    container_id: UUID,
    target_id: UUID,
    author: tuple[UUID | None, str | None],
    reporter: tuple[str, UUID | None, str],
    draft: ReportCreate,
    excerpt: str | None,
) -> ReportReceipt:
    key = programme_key(ctx.keyring, programme)
    report_id = uuid4()
    note = draft.note.strip() if draft.note else None
    report = Report(
        id=report_id,
        programme_id=programme.id,
        target_kind=kind,
        container_id=container_id,
        target_id=target_id,
        target_author_participant_id=author[0],
        target_author_role=author[1],
        reporter_subject=reporter[0],
        reporter_participant_id=reporter[1],
        reporter_role=reporter[2],
        reason=draft.reason.value,
        note=seal_item(key, KIND, programme.id, report_id, note, "note") if note else None,
        excerpt=seal_item(key, KIND, programme.id, report_id, excerpt, "excerpt")
        if excerpt is not None
        else None,
        status=ReportStatus.OPEN,
        created_at=ctx.now(),
    )
    await reports.add(session, report)
    return ReportReceipt(
        id=report_id,
        status=ReportStatus.OPEN,
        includes_excerpt=excerpt is not None,
        created_at=report.created_at,
    )


def _not_own(author_subject: str | None, principal: Principal) -> None:
    if author_subject == principal.subject:
        raise Unprocessable("You cannot report what you wrote yourself.", code="own_content")


async def report_message(
    ctx: Context, principal: Principal, conversation_id: UUID, message_id: UUID, draft: ReportCreate
) -> ReportReceipt:
    async with ctx.database.transaction() as session:
        conversation, me = await conversation_member(session, principal, conversation_id, ctx.now())
        message = await messages.by_id(session, conversation.id, message_id)
        if message is None:
            raise NotFound("No such message in this conversation.", code="message_not_found")
        _not_own(message.sender_subject, principal)
        excerpt = (
            open_item(
                conversation_key(ctx.keyring, conversation),
                "message",
                conversation.id,
                message.id,
                message.body,
            )
            if draft.include_excerpt
            else None
        )
        return await _file(
            session,
            ctx,
            await _programme(session, conversation.programme_id),
            kind="message",
            container_id=conversation.id,
            target_id=message.id,
            author=(message.sender_participant_id, message.sender_role),
            reporter=(principal.subject, me.participant_id, me.role),
            draft=draft,
            excerpt=excerpt,
        )


async def report_post(
    ctx: Context, principal: Principal, forum_id: UUID, post_id: UUID, draft: ReportCreate
) -> ReportReceipt:
    async with ctx.database.transaction() as session:
        seat = await forum_reader(session, principal, forum_id)
        post = await forums.post(session, forum_id, post_id)
        if post is None:
            raise NotFound("No such post in this forum.", code="post_not_found")
        _not_own(post.author.subject, principal)
        excerpt = (
            open_item(forum_key(ctx.keyring, seat.forum), "post", forum_id, post.id, post.body)
            if draft.include_excerpt
            else None
        )
        return await _file(
            session,
            ctx,
            await _programme(session, seat.forum.programme_id),
            kind="post",
            container_id=forum_id,
            target_id=post.id,
            author=(post.author.participant_id, post.author.role),
            reporter=(principal.subject, seat.participant_id, seat.role),
            draft=draft,
            excerpt=excerpt,
        )


def _view(key: bytes, report: Report) -> ReportPublic:
    return ReportPublic(
        id=report.id,
        target_kind=report.target_kind,
        container_id=report.container_id,
        target_id=report.target_id,
        author=ReportParty(
            participant_id=report.target_author_participant_id, role=report.target_author_role
        ),
        reporter=ReportParty(
            participant_id=report.reporter_participant_id, role=report.reporter_role
        ),
        reason=report.reason,
        note=open_item(key, KIND, report.programme_id, report.id, report.note, "note"),
        excerpt=open_item(key, KIND, report.programme_id, report.id, report.excerpt, "excerpt"),
        status=report.status,
        created_at=report.created_at,
        resolved_at=report.resolved_at,
    )


async def list_reports(
    ctx: Context,
    principal: Principal,
    programme_id: UUID,
    *,
    status: ReportStatus | None,
    cursor: str | None,
    limit: int,
) -> Page[ReportPublic]:
    async with ctx.database.transaction() as session:
        await programme_manager(session, principal, programme_id)
        programme = await _programme(session, programme_id)
        rows = await reports.page(session, programme_id, status=status, cursor=cursor, limit=limit)
    key = programme_key(ctx.keyring, programme)
    return keyset_page(
        rows, limit, key=lambda r: (r.created_at, str(r.id)), item=lambda r: _view(key, r)
    )


async def update_report(
    ctx: Context, principal: Principal, programme_id: UUID, report_id: UUID, change: ReportUpdate
) -> ReportPublic:
    async with ctx.database.transaction() as session:
        await programme_manager(session, principal, programme_id)
        programme = await _programme(session, programme_id)
        if await reports.by_id(session, programme_id, report_id) is None:
            raise NotFound("No such report.", code="report_not_found")
        await reports.resolve(
            session,
            report_id,
            change.status,
            ctx.now() if change.status is ReportStatus.RESOLVED else None,
        )
        updated = await reports.by_id(session, programme_id, report_id)
    assert updated is not None
    return _view(programme_key(ctx.keyring, programme), updated)
