"""Messaging's API, as the web app reads and writes it: conversations, their messages,
posting one, and the communication agreement of a relationship."""

from __future__ import annotations

import uuid
from datetime import datetime

from tandem_web.adapters.forums_api import refused_as_input
from tandem_web.adapters.service_calls import Refused, authenticated, expect, reaching
from tandem_web.clients.messaging import AuthenticatedClient
from tandem_web.clients.messaging.api.agreements import get_agreement
from tandem_web.clients.messaging.api.conversations import (
    get_conversation,
    list_conversations,
    mark_read,
)
from tandem_web.clients.messaging.api.messages import (
    delete_message,
    edit_message,
    list_messages,
    post_message,
)
from tandem_web.clients.messaging.models import (
    AgreementPublic,
    ConversationPublic,
    MessageCreate,
    MessagePublic,
    MessageUpdate,
    PageConversationPublic,
    PageMessagePublic,
    ReadStatePublic,
    ReadStateUpdate,
)
from tandem_web.clients.messaging.types import UNSET
from tandem_web.domain.participants import Agreement, Conversation, Message, others_than

SERVICE = "messaging"
MAX_PAGES = 10
# A conversation page shows its latest messages; older ones wait for a "show earlier".
MAX_MESSAGES = 1000


def _client(url: str, token: str) -> AuthenticatedClient:
    return authenticated(AuthenticatedClient, url, token)


def _conversation(item: ConversationPublic, me: set[uuid.UUID]) -> Conversation:
    members = [
        (m.participant_id, m.display_name if isinstance(m.display_name, str) else None)
        for m in item.members
    ]
    return Conversation(
        item.id, item.relationship_id, item.unread_count, item.read_only, others_than(me, members)
    )


async def my_conversations(url: str, token: str, me: set[uuid.UUID]) -> list[Conversation]:
    found: list[Conversation] = []
    cursor: str | None = None
    async with reaching(SERVICE), _client(url, token) as client:
        for _ in range(MAX_PAGES):
            answer = await list_conversations.asyncio_detailed(
                client=client, cursor=cursor or UNSET, limit=200
            )
            page = expect(SERVICE, answer.status_code, answer.parsed, PageConversationPublic)
            found += [_conversation(item, me) for item in page.items]
            cursor = page.next_cursor if isinstance(page.next_cursor, str) else None
            if not cursor:
                break
    return found


async def conversation(url: str, token: str, conversation_id: uuid.UUID) -> ConversationPublic:
    """One conversation as messaging shows it (raises Refused for a non-member)."""
    async with reaching(SERVICE), _client(url, token) as client:
        answer = await get_conversation.asyncio_detailed(conversation_id, client=client)
        return expect(SERVICE, answer.status_code, answer.parsed, ConversationPublic)


def _message(item: MessagePublic, me: set[uuid.UUID]) -> Message:
    author = item.sender
    return Message(
        item.id,
        author.display_name,
        item.body,
        item.posted_at,
        mine=author.participant_id in me,
        deleted=item.deleted,
        in_reply_to=item.in_reply_to if isinstance(item.in_reply_to, uuid.UUID) else None,
        edited_at=item.edited_at if isinstance(item.edited_at, datetime) else None,
    )


async def messages(
    url: str, token: str, conversation_id: uuid.UUID, me: set[uuid.UUID]
) -> tuple[Conversation, list[Message]]:
    """The conversation and its latest MAX_MESSAGES messages, oldest first."""
    found: list[Message] = []
    cursor: str | None = None
    async with reaching(SERVICE), _client(url, token) as client:
        answer = await get_conversation.asyncio_detailed(conversation_id, client=client)
        head = expect(SERVICE, answer.status_code, answer.parsed, ConversationPublic)
        while len(found) < MAX_MESSAGES:
            listed = await list_messages.asyncio_detailed(
                conversation_id, client=client, cursor=cursor or UNSET, limit=200
            )
            page = expect(SERVICE, listed.status_code, listed.parsed, PageMessagePublic)
            found += [_message(item, me) for item in page.items]
            cursor = page.next_cursor if isinstance(page.next_cursor, str) else None
            if not cursor:
                break
    # Messaging pages newest first; the page reads oldest first, down to the latest.
    return _conversation(head, me), found[:MAX_MESSAGES][::-1]


async def read_up_to(
    url: str, token: str, conversation_id: uuid.UUID, message_id: uuid.UUID
) -> None:
    """Everything up to ``message_id`` counts as read by the viewer (never moves back)."""
    async with reaching(SERVICE), _client(url, token) as client:
        answer = await mark_read.asyncio_detailed(
            conversation_id, client=client, body=ReadStateUpdate(up_to_message_id=message_id)
        )
        expect(SERVICE, answer.status_code, answer.parsed, ReadStatePublic)


async def post(
    url: str,
    token: str,
    conversation_id: uuid.UUID,
    body: str,
    idempotency_key: str,
    in_reply_to: uuid.UUID | None = None,
) -> None:
    """Post ``body`` (a reply to ``in_reply_to``); the form's key makes a resubmitted
    form post it once."""
    async with reaching(SERVICE), _client(url, token) as client:
        answer = await post_message.asyncio_detailed(
            conversation_id,
            client=client,
            body=MessageCreate(body=body, in_reply_to=in_reply_to or UNSET),
            idempotency_key=idempotency_key,
        )
        refused_as_input(answer.status_code, answer.parsed)  # 422: not a message here
        expect(SERVICE, answer.status_code, answer.parsed, MessagePublic, ok=201)


async def edit(
    url: str, token: str, conversation_id: uuid.UUID, message_id: uuid.UUID, body: str
) -> None:
    """Replace one's own message's text (messaging: 403 not its author, 409 too late)."""
    async with reaching(SERVICE), _client(url, token) as client:
        answer = await edit_message.asyncio_detailed(
            conversation_id, message_id, client=client, body=MessageUpdate(body=body)
        )
        refused_as_input(answer.status_code, answer.parsed)
        expect(SERVICE, answer.status_code, answer.parsed, MessagePublic)


async def delete(url: str, token: str, conversation_id: uuid.UUID, message_id: uuid.UUID) -> None:
    """Withdraw one's own message (its text destroyed; same refusals as editing)."""
    async with reaching(SERVICE), _client(url, token) as client:
        answer = await delete_message.asyncio_detailed(conversation_id, message_id, client=client)
        expect(SERVICE, answer.status_code, answer.parsed, type(None), ok=204)


async def agreement(
    url: str, token: str, relationship_id: uuid.UUID, me: set[uuid.UUID]
) -> Agreement | None:
    """The relationship's communication agreement; None when it has none (yet)."""
    async with reaching(SERVICE), _client(url, token) as client:
        answer = await get_agreement.asyncio_detailed(relationship_id, client=client)
        try:
            found = expect(SERVICE, answer.status_code, answer.parsed, AgreementPublic)
        except Refused as refused:
            if refused.status == 404:
                return None
            raise
    waiting = any(party.participant_id in me for party in found.waiting_for)
    return Agreement(relationship_id, str(found.status), waiting)
