"""A relationship's private conversation: read it, and post to it with a plain form
(POST, then a redirect back: it works without JavaScript)."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from tandem_web.api.deps import (
    CheckedForm,
    CurrentSession,
    Settings,
    browser_zone,
)
from tandem_web.api.rendering import page, see_other
from tandem_web.domain.conversations import CHANGE_STATUS, Change, ConversationPage, Shown
from tandem_web.domain.forums import blank
from tandem_web.domain.participants import Message
from tandem_web.domain.reports import MAX_NOTE, REASONS
from tandem_web.domain.sessions import WebSession
from tandem_web.service.conversations import (
    NotChanged,
    NotPosted,
    conversation_page,
    delete_message,
    edit_message,
    post_message,
    report_message,
)

router = APIRouter(prefix="/conversations")
MAX_BODY = 10_000  # messaging's default limit; longer is a 422 here, not a 413 there
# What a form's redirect back says was done (``?done=``), in the page's words.
NOTICES = frozenset({"edited", "deleted", "reported"})


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


def _reply_to(found: ConversationPage, raw: str | None) -> Message | None:
    """The message a reply answers, from the page's ``reply_to`` link (anything else:
    a plain post)."""
    try:
        return found.message(uuid.UUID(raw)) if raw else None
    except ValueError:
        return None


@router.get("/{conversation_id}", response_class=HTMLResponse)
async def read(
    request: Request,
    settings: Settings,
    session: CurrentSession,
    conversation_id: uuid.UUID,
    reply_to: str | None = None,
    done: str | None = None,
) -> Response:
    if session is None:
        return see_other("/")
    found = await conversation_page(settings, session, conversation_id, browser_zone(request))
    notice = done if done in NOTICES else None
    return _render(request, session, found, reply=_reply_to(found, reply_to), notice=notice)


@router.post("/{conversation_id}/messages")
async def post(
    request: Request,
    settings: Settings,
    session: CheckedForm,
    conversation_id: uuid.UUID,
    idempotency_key: Annotated[str, Form(min_length=8, max_length=64, pattern="^[0-9a-f]+$")],
    body: Annotated[str, Form(max_length=MAX_BODY)] = "",
    in_reply_to: Annotated[uuid.UUID | None, Form()] = None,
) -> Response:
    if session is None:
        return see_other("/")
    if blank(body):
        found = await conversation_page(settings, session, conversation_id, browser_zone(request))
        if found.shown is not Shown.SHOWN:
            return _render(request, session, found)
        reply = found.message(in_reply_to)
        return _render(request, session, found, 422, error="blank", draft=body, reply=reply)
    try:
        await post_message(settings, session, conversation_id, body, idempotency_key, in_reply_to)
    except NotPosted as refused:
        found = await conversation_page(settings, session, conversation_id, browser_zone(request))
        if refused.shown is Shown.CLOSED and found.shown is Shown.SHOWN:
            # Shown again, with what they wrote, and why it was not posted.
            return _render(request, session, found, 409, error=refused.shown, draft=body)
        return _render(request, session, ConversationPage(refused.shown, found.zone))
    return RedirectResponse(f"/conversations/{conversation_id}#latest", status_code=303)


def _refused(request: Request, session: WebSession, change: Change, **extra: object) -> Response:
    return page(
        request,
        "message_change.html",
        session,
        status_code=CHANGE_STATUS[change],
        title="Your message",
        refused=change,
        **extra,
    )


async def _own_message(
    request: Request,
    settings: Settings,
    session: WebSession,
    conversation_id: uuid.UUID,
    message_id: uuid.UUID,
) -> tuple[ConversationPage, Message | None]:
    found = await conversation_page(settings, session, conversation_id, browser_zone(request))
    return found, found.message(message_id)


@router.get("/{conversation_id}/messages/{message_id}/edit", response_class=HTMLResponse)
async def edit_form(
    request: Request,
    settings: Settings,
    session: CurrentSession,
    conversation_id: uuid.UUID,
    message_id: uuid.UUID,
) -> Response:
    if session is None:
        return see_other("/")
    found, message = await _own_message(request, settings, session, conversation_id, message_id)
    if found.shown is not Shown.SHOWN:
        return _render(request, session, found)
    if message is None:
        return _refused(request, session, Change.MISSING, conversation_id=conversation_id)
    if not message.mine:
        return _refused(request, session, Change.NOT_YOURS, conversation_id=conversation_id)
    if message.id not in found.changeable:
        return _refused(request, session, Change.TOO_LATE, conversation_id=conversation_id)
    return _change_page(request, session, found, message, "edit", draft=message.body)


def _change_page(
    request: Request,
    session: WebSession,
    found: ConversationPage,
    message: Message,
    mode: str,
    status: int = 200,
    **extra: object,
) -> HTMLResponse:
    return page(
        request,
        "message_change.html",
        session,
        status_code=status,
        title="Edit your message" if mode == "edit" else "Report a message",
        mode=mode,
        found=found,
        message=message,
        reasons=REASONS,
        **extra,
    )


@router.post("/{conversation_id}/messages/{message_id}/edit")
async def edit(
    request: Request,
    settings: Settings,
    session: CheckedForm,
    conversation_id: uuid.UUID,
    message_id: uuid.UUID,
    body: Annotated[str, Form(max_length=MAX_BODY)] = "",
) -> Response:
    if session is None:
        return see_other("/")
    if blank(body):
        found, message = await _own_message(request, settings, session, conversation_id, message_id)
        if message is None:
            return _refused(request, session, Change.MISSING, conversation_id=conversation_id)
        return _change_page(request, session, found, message, "edit", 422, draft=body, error=True)
    try:
        await edit_message(settings, session, conversation_id, message_id, body)
    except NotChanged as refused:
        return _refused(request, session, refused.change, conversation_id=conversation_id)
    return see_other(f"/conversations/{conversation_id}?done=edited#message-{message_id}")


@router.post("/{conversation_id}/messages/{message_id}/delete")
async def delete(
    request: Request,
    settings: Settings,
    session: CheckedForm,
    conversation_id: uuid.UUID,
    message_id: uuid.UUID,
) -> Response:
    if session is None:
        return see_other("/")
    try:
        await delete_message(settings, session, conversation_id, message_id)
    except NotChanged as refused:
        return _refused(request, session, refused.change, conversation_id=conversation_id)
    return see_other(f"/conversations/{conversation_id}?done=deleted#message-{message_id}")


@router.get("/{conversation_id}/messages/{message_id}/report", response_class=HTMLResponse)
async def report_form(
    request: Request,
    settings: Settings,
    session: CurrentSession,
    conversation_id: uuid.UUID,
    message_id: uuid.UUID,
) -> Response:
    if session is None:
        return see_other("/")
    found, message = await _own_message(request, settings, session, conversation_id, message_id)
    if found.shown is not Shown.SHOWN:
        return _render(request, session, found)
    if message is None or message.deleted:
        return _refused(request, session, Change.MISSING, conversation_id=conversation_id)
    if message.mine:
        return _refused(request, session, Change.OWN, conversation_id=conversation_id)
    return _change_page(request, session, found, message, "report")


@router.post("/{conversation_id}/messages/{message_id}/reports")
async def report(
    request: Request,
    settings: Settings,
    session: CheckedForm,
    conversation_id: uuid.UUID,
    message_id: uuid.UUID,
    reason: Annotated[str, Form(max_length=64)] = "",
    note: Annotated[str, Form(max_length=MAX_NOTE)] = "",
    include_excerpt: Annotated[bool, Form()] = False,
) -> Response:
    if session is None:
        return see_other("/")
    if reason not in REASONS:
        found, message = await _own_message(request, settings, session, conversation_id, message_id)
        if message is None:
            return _refused(request, session, Change.MISSING, conversation_id=conversation_id)
        return _change_page(request, session, found, message, "report", 422, note=note, error=True)
    try:
        await report_message(
            settings,
            session,
            conversation_id,
            message_id,
            reason,
            note.strip() or None,
            include_excerpt,
        )
    except NotChanged as refused:
        return _refused(request, session, refused.change, conversation_id=conversation_id)
    return see_other(f"/conversations/{conversation_id}?done=reported#message-{message_id}")
