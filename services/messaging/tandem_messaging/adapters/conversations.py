"""Conversations, their members and each member's read position."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any
from uuid import UUID

from sqlalchemy import ColumnElement, and_, func, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from tandem_kit.api import keyset
from tandem_kit.crypto import Sealed
from tandem_messaging.adapters.common import insert_unless_present
from tandem_messaging.adapters.tables import conversation_members, conversations, messages
from tandem_messaging.domain.conversations import Conversation, ConversationStatus, Member


def _conversation(row: Any) -> Conversation:
    wrapped = (
        Sealed(row.wrapped_key_nonce, row.wrapped_key_ciphertext)
        if row.wrapped_key_ciphertext is not None
        else None
    )
    return Conversation(
        id=row.id,
        relationship_id=row.relationship_id,
        programme_id=row.programme_id,
        format=row.format,
        status=ConversationStatus(row.status),
        wrapped_key=wrapped,
        message_seq=row.message_seq,
        created_at=row.created_at,
        ended_at=row.ended_at,
        retention_until=row.retention_until,
        last_activity_at=row.last_activity_at,
    )


# What _member reads from a row, selected beside the conversation's own columns.
_MEMBER_COLUMNS = (
    conversation_members.c.participant_id,
    conversation_members.c.subject,
    conversation_members.c.role,
    conversation_members.c.read_up_to,
    conversation_members.c.introduced,
)


def _member(row: Any) -> Member:
    return Member(row.participant_id, row.subject, row.role, row.read_up_to, row.introduced)


async def add_if_new(session: AsyncSession, conversation: Conversation) -> bool:
    """Create the conversation unless its relationship already has one (the unique key)."""
    assert conversation.wrapped_key is not None
    return await insert_unless_present(
        session,
        conversations,
        {
            "id": conversation.id,
            "relationship_id": conversation.relationship_id,
            "programme_id": conversation.programme_id,
            "format": conversation.format,
            "status": conversation.status,
            "wrapped_key_nonce": conversation.wrapped_key.nonce,
            "wrapped_key_ciphertext": conversation.wrapped_key.ciphertext,
            "message_seq": 0,
            "created_at": conversation.created_at,
        },
        ["relationship_id"],
    )


async def add_members(
    session: AsyncSession, conversation_id: UUID, members: Sequence[Member]
) -> None:
    if members:
        await session.execute(
            conversation_members.insert(),
            [
                {
                    "conversation_id": conversation_id,
                    "participant_id": m.participant_id,
                    "subject": m.subject,
                    "role": m.role,
                    "read_up_to": 0,
                    "introduced": False,
                }
                for m in members
            ],
        )


async def by_id(session: AsyncSession, conversation_id: UUID) -> Conversation | None:
    row = (
        await session.execute(select(conversations).where(conversations.c.id == conversation_id))
    ).first()
    return _conversation(row) if row is not None else None


async def by_relationship(session: AsyncSession, relationship_id: UUID) -> Conversation | None:
    row = (
        await session.execute(
            select(conversations).where(conversations.c.relationship_id == relationship_id)
        )
    ).first()
    return _conversation(row) if row is not None else None


async def members_of(session: AsyncSession, conversation_id: UUID) -> list[Member]:
    rows = (
        await session.execute(
            select(conversation_members)
            .where(conversation_members.c.conversation_id == conversation_id)
            .order_by(conversation_members.c.role, conversation_members.c.participant_id)
        )
    ).all()
    return [_member(row) for row in rows]


async def member(session: AsyncSession, conversation_id: UUID, subject: str) -> Member | None:
    row = (
        await session.execute(
            select(conversation_members).where(
                conversation_members.c.conversation_id == conversation_id,
                conversation_members.c.subject == subject,
            )
        )
    ).first()
    return _member(row) if row is not None else None


async def memberships_of_participant(
    session: AsyncSession, participant_id: UUID
) -> list[tuple[Conversation, Member]]:
    rows = (
        await session.execute(
            select(
                conversations,
                *_MEMBER_COLUMNS,
            )
            .join(
                conversation_members, conversation_members.c.conversation_id == conversations.c.id
            )
            .where(conversation_members.c.participant_id == participant_id)
        )
    ).all()
    return [(_conversation(row), _member(row)) for row in rows]


def activity() -> ColumnElement[datetime]:
    """A conversation's latest activity: its last message, or its start."""
    return func.coalesce(conversations.c.last_activity_at, conversations.c.created_at)


