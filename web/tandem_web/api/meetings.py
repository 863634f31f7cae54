"""A relationship's meetings: the list (with the calendar feed), finding a time and
scheduling, one meeting with its RSVP, reschedule, cancel and attendance forms. Every
form posts and redirects back; a refusal is a page in words with its status, and a form
refused for what was typed shows the form again with it."""

from __future__ import annotations

import uuid
from collections.abc import Awaitable
from datetime import UTC, datetime
from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, Response

from tandem_web.api.deps import CheckedForm, CurrentSession, Settings, browser_zone
from tandem_web.api.introductions import refused_page
from tandem_web.api.rendering import page, see_other
from tandem_web.domain.meetings import (
    CANCEL_REASONS,
    MODES,
    RSVP_ANSWERS,
    STATUS,
    BadTime,
    Feed,
    Refusal,
    Typed,
    as_typed,
    duration_of,
    split,
    starts_at_of,
)
from tandem_web.domain.sessions import WebSession
from tandem_web.service import meetings as use
from tandem_web.service.meetings import (
    NotShown,
    Viewer,
    acting,
    calendar_feed,
    meeting_page,
    meetings_page,
    slots,
    viewer,
)

router = APIRouter()
Text = Annotated[str, Form()]


async def _list(
    request: Request,
    settings: Settings,
    session: WebSession,
    who: Viewer,
    relationship_id: uuid.UUID,
    feed: Feed | None = None,
) -> HTMLResponse:
    try:
        found = await meetings_page(settings, session, who, relationship_id, feed)
    except NotShown as refused:
        return refused_page(request, session, refused.refusal, who.zone)
    upcoming, past = split(found.meetings.value or [], datetime.now(UTC))
    return page(
        request,
        "meetings.html",
        session,
        title="Meetings",
        found=found,
        upcoming=upcoming,
        past=past,
        zone=who.zone,
    )


@router.get("/relationships/{relationship_id}/meetings", response_class=HTMLResponse)
async def meetings(
    request: Request, settings: Settings, session: CurrentSession, relationship_id: uuid.UUID
) -> Response:
    if session is None:
        return see_other("/")
    who = await viewer(settings, session, browser_zone(request))
    return await _list(request, settings, session, who, relationship_id)


@router.post("/relationships/{relationship_id}/meetings/calendar-feed")
async def make_feed(
    request: Request, settings: Settings, session: CheckedForm, relationship_id: uuid.UUID
) -> Response:
    """A new calendar feed URL. Shown in the answer itself, not after a redirect: meetings
    shows it this once and the web app keeps no copy of it."""
    if session is None:
        return see_other("/")
    who = await viewer(settings, session, browser_zone(request))
    try:
        made = await calendar_feed(settings, session, make=True)
    except NotShown as refused:
        return refused_page(request, session, refused.refusal, who.zone)
    return await _list(request, settings, session, who, relationship_id, made)


@router.post("/relationships/{relationship_id}/meetings/calendar-feed/revoke")
async def revoke_feed(
    request: Request, settings: Settings, session: CheckedForm, relationship_id: uuid.UUID
) -> Response:
    if session is None:
        return see_other("/")
    try:
        await calendar_feed(settings, session, make=False)
    except NotShown as refused:
        return refused_page(request, session, refused.refusal)
    return see_other(f"/relationships/{relationship_id}/meetings#calendar-feed")


async def _new(
    request: Request,
    settings: Settings,
    session: WebSession,
    who: Viewer,
    relationship_id: uuid.UUID,
    typed: Typed,
    error: Refusal | None = None,
) -> HTMLResponse:
    try:
        found = await meetings_page(settings, session, who, relationship_id)
    except NotShown as refused:
        return refused_page(request, session, refused.refusal, who.zone)
    if found.introduction.me is None:
        return refused_page(request, session, Refusal.MANAGERS_CANNOT, who.zone)
    proposed = await slots(settings, session, relationship_id)
    return page(
        request,
        "new_meeting.html",
        session,
        status_code=STATUS[error] if error else 200,
        title="Find a time",
        found=found,
        proposed=proposed,
        zone=who.zone,
        typed=typed,
        error=error,
    )


