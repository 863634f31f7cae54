"""A meeting's notes, for its members: every member's notes (meetings shows them to all
the meeting's members and to no manager), a form to write one, and the author's forms to
rewrite or delete their own (POST, then a redirect back). A blank note is a 422 page
keeping what was typed."""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable
from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, Response

from tandem_web.api.deps import (
    CheckedForm,
    CurrentSession,
    Settings,
    browser_zone,
)
from tandem_web.api.rendering import page, see_other
from tandem_web.domain.notes import note_problem
from tandem_web.domain.sessions import WebSession
from tandem_web.domain.shown import STATUS, Shown
from tandem_web.service import notes as use
from tandem_web.service.shown import NotDone

router = APIRouter(prefix="/meetings/{meeting_id}/notes")
Text = Annotated[str, Form(max_length=40_000)]


async def _render(
    request: Request,
    settings: Settings,
    session: WebSession,
    meeting_id: uuid.UUID,
    *,
    status: int | None = None,
    error: str | None = None,
    form: str | None = None,  # "new" or the note's id
    typed: str = "",
) -> HTMLResponse:
    zone = browser_zone(request)
    found = await use.notes_page(settings, session, meeting_id, zone)
    shown = found.shown is Shown.SHOWN
    return page(
        request,
        "notes.html",
        session,
        status_code=status if shown and status else found.status,
        title="Meeting notes",
        found=found,
        meeting_id=meeting_id,
        error=error,
        form=form,
        typed=typed,
    )


async def _submit(
    request: Request,
    settings: Settings,
    session: WebSession,
    meeting_id: uuid.UUID,
    call: Callable[[], Awaitable[None]],
    form: str,
    typed: str,
) -> Response:
    try:
        await call()
    except NotDone as refused:
        return await _render(
            request,
            settings,
            session,
            meeting_id,
            status=STATUS[refused.shown],
            error=str(refused.shown),
            form=form,
            typed=typed,
        )
    return see_other(f"/meetings/{meeting_id}/notes")


@router.get("", response_class=HTMLResponse)
async def read(
    request: Request, settings: Settings, session: CurrentSession, meeting_id: uuid.UUID
) -> Response:
    if session is None:
        return see_other("/")
    return await _render(request, settings, session, meeting_id)


@router.post("")
async def write(
    request: Request,
    settings: Settings,
    session: CheckedForm,
    meeting_id: uuid.UUID,
    text: Text = "",
) -> Response:
    if session is None:
        return see_other("/")
    problem = note_problem(text)
    if problem:
        return await _render(
            request,
            settings,
            session,
            meeting_id,
            status=422,
            error=problem,
            form="new",
            typed=text,
        )

    async def call() -> None:
        await use.write(settings, session, meeting_id, text)

    return await _submit(request, settings, session, meeting_id, call, "new", text)


@router.post("/{note_id}")
async def rewrite(
    request: Request,
    settings: Settings,
    session: CheckedForm,
    meeting_id: uuid.UUID,
    note_id: uuid.UUID,
    text: Text = "",
) -> Response:
    if session is None:
        return see_other("/")
    form = str(note_id)
    problem = note_problem(text)
    if problem:
        return await _render(
            request, settings, session, meeting_id, status=422, error=problem, form=form, typed=text
        )

    async def call() -> None:
        await use.rewrite(settings, session, meeting_id, note_id, text)

    return await _submit(request, settings, session, meeting_id, call, form, text)


@router.post("/{note_id}/delete")
async def delete(
    request: Request,
    settings: Settings,
    session: CheckedForm,
    meeting_id: uuid.UUID,
    note_id: uuid.UUID,
) -> Response:
    if session is None:
        return see_other("/")

    async def call() -> None:
        await use.delete(settings, session, meeting_id, note_id)

    return await _submit(request, settings, session, meeting_id, call, str(note_id), "")
