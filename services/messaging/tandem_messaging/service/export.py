"""A participant's export: everything they wrote, decrypted, as one JSON document."""

from __future__ import annotations

import json
from uuid import UUID

from sqlalchemy.ext.asyncio import AsyncSession

from tandem_kit.auth import Principal
from tandem_kit.crypto import SealedValue
from tandem_messaging.adapters import (
    agreements,
    conversations,
    forums,
    messages,
    preferences,
    programmes,
    reports,
)
from tandem_messaging.domain.conversations import Conversation
from tandem_messaging.domain.forums import Forum
from tandem_messaging.schemas.export import (
    ExportedAgreementChange,
    ExportedMessage,
    ExportedPost,
    ExportedReport,
    ExportedThread,
    ExportPublic,
)
from tandem_messaging.schemas.preferences import NotificationPreferences
from tandem_messaging.service.context import Context
from tandem_messaging.service.sealing import conversation_key as _conversation_key
from tandem_messaging.service.sealing import forum_key as _forum_key
from tandem_messaging.service.sealing import open_item, programme_key


class _Keys:
    """Container keys, each unwrapped once per export."""

    def __init__(self, session: AsyncSession, ctx: Context) -> None:
        self._session, self._ctx = session, ctx
        self._conversations: dict[UUID, tuple[Conversation, bytes | None]] = {}
        self._forums: dict[UUID, bytes | None] = {}
        self._programmes: dict[UUID, bytes | None] = {}

    async def conversation(self, conversation_id: UUID) -> tuple[Conversation, bytes | None]:
        if conversation_id not in self._conversations:
            found = await conversations.by_id(self._session, conversation_id)
            assert found is not None
            key = (
                _conversation_key(self._ctx.keyring, found)
                if found.wrapped_key is not None
                else None
            )
            self._conversations[conversation_id] = (found, key)
        return self._conversations[conversation_id]

    async def forum(self, forum_id: UUID) -> bytes | None:
        if forum_id not in self._forums:
            found: Forum | None = await forums.by_id(self._session, forum_id)
            self._forums[forum_id] = (
                _forum_key(self._ctx.keyring, found) if found and found.wrapped_key else None
            )
        return self._forums[forum_id]

    async def programme(self, programme_id: UUID) -> bytes | None:
        if programme_id not in self._programmes:
            found = await programmes.by_id(self._session, programme_id)
            self._programmes[programme_id] = (
                programme_key(self._ctx.keyring, found) if found else None
            )
        return self._programmes[programme_id]


def _open(
    key: bytes | None,
    kind: str,
    container: UUID,
    item: UUID,
    sealed: SealedValue | None,
    part: str = "body",
) -> str | None:
    if key is None:
        return None
    return open_item(key, kind, container, item, sealed, part)


async def export_mine(ctx: Context, principal: Principal) -> ExportPublic:
    subject = principal.subject
    async with ctx.database.transaction() as session:
        keys = _Keys(session, ctx)
        exported_messages = []
        for m in await messages.by_sender(session, subject):
            conversation, key = await keys.conversation(m.conversation_id)
            exported_messages.append(
                ExportedMessage(
                    conversation_id=m.conversation_id,
                    relationship_id=conversation.relationship_id,
                    message_id=m.id,
                    seq=m.seq,
                    posted_at=m.posted_at,
                    edited_at=m.edited_at,
                    format=m.text_format,
                    body=_open(key, "message", m.conversation_id, m.id, m.body),
                    in_reply_to=m.in_reply_to,
                )
            )
        threads, posts = await forums.by_author(session, subject)
        exported_threads = [
            ExportedThread(
                forum_id=t.forum_id,
                thread_id=t.id,
                created_at=t.created_at,
                title=_open(
                    await keys.forum(t.forum_id), "thread", t.forum_id, t.id, t.title, "title"
                ),
            )
            for t in threads
        ]
        exported_posts = [
            ExportedPost(
                forum_id=p.forum_id,
                thread_id=p.thread_id,
                post_id=p.id,
                posted_at=p.posted_at,
                format=p.text_format,
                in_reply_to=p.in_reply_to,
                hidden=p.hidden,
                body=_open(await keys.forum(p.forum_id), "post", p.forum_id, p.id, p.body),
            )
            for p in posts
        ]
        exported_reports = [
            ExportedReport(
                report_id=r.id,
                target_kind=r.target_kind,
                target_id=r.target_id,
                reason=r.reason,
                created_at=r.created_at,
                note=_open(
                    await keys.programme(r.programme_id),
                    "report",
                    r.programme_id,
                    r.id,
                    r.note,
                    "note",
                ),
            )
            for r in await reports.by_reporter(session, subject)
        ]
        changes = []
        for agreement_id, version in await agreements.versions_proposed_by(session, subject):
            agreement = await agreements.by_id(session, agreement_id)
            assert agreement is not None
            _conversation, key = await keys.conversation(agreement.conversation_id)
            rules = _open(
                key,
                "agreement",
                agreement.conversation_id,
                agreement_id,
                version.rules,
                f"rules/v{version.number}",
            )
            changes.append(
                ExportedAgreementChange(
                    agreement_id=agreement_id,
                    relationship_id=agreement.relationship_id,
                    version=version.number,
                    rules=json.loads(rules or "[]"),
                    created_at=version.created_at,
                )
            )
        chosen = await preferences.of_subject(session, subject, ctx.settings.digest_default_hour)
    return ExportPublic(
        subject=subject,
        exported_at=ctx.now(),
        messages=exported_messages,
        forum_threads=exported_threads,
        forum_posts=exported_posts,
        reports=exported_reports,
        agreement_changes=changes,
        notification_preferences=NotificationPreferences(
            new_message=chosen.new_message, digest_hour=chosen.digest_hour
        ),
    )