@router.get("/relationships/{relationship_id}/meetings/new", response_class=HTMLResponse)
async def new(
    request: Request, settings: Settings, session: CurrentSession, relationship_id: uuid.UUID
) -> Response:
    if session is None:
        return see_other("/")
    who = await viewer(settings, session, browser_zone(request))
    return await _new(request, settings, session, who, relationship_id, Typed())


def _typed(
    day: str, at: str, duration: str, mode: str, place_name: str, place_address: str, slot: str
) -> Typed:
    return Typed(
        day.strip(),
        at.strip(),
        duration.strip(),
        mode if mode in MODES else "online",
        place_name.strip(),
        place_address.strip(),
        slot.strip(),
    )


def _place_needed(typed: Typed) -> None:
    if typed.mode == "face_to_face" and not typed.place_name:
        raise BadTime(Refusal.NO_PLACE)


@router.post("/relationships/{relationship_id}/meetings")
async def schedule(
    request: Request,
    settings: Settings,
    session: CheckedForm,
    relationship_id: uuid.UUID,
    day: Text = "",
    at: Text = "",
    duration: Text = "60",
    mode: Text = "online",
    place_name: Text = "",
    place_address: Text = "",
    slot: Text = "",
    activity_id: Text = "",
) -> Response:
    if session is None:
        return see_other("/")
    who = await viewer(settings, session, browser_zone(request))
    typed = _typed(day, at, duration, mode, place_name, place_address, slot)
    try:
        starts_at = starts_at_of(typed, who.zone, datetime.now(UTC))
        minutes = duration_of(typed.duration)
        _place_needed(typed)
        activity = uuid.UUID(activity_id) if typed.slot and activity_id else None
    except BadTime as bad:
        return await _new(request, settings, session, who, relationship_id, typed, bad.refusal)
    except ValueError:
        return await _new(
            request, settings, session, who, relationship_id, typed, Refusal.BAD_INPUT
        )
    try:
        made = await use.schedule(
            settings, session, relationship_id, typed, starts_at, minutes, activity
        )
    except NotShown as refused:
        if refused.refusal is Refusal.NOT_FOUND:
            return refused_page(request, session, refused.refusal, who.zone)
        return await _new(request, settings, session, who, relationship_id, typed, refused.refusal)
    return see_other(f"/meetings/{made}")


async def _meeting(
    request: Request,
    settings: Settings,
    session: WebSession,
    who: Viewer,
    meeting_id: uuid.UUID,
    typed: Typed | None = None,
    error: Refusal | None = None,
) -> HTMLResponse:
    now = datetime.now(UTC)
    try:
        found = await meeting_page(settings, session, who, meeting_id, now)
    except NotShown as refused:
        return refused_page(request, session, refused.refusal, who.zone)
    meeting = found.meeting
    return page(
        request,
        "meeting.html",
        session,
        status_code=STATUS[error] if error else 200,
        title="Meeting",
        found=found,
        meeting=meeting,
        zone=who.zone,
        my_answer=meeting.answer_of(who.me),
        started=meeting.started(now),
        typed=typed or as_typed(meeting, who.zone),
        error=error,
        answers=RSVP_ANSWERS,
        reasons=CANCEL_REASONS,
    )


@router.get("/meetings/{meeting_id}", response_class=HTMLResponse)
async def read(
    request: Request, settings: Settings, session: CurrentSession, meeting_id: uuid.UUID
) -> Response:
    if session is None:
        return see_other("/")
    who = await viewer(settings, session, browser_zone(request))
    return await _meeting(request, settings, session, who, meeting_id)


