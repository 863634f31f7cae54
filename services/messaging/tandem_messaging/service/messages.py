"""Messages of a conversation: post, reply, edit, delete, list, mark read."""

from __future__ import annotations

from uuid import UUID, uuid4

from sqlalchemy.ext.asyncio import AsyncSession

from tandem_kit import directory
from tandem_kit.api import Page, page_of
from tandem_kit.auth import Principal
from tandem_kit.crypto import Sealed
from tandem_kit.errors import Conflict, Forbidden, NotFound, PayloadTooLarge, Unprocessable
from tandem_kit.outbox import add_event
from tandem_messaging.adapters import conversations, messages
from tandem_messaging.domain.content import (
    DELETED_TEXT,
    FORMER_MEMBER,
    ContentRejected,
    ContentTooLong,
    TextFormat,
    can_still_change,
    normalised_body,
)
from tandem_messaging.domain.conversations import Conversation, ConversationStatus, Member
from tandem_messaging.domain.messages import StoredMessage
from tandem_messaging.schemas.common import Person
from tandem_messaging.schemas.conversations import ReadStatePublic
from tandem_messaging.schemas.messages import MessageCreate, MessagePublic, MessageUpdate
from tandem_messaging.service import events, notifications
from tandem_messaging.service.access import conversation_member
from tandem_messaging.service.context import Context
from tandem_messaging.service.sealing import conversation_key, open_item, seal_item

KIND = "message"


def checked_body(ctx: Context, text: str) -> str:
    try:
        return normalised_body(text, ctx.settings.max_message_chars)
    except ContentTooLong as error:
        raise PayloadTooLarge(error.detail, code=error.code) from error
    except ContentRejected as error:
        raise Unprocessable(error.detail, code=error.code) from error


def read_only() -> Conflict:
    return Conflict(
        "The relationship has ended; its conversation is read-only.", code="conversation_read_only"
    )


def message_view(
    message: StoredMessage, body: str | None, sender_name: str | None
) -> MessagePublic:
    gone = message.deleted_at is not None or message.author_erased or body is None
    if message.author_erased:
        sender = Person(participant_id=None, role=None, display_name=FORMER_MEMBER)
    else:
        sender = Person(
            participant_id=message.sender_participant_id,
            role=message.sender_role,
            display_name=sender_name or message.sender_role or "member",
        )
    return MessagePublic(
        id=message.id,
        conversation_id=message.conversation_id,
        seq=message.seq,
        sender=sender,
        body=DELETED_TEXT if gone else body or "",
        format=TextFormat(message.text_format),
        in_reply_to=message.in_reply_to,
        posted_at=message.posted_at,
        edited_at=message.edited_at,
        deleted=gone,
    )


class MessagePoster:
    """Posting a message — the service's hottest write path.

    Sealing and announcing (event + mails) are separate steps so that the
    benchmark can measure this same path with both left out; production always
    runs this class as it is.
    """

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx

    async def __call__(
        self, principal: Principal, conversation_id: UUID, draft: MessageCreate
    ) -> MessagePublic:
        body = checked_body(self.ctx, draft.body)
        async with self.ctx.database.transaction() as session:
            now = self.ctx.now()
            conversation, me = await conversation_member(session, principal, conversation_id, now)
            if conversation.status != ConversationStatus.OPEN:
                raise read_only()
            if (
                draft.in_reply_to is not None
                and await messages.by_id(session, conversation.id, draft.in_reply_to) is None
            ):
                raise Unprocessable(
                    "`in_reply_to` is not a message of this conversation.",
                    code="unknown_reply_target",
                )
            seq = await conversations.next_message_seq(session, conversation.id, now)
            if seq is None:  # the relationship ended while we were checking
                raise read_only()
            message_id = uuid4()
            stored = StoredMessage(
                id=message_id,
                conversation_id=conversation.id,
                seq=seq,
                sender_participant_id=me.participant_id,
                sender_subject=me.subject,
                sender_role=me.role,
                author_erased=False,
                in_reply_to=draft.in_reply_to,
                text_format=draft.format.value,
                length=len(body),
                body=self.seal(conversation, message_id, body),
                posted_at=now,
            )
            await messages.add(session, stored)
            name = await self.announce(session, conversation, me, stored)
            if name is None:
                mine = await directory.participants_by_id(session, [me.participant_id])
                name = mine[me.participant_id].contact.display_name if mine else None
        return message_view(stored, body, name)

    def seal(self, conversation: Conversation, message_id: UUID, body: str) -> Sealed:
        key = conversation_key(self.ctx.keyring, conversation)
        return seal_item(key, KIND, conversation.id, message_id, body)

    async def announce(
        self,
        session: AsyncSession,
        conversation: Conversation,
        sender: Member,
        message: StoredMessage,
    ) -> str | None:
        """``message.posted`` and the mails; returns the sender's display name (the
        mails needed the members' contacts anyway, so the response reuses it)."""
        await add_event(session, events.message_posted(conversation, sender, message))
        return await notifications.new_message(
            session, self.ctx, conversation, sender, message.id, message.posted_at
        )