async def of_subject_with_unread(
    session: AsyncSession,
    subject: str,
    *,
    readable_at: datetime | None = None,
    cursor: str | None = None,
    limit: int | None = None,
) -> list[tuple[Conversation, Member, int]]:
    """The subject's conversations, newest activity first, with their unread counts.

    ``readable_at``: only those whose retention has not run out then. With ``limit``,
    one page (``limit + 1`` rows so the caller knows whether more exist).
    """
    unread = (
        select(func.count(messages.c.id))
        .where(
            messages.c.conversation_id == conversations.c.id,
            messages.c.seq > conversation_members.c.read_up_to,
            messages.c.deleted_at.is_(None),
            func.coalesce(messages.c.sender_subject, "") != subject,
        )
        .correlate(conversations, conversation_members)
        .scalar_subquery()
    )
    query = (
        select(conversations, *_MEMBER_COLUMNS, unread.label("unread"))
        .join(
            conversation_members,
            and_(
                conversation_members.c.conversation_id == conversations.c.id,
                conversation_members.c.subject == subject,
            ),
        )
        .where(conversations.c.status != ConversationStatus.PURGED)
    )
    if readable_at is not None:
        query = query.where(
            or_(
                conversations.c.retention_until.is_(None),
                conversations.c.retention_until > readable_at,
            )
        )
    if limit is None:
        query = query.order_by(activity().desc(), conversations.c.id.desc())
    else:
        query = keyset(query, [activity(), conversations.c.id], cursor, limit, descending=True)
    rows = (await session.execute(query)).all()
    return [(_conversation(row), _member(row), int(row.unread)) for row in rows]


async def unread_count(session: AsyncSession, conversation_id: UUID, member: Member) -> int:
    count = await session.scalar(
        select(func.count(messages.c.id)).where(
            messages.c.conversation_id == conversation_id,
            messages.c.seq > member.read_up_to,
            messages.c.deleted_at.is_(None),
            func.coalesce(messages.c.sender_subject, "") != member.subject,
        )
    )
    return int(count or 0)


async def in_programme(
    session: AsyncSession, programme_id: UUID, *, cursor: str | None, limit: int
) -> list[Conversation]:
    """Oldest first; ``limit + 1`` rows so the caller knows whether more exist."""
    query = select(conversations).where(conversations.c.programme_id == programme_id)
    query = keyset(query, [conversations.c.created_at, conversations.c.id], cursor, limit)
    rows = (await session.execute(query)).all()
    return [_conversation(row) for row in rows]


async def next_message_seq(
    session: AsyncSession, conversation_id: UUID, now: datetime
) -> int | None:
    """Allocate the next message number; None if the conversation is not open.

    One UPDATE both checks the status and takes the row lock, so a message can
    never slip in after the relationship ended.
    """
    seq = await session.scalar(
        update(conversations)
        .where(
            conversations.c.id == conversation_id,
            conversations.c.status == ConversationStatus.OPEN,
        )
        .values(message_seq=conversations.c.message_seq + 1, last_activity_at=now)
        .returning(conversations.c.message_seq)
    )
    return int(seq) if seq is not None else None


async def close(
    session: AsyncSession, relationship_id: UUID, ended_at: datetime, retention_until: datetime
) -> Conversation | None:
    await session.execute(
        update(conversations)
        .where(
            conversations.c.relationship_id == relationship_id,
            conversations.c.status == ConversationStatus.OPEN,
        )
        .values(
            status=ConversationStatus.READ_ONLY, ended_at=ended_at, retention_until=retention_until
        )
    )
    return await by_relationship(session, relationship_id)


async def mark_read(session: AsyncSession, conversation_id: UUID, subject: str, seq: int) -> None:
    """Move the read position forward only: reading an old message never unreads newer ones."""
    await session.execute(
        update(conversation_members)
        .where(
            conversation_members.c.conversation_id == conversation_id,
            conversation_members.c.subject == subject,
            conversation_members.c.read_up_to < seq,
        )
        .values(read_up_to=seq)
    )


async def mark_introduced(
    session: AsyncSession, conversation_id: UUID, participant_id: UUID
) -> None:
    await session.execute(
        update(conversation_members)
        .where(
            conversation_members.c.conversation_id == conversation_id,
            conversation_members.c.participant_id == participant_id,
        )
        .values(introduced=True)
    )


async def remove_member(session: AsyncSession, participant_id: UUID) -> None:
    await session.execute(
        conversation_members.delete().where(conversation_members.c.participant_id == participant_id)
    )


async def expired(session: AsyncSession, now: datetime, limit: int) -> list[Conversation]:
    rows = (
        await session.execute(
            select(conversations)
            .where(
                conversations.c.status == ConversationStatus.READ_ONLY,
                conversations.c.retention_until <= now,
            )
            .limit(limit)
        )
    ).all()
    return [_conversation(row) for row in rows]


async def purge(session: AsyncSession, conversation_id: UUID) -> None:
    """Forget the data key: whatever ciphertext survives anywhere cannot be opened again."""
    await session.execute(
        update(conversations)
        .where(conversations.c.id == conversation_id)
        .values(
            status=ConversationStatus.PURGED, wrapped_key_nonce=None, wrapped_key_ciphertext=None
        )
    )


async def with_member(
    session: AsyncSession, conversation_id: UUID, subject: str
) -> tuple[Conversation | None, Member | None]:
    """The conversation and the caller's membership in one round trip (the hot path)."""
    row = (
        await session.execute(
            select(
                conversations,
                *_MEMBER_COLUMNS,
            )
            .outerjoin(
                conversation_members,
                and_(
                    conversation_members.c.conversation_id == conversations.c.id,
                    conversation_members.c.subject == subject,
                ),
            )
            .where(conversations.c.id == conversation_id)
        )
    ).first()
    if row is None:
        return None, None
    return _conversation(row), (_member(row) if row.participant_id is not None else None)