async def _act(
    request: Request,
    settings: Settings,
    session: WebSession,
    meeting_id: uuid.UUID,
    call: Awaitable[object],
    typed: Typed | None = None,
) -> Response:
    """One form's call to meetings, then back to the meeting (or the page, and why)."""
    try:
        await acting(call)
    except NotShown as refused:
        who = await viewer(settings, session, browser_zone(request))
        if refused.refusal is Refusal.NOT_FOUND:
            return refused_page(request, session, refused.refusal, who.zone)
        return await _meeting(request, settings, session, who, meeting_id, typed, refused.refusal)
    return see_other(f"/meetings/{meeting_id}")


@router.post("/meetings/{meeting_id}/rsvp")
async def rsvp(
    request: Request,
    settings: Settings,
    session: CheckedForm,
    meeting_id: uuid.UUID,
    response: Text = "",
) -> Response:
    if session is None:
        return see_other("/")
    if response not in RSVP_ANSWERS:
        who = await viewer(settings, session, browser_zone(request))
        return await _meeting(request, settings, session, who, meeting_id, None, Refusal.BAD_INPUT)
    call = use.answer(settings, session, meeting_id, response)
    return await _act(request, settings, session, meeting_id, call)


@router.post("/meetings/{meeting_id}/reschedule")
async def reschedule(
    request: Request,
    settings: Settings,
    session: CheckedForm,
    meeting_id: uuid.UUID,
    day: Text = "",
    at: Text = "",
    duration: Text = "60",
    mode: Text = "online",
    place_name: Text = "",
    place_address: Text = "",
) -> Response:
    if session is None:
        return see_other("/")
    who = await viewer(settings, session, browser_zone(request))
    typed = _typed(day, at, duration, mode, place_name, place_address, "")
    try:
        starts_at = starts_at_of(typed, who.zone, datetime.now(UTC))
        minutes = duration_of(typed.duration)
        _place_needed(typed)
    except BadTime as bad:
        return await _meeting(request, settings, session, who, meeting_id, typed, bad.refusal)
    call = use.reschedule(settings, session, meeting_id, typed, starts_at, minutes)
    return await _act(request, settings, session, meeting_id, call, typed)


@router.post("/meetings/{meeting_id}/cancel")
async def cancel(
    request: Request,
    settings: Settings,
    session: CheckedForm,
    meeting_id: uuid.UUID,
    reason: Text = "",
    note: Text = "",
) -> Response:
    if session is None:
        return see_other("/")
    if reason not in CANCEL_REASONS or len(note) > 1000:
        who = await viewer(settings, session, browser_zone(request))
        return await _meeting(request, settings, session, who, meeting_id, None, Refusal.BAD_INPUT)
    call = use.cancel(settings, session, meeting_id, reason, note.strip())
    return await _act(request, settings, session, meeting_id, call)


@router.post("/meetings/{meeting_id}/attendance")
async def attendance(
    request: Request,
    settings: Settings,
    session: CheckedForm,
    meeting_id: uuid.UUID,
    mode: Text = "online",
    duration: Text = "60",
) -> Response:
    """Who came: a ``presence-<participant id>`` field per member (attended or no_show)."""
    if session is None:
        return see_other("/")
    form = await request.form()
    marks: list[tuple[uuid.UUID, str]] = []
    try:
        for name, value in form.multi_items():
            if name.startswith("presence-") and value in ("attended", "no_show"):
                marks.append((uuid.UUID(name.removeprefix("presence-")), str(value)))
        minutes = duration_of(duration.strip())
        if not marks or mode not in MODES:
            raise BadTime(Refusal.BAD_INPUT)
    except (BadTime, ValueError):
        who = await viewer(settings, session, browser_zone(request))
        return await _meeting(request, settings, session, who, meeting_id, None, Refusal.BAD_INPUT)
    call = use.record(settings, session, meeting_id, marks, mode, minutes)
    return await _act(request, settings, session, meeting_id, call)