async def list_messages(
    ctx: Context, principal: Principal, conversation_id: UUID, *, cursor: str | None, limit: int
) -> Page[MessagePublic]:
    """Newest first; the cursor walks back in time."""
    async with ctx.database.transaction() as session:
        conversation, _me = await conversation_member(
            session, principal, conversation_id, ctx.now()
        )
        rows = await messages.page(session, conversation.id, cursor=cursor, limit=limit)
        names = await _display_names(session, conversation.id)
    key = conversation_key(ctx.keyring, conversation)
    views = [
        message_view(
            m,
            open_item(key, KIND, conversation.id, m.id, m.body),
            names.get(m.sender_participant_id),
        )
        for m in rows
    ]
    return page_of(views, limit, (views[limit - 1].seq,) if len(views) > limit else None)


async def _display_names(session: AsyncSession, conversation_id: UUID) -> dict[UUID | None, str]:
    members = await conversations.members_of(session, conversation_id)
    known = await directory.participants_by_id(session, [m.participant_id for m in members])
    return {pid: p.contact.display_name for pid, p in known.items()}


async def _own_changeable(
    session: AsyncSession,
    ctx: Context,
    principal: Principal,
    conversation_id: UUID,
    message_id: UUID,
) -> tuple[Conversation, StoredMessage]:
    conversation, me = await conversation_member(session, principal, conversation_id, ctx.now())
    message = await messages.by_id(session, conversation.id, message_id)
    if message is None:
        raise NotFound("No such message in this conversation.", code="message_not_found")
    if message.sender_subject != me.subject:
        raise Forbidden("Only its author can change a message.", code="not_author")
    if message.deleted_at is not None:
        raise Conflict("The message was deleted.", code="message_deleted")
    if conversation.status != ConversationStatus.OPEN:
        raise read_only()
    if not can_still_change(message.posted_at, ctx.now(), ctx.edit_window):
        raise Conflict(
            f"Messages can be changed for {ctx.settings.edit_window_minutes} minutes "
            "after posting.",
            code="edit_window_closed",
        )
    return conversation, message


async def edit_message(
    ctx: Context,
    principal: Principal,
    conversation_id: UUID,
    message_id: UUID,
    change: MessageUpdate,
) -> MessagePublic:
    body = checked_body(ctx, change.body)
    async with ctx.database.transaction() as session:
        conversation, message = await _own_changeable(
            session, ctx, principal, conversation_id, message_id
        )
        now = ctx.now()
        key = conversation_key(ctx.keyring, conversation)
        await messages.replace_body(
            session,
            message.id,
            seal_item(key, KIND, conversation.id, message.id, body),
            len(body),
            change.format.value,
            now,
        )
        updated = await messages.by_id(session, conversation.id, message.id)
        names = await _display_names(session, conversation.id)
    assert updated is not None
    return message_view(updated, body, names.get(updated.sender_participant_id))


async def delete_message(
    ctx: Context, principal: Principal, conversation_id: UUID, message_id: UUID
) -> None:
    async with ctx.database.transaction() as session:
        _conversation, message = await _own_changeable(
            session, ctx, principal, conversation_id, message_id
        )
        await messages.delete_body(session, message.id, ctx.now())


async def mark_read(
    ctx: Context, principal: Principal, conversation_id: UUID, up_to_message_id: UUID
) -> ReadStatePublic:
    async with ctx.database.transaction() as session:
        conversation, me = await conversation_member(session, principal, conversation_id, ctx.now())
        message = await messages.by_id(session, conversation.id, up_to_message_id)
        if message is None:
            raise Unprocessable(
                "`up_to_message_id` is not a message of this conversation.", code="unknown_message"
            )
        await conversations.mark_read(session, conversation.id, me.subject, message.seq)
        updated = await conversations.member(session, conversation.id, me.subject)
        assert updated is not None
        unread = await conversations.unread_count(session, conversation.id, updated)
    return ReadStatePublic(
        conversation_id=conversation.id, read_up_to_seq=updated.read_up_to, unread_count=unread
    )
