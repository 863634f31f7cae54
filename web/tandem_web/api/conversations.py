"""A relationship's private conversation: read it, and post to it with a plain form
(POST, then a redirect back: it works without JavaScript)."""

from __future__ import annotations

import uuid
from typing import Annotated
from urllib.parse import unquote

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from tandem_web.api.deps import TIME_ZONE_COOKIE, CheckedForm, CurrentSession, Settings
from tandem_web.api.rendering import page, see_other
from tandem_web.domain.conversations import ConversationPage, Shown
from tandem_web.domain.sessions import WebSession
from tandem_web.service.conversations import NotPosted, conversation_page, post_message

router = APIRouter(prefix="/conversations")
MAX_BODY = 10_000  # messaging's default limit; longer is a 422 here, not a 413 there


def _browser_zone(request: Request) -> str | None:
    return unquote(request.cookies.get(TIME_ZONE_COOKIE, "")) or None


def _render(
    request: Request,
    session: WebSession,
    found: ConversationPage,
    status: int | None = None,
    **extra: object,
) -> HTMLResponse:
    return page(
        request,
        "conversation.html",
        session,
        status_code=status or found.status,
        title="Conversation",
        found=found,
        idempotency_key=uuid.uuid4().hex,
        **extra,
    )


@router.get("/{conversation_id}", response_class=HTMLResponse)
async def read(
    request: Request, settings: Settings, session: CurrentSession, conversation_id: uuid.UUID
) -> Response:
    if session is None:
        return see_other("/")
    found = await conversation_page(settings, session, conversation_id, _browser_zone(request))
    return _render(request, session, found)


@router.post("/{conversation_id}/messages")
async def post(
    request: Request,
    settings: Settings,
    session: CheckedForm,
    conversation_id: uuid.UUID,
    body: Annotated[str, Form(min_length=1, max_length=MAX_BODY)],
    idempotency_key: Annotated[str, Form(min_length=8, max_length=64, pattern="^[0-9a-f]+$")],
) -> Response:
    if session is None:
        return see_other("/")
    try:
        await post_message(settings, session, conversation_id, body, idempotency_key)
    except NotPosted as refused:
        found = await conversation_page(settings, session, conversation_id, _browser_zone(request))
        if refused.shown is Shown.CLOSED and found.shown is Shown.SHOWN:
            # Shown again, with what they wrote, and why it was not posted.
            return _render(request, session, found, 409, error=refused.shown, draft=body)
        return _render(request, session, ConversationPage(refused.shown, found.zone))
    return RedirectResponse(f"/conversations/{conversation_id}#latest", status_code=303)
