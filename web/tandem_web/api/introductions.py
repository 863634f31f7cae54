"""A relationship from one member's side, the introduction: who the others are and
their local time now, and (while it is proposed) an Accept and a Decline form (POST,
then a redirect back to it)."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from tandem_web.api.deps import (
    CheckedForm,
    CurrentSession,
    Settings,
    browser_zone,
)
from tandem_web.api.rendering import page, see_other
from tandem_web.domain.meetings import STATUS, Refusal
from tandem_web.domain.sessions import WebSession
from tandem_web.service.meetings import NotShown, Viewer, introduction, respond, viewer

router = APIRouter(prefix="/programmes/{programme_id}/relationships")


def refused_page(
    request: Request, session: WebSession, refusal: Refusal, zone: str = "UTC"
) -> HTMLResponse:
    """A page or a form that was refused: in words, with its status, never a 500."""
    return page(
        request,
        "meeting_refused.html",
        session,
        status_code=STATUS[refusal],
        title="Not available",
        refusal=refusal,
        zone=zone,
    )


async def _render(
    request: Request,
    settings: Settings,
    session: WebSession,
    who: Viewer,
    programme_id: uuid.UUID,
    relationship_id: uuid.UUID,
    error: Refusal | None = None,
) -> HTMLResponse:
    try:
        found = await introduction(settings, session, who, relationship_id, programme_id)
    except NotShown as refused:
        return refused_page(request, session, refused.refusal, who.zone)
    return page(
        request,
        "introduction.html",
        session,
        status_code=STATUS[error] if error else 200,
        title="Your introduction",
        found=found,
        zone=who.zone,
        now=datetime.now(UTC),
        error=error,
    )


@router.get("/{relationship_id}", response_class=HTMLResponse)
async def read(
    request: Request,
    settings: Settings,
    session: CurrentSession,
    programme_id: uuid.UUID,
    relationship_id: uuid.UUID,
) -> Response:
    if session is None:
        return see_other("/")
    who = await viewer(settings, session, browser_zone(request))
    return await _render(request, settings, session, who, programme_id, relationship_id)


async def _answer(
    request: Request,
    settings: Settings,
    session: WebSession | None,
    programme_id: uuid.UUID,
    relationship_id: uuid.UUID,
    *,
    accepting: bool,
) -> Response:
    if session is None:
        return see_other("/")
    try:
        await respond(settings, session, programme_id, relationship_id, accepting=accepting)
    except NotShown as refused:
        who = await viewer(settings, session, browser_zone(request))
        if refused.refusal is Refusal.NOT_FOUND:
            return refused_page(request, session, refused.refusal, who.zone)
        return await _render(
            request, settings, session, who, programme_id, relationship_id, refused.refusal
        )
    return see_other(f"/programmes/{programme_id}/relationships/{relationship_id}")


@router.post("/{relationship_id}/accept")
async def accept(
    request: Request,
    settings: Settings,
    session: CheckedForm,
    programme_id: uuid.UUID,
    relationship_id: uuid.UUID,
) -> Response:
    return await _answer(request, settings, session, programme_id, relationship_id, accepting=True)


@router.post("/{relationship_id}/decline")
async def decline(
    request: Request,
    settings: Settings,
    session: CheckedForm,
    programme_id: uuid.UUID,
    relationship_id: uuid.UUID,
) -> Response:
    return await _answer(request, settings, session, programme_id, relationship_id, accepting=False)
