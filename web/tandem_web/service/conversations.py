"""Reading a conversation and posting to it, as its member, with the session's token."""

from __future__ import annotations

import contextlib
import uuid
from collections.abc import Awaitable
from datetime import UTC, datetime, timedelta

from tandem_web.adapters import messaging_api, reports_api
from tandem_web.adapters.service_calls import Refused, ServiceUnavailable
from tandem_web.domain.conversations import (
    Change,
    ConversationPage,
    Shown,
    change_refusal,
    changeable,
    refusal,
)
from tandem_web.domain.participants import viewer_zone
from tandem_web.domain.sessions import WebSession
from tandem_web.service.home import ZONES, my_profiles
from tandem_web.settings import WebSettings


class NotPosted(Exception):
    """Messaging did not take the message: ``shown`` says why, for the page."""

    def __init__(self, shown: Shown, code: str | None = None) -> None:
        super().__init__(shown)
        self.shown = shown
        self.code = code


async def conversation_page(
    settings: WebSettings,
    session: WebSession,
    conversation_id: uuid.UUID,
    browser_zone: str | None,
    now: datetime | None = None,
) -> ConversationPage:
    # Matching says who the viewer is (their messages are marked theirs) and their zone;
    # without it, the page still shows the conversation, in the browser's zone.
    profiles = (await my_profiles(settings, session)).value or []
    zone = viewer_zone(profiles, browser_zone, ZONES)
    me = {p.participant_id for p in profiles}
    try:
        conversation, messages = await messaging_api.messages(
            str(settings.messaging_url), session.access_token, conversation_id, me
        )
    except Refused as refused:
        return ConversationPage(refusal(refused.status), zone)
    except ServiceUnavailable:
        return ConversationPage(Shown.UNAVAILABLE, zone)
    if conversation.unread and messages:
        # Shown is read. A failure here costs the page nothing: the count stays as it was
        # and the next visit marks it again.
        with contextlib.suppress(Refused, ServiceUnavailable):
            await messaging_api.read_up_to(
                str(settings.messaging_url), session.access_token, conversation_id, messages[-1].id
            )
    window = timedelta(minutes=settings.message_edit_window_minutes)
    open_to_change = (
        frozenset()
        if conversation.read_only
        else changeable(messages, now or datetime.now(UTC), window)
    )
    return ConversationPage(Shown.SHOWN, zone, conversation, tuple(messages), open_to_change)


async def post_message(
    settings: WebSettings,
    session: WebSession,
    conversation_id: uuid.UUID,
    body: str,
    idempotency_key: str,
    in_reply_to: uuid.UUID | None = None,
) -> None:
    try:
        await messaging_api.post(
            str(settings.messaging_url),
            session.access_token,
            conversation_id,
            body,
            idempotency_key,
            in_reply_to,
        )
    except Refused as refused:
        # 409: the conversation became read-only (the relationship ended); 413: too long.
        shown = Shown.CLOSED if refused.status in (409, 410) else refusal(refused.status)
        raise NotPosted(shown, refused.code) from refused
    except ServiceUnavailable as down:
        raise NotPosted(Shown.UNAVAILABLE) from down


class NotChanged(Exception):
    """Messaging did not edit, delete or take a report of a message: ``change`` says why."""

    def __init__(self, change: Change) -> None:
        super().__init__(change)
        self.change = change


async def _changing(call: Awaitable[None]) -> None:
    try:
        await call
    except Refused as refused:
        raise NotChanged(change_refusal(refused.status, refused.code)) from refused
    except ServiceUnavailable as down:
        raise NotChanged(Change.UNAVAILABLE) from down


async def edit_message(
    settings: WebSettings,
    session: WebSession,
    conversation_id: uuid.UUID,
    message_id: uuid.UUID,
    body: str,
) -> None:
    url, token = str(settings.messaging_url), session.access_token
    await _changing(messaging_api.edit(url, token, conversation_id, message_id, body))


async def delete_message(
    settings: WebSettings, session: WebSession, conversation_id: uuid.UUID, message_id: uuid.UUID
) -> None:
    url, token = str(settings.messaging_url), session.access_token
    await _changing(messaging_api.delete(url, token, conversation_id, message_id))


async def report_message(
    settings: WebSettings,
    session: WebSession,
    conversation_id: uuid.UUID,
    message_id: uuid.UUID,
    reason: str,
    note: str | None,
    include_excerpt: bool,
) -> None:
    url, token = str(settings.messaging_url), session.access_token
    await _changing(
        reports_api.report_a_message(
            url, token, conversation_id, message_id, reason, note, include_excerpt
        )
    )
