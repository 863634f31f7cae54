"""Messages of conversations: sealed bodies and the metadata around them."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from uuid import UUID

from sqlalchemy import func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from tandem_kit.api import keyset
from tandem_kit.crypto import Sealed
from tandem_messaging.adapters.tables import conversation_members, messages
from tandem_messaging.domain.messages import StoredMessage
from tandem_messaging.domain.statistics import MessageFact


def _message(row: Any) -> StoredMessage:
    body = Sealed(row.body_nonce, row.body_ciphertext) if row.body_ciphertext is not None else None
    return StoredMessage(
        id=row.id,
        conversation_id=row.conversation_id,
        seq=row.seq,
        sender_participant_id=row.sender_participant_id,
        sender_subject=row.sender_subject,
        sender_role=row.sender_role,
        author_erased=row.author_erased,
        in_reply_to=row.in_reply_to,
        text_format=row.text_format,
        length=row.length,
        body=body,
        posted_at=row.posted_at,
        edited_at=row.edited_at,
        deleted_at=row.deleted_at,
    )


async def add(session: AsyncSession, message: StoredMessage) -> None:
    await session.execute(
        messages.insert().values(
            id=message.id,
            conversation_id=message.conversation_id,
            seq=message.seq,
            sender_participant_id=message.sender_participant_id
            if message.sender_participant_id
            else None,
            sender_subject=message.sender_subject,
            sender_role=message.sender_role,
            author_erased=False,
            in_reply_to=message.in_reply_to,
            text_format=message.text_format,
            length=message.length,
            body_nonce=message.body.nonce if message.body else None,
            body_ciphertext=message.body.ciphertext if message.body else None,
            posted_at=message.posted_at,
        )
    )


async def by_id(
    session: AsyncSession, conversation_id: UUID, message_id: UUID
) -> StoredMessage | None:
    row = (
        await session.execute(
            select(messages).where(
                messages.c.conversation_id == conversation_id, messages.c.id == message_id
            )
        )
    ).first()
    return _message(row) if row is not None else None


async def page(
    session: AsyncSession, conversation_id: UUID, *, cursor: str | None, limit: int
) -> list[StoredMessage]:
    """Newest first; ``limit + 1`` rows so the caller knows whether more exist."""
    query = select(messages).where(messages.c.conversation_id == conversation_id)
    query = keyset(query, [messages.c.seq], cursor, limit, descending=True)
    rows = (await session.execute(query)).all()
    return [_message(row) for row in rows]


async def replace_body(
    session: AsyncSession,
    message_id: UUID,
    body: Sealed,
    length: int,
    text_format: str,
    now: datetime,
) -> None:
    await session.execute(
        update(messages)
        .where(messages.c.id == message_id)
        .values(
            body_nonce=body.nonce,
            body_ciphertext=body.ciphertext,
            length=length,
            text_format=text_format,
            edited_at=now,
        )
    )


async def delete_body(session: AsyncSession, message_id: UUID, now: datetime) -> None:
    await session.execute(
        update(messages)
        .where(messages.c.id == message_id)
        .values(body_nonce=None, body_ciphertext=None, deleted_at=now)
    )


async def facts(session: AsyncSession, conversation_id: UUID) -> list[MessageFact]:
    rows = (
        await session.execute(
            select(messages.c.sender_participant_id, messages.c.posted_at)
            .where(messages.c.conversation_id == conversation_id)
            .order_by(messages.c.seq)
        )
    ).all()
    return [MessageFact(r.sender_participant_id, r.posted_at) for r in rows]


async def by_sender(session: AsyncSession, subject: str) -> list[StoredMessage]:
    rows = (
        await session.execute(
            select(messages)
            .where(messages.c.sender_subject == subject)
            .order_by(messages.c.posted_at)
        )
    ).all()
    return [_message(row) for row in rows]


async def erase_author(session: AsyncSession, participant_id: UUID, now: datetime) -> int:
    """Destroy the author's bodies and the link to them; others' replies keep their place."""
    result = await session.execute(
        update(messages)
        .where(messages.c.sender_participant_id == participant_id)
        .values(
            body_nonce=None,
            body_ciphertext=None,
            sender_participant_id=None,
            sender_subject=None,
            author_erased=True,
            deleted_at=func.coalesce(messages.c.deleted_at, now),
        )
    )
    return int(getattr(result, "rowcount", 0) or 0)


async def purge_conversation(session: AsyncSession, conversation_id: UUID, now: datetime) -> None:
    await session.execute(
        update(messages)
        .where(messages.c.conversation_id == conversation_id)
        .values(body_nonce=None, body_ciphertext=None, deleted_at=now)
    )


async def unread_by_conversation(session: AsyncSession, subject: str) -> list[tuple[UUID, int]]:
    """For digests: (conversation, unread count) for each conversation of ``subject`` with any."""
    rows = (
        await session.execute(
            select(messages.c.conversation_id, func.count(messages.c.id).label("unread"))
            .join(
                conversation_members,
                conversation_members.c.conversation_id == messages.c.conversation_id,
            )
            .where(
                conversation_members.c.subject == subject,
                messages.c.seq > conversation_members.c.read_up_to,
                messages.c.deleted_at.is_(None),
                func.coalesce(messages.c.sender_subject, "") != subject,
            )
            .group_by(messages.c.conversation_id)
            .order_by(messages.c.conversation_id)
        )
    ).all()
    return [(row.conversation_id, int(row.unread)) for row in rows]
