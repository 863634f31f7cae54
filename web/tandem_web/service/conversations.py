"""Reading a conversation and posting to it, as its member, with the session's token."""

from __future__ import annotations

import contextlib
import uuid

from tandem_web.adapters import messaging_api
from tandem_web.adapters.service_calls import Refused, ServiceUnavailable
from tandem_web.domain.conversations import ConversationPage, Shown, refusal
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
    settings: WebSettings, session: WebSession, conversation_id: uuid.UUID, browser_zone: str | None
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
    return ConversationPage(Shown.SHOWN, zone, conversation, tuple(messages))


async def post_message(
    settings: WebSettings,
    session: WebSession,
    conversation_id: uuid.UUID,
    body: str,
    idempotency_key: str,
) -> None:
    try:
        await messaging_api.post(
            str(settings.messaging_url),
            session.access_token,
            conversation_id,
            body,
            idempotency_key,
        )
    except Refused as refused:
        # 409: the conversation became read-only (the relationship ended); 413: too long.
        shown = Shown.CLOSED if refused.status in (409, 410) else refusal(refused.status)
        raise NotPosted(shown, refused.code) from refused
    except ServiceUnavailable as down:
        raise NotPosted(Shown.UNAVAILABLE) from down
