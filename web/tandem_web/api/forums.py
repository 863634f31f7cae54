"""A programme's forums: the forums a viewer reads, a forum's threads with a form to
start one, a thread with a form to post (or reply), reporting a post, and for the
programme's managers locking a thread and hiding a post. Plain forms (POST, then a
redirect back): they work without JavaScript."""

from __future__ import annotations

import uuid
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
from tandem_web.domain.forums import MAX_BODY, MAX_TITLE, STATUS, ForumShown, ThreadPage, blank
from tandem_web.domain.reports import MAX_NOTE, REASONS
from tandem_web.domain.sessions import WebSession
from tandem_web.service.forums import (
    NotDone,
    add_post,
    forums_page,
    hide_post,
    lock_thread,
    read_thread,
    report_post,
    start_thread,
    threads_page,
)

router = APIRouter()
# What a form's redirect back says was done (``?done=``), in the page's words.
NOTICES = frozenset({"reported", "locked", "unlocked", "hidden", "shown"})


def _uuid(raw: str | None) -> uuid.UUID | None:
    try:
        return uuid.UUID(raw) if raw else None
    except ValueError:
        return None


@router.get("/programmes/{programme_id}/forums", response_class=HTMLResponse)
async def list_forums(
    request: Request, settings: Settings, session: CurrentSession, programme_id: uuid.UUID
) -> Response:
    if session is None:
        return see_other("/")
    found = await forums_page(settings, session, programme_id, browser_zone(request))
    return page(
        request, "forums.html", session, status_code=found.status, title="Forums", found=found
    )


async def _forum(
    request: Request,
    settings: Settings,
    session: WebSession,
    forum_id: uuid.UUID,
    status: int | None = None,
    **extra: object,
) -> HTMLResponse:
    found = await threads_page(settings, session, forum_id, browser_zone(request))
    if found.shown is not ForumShown.SHOWN:
        status = None
    return page(
        request,
        "forum.html",
        session,
        status_code=status or found.status,
        title="Forum",
        found=found,
        **extra,
    )


@router.get("/forums/{forum_id}", response_class=HTMLResponse)
async def read_forum(
    request: Request, settings: Settings, session: CurrentSession, forum_id: uuid.UUID
) -> Response:
    if session is None:
        return see_other("/")
    return await _forum(request, settings, session, forum_id)


@router.post("/forums/{forum_id}/threads")
async def new_thread(
    request: Request,
    settings: Settings,
    session: CheckedForm,
    forum_id: uuid.UUID,
    title: Annotated[str, Form(max_length=MAX_TITLE)] = "",
    body: Annotated[str, Form(max_length=MAX_BODY)] = "",
) -> Response:
    if session is None:
        return see_other("/")
    draft = {"draft_title": title, "draft_body": body}
    if blank(title) or blank(body):
        return await _forum(request, settings, session, forum_id, 422, error="blank", **draft)
    try:
        thread_id = await start_thread(settings, session, forum_id, title, body)
    except NotDone as refused:
        if refused.shown is ForumShown.LOCKED:
            return await _forum(request, settings, session, forum_id, 409, error="closed", **draft)
        # Messaging's 413/422 (too long, text it rejects) keep their status, as input.
        status = refused.status if refused.status in (413, 422) else STATUS[refused.shown]
        return await _forum(request, settings, session, forum_id, status, error="refused", **draft)
    return see_other(f"/forums/{forum_id}/threads/{thread_id}")


def _thread_response(
    request: Request, session: WebSession, found: ThreadPage, status: int | None, **extra: object
) -> HTMLResponse:
    if found.shown is not ForumShown.SHOWN:
        status = None
    return page(
        request,
        "thread.html",
        session,
        status_code=status or found.status,
        title="Thread",
        found=found,
        **extra,
    )


@router.get("/forums/{forum_id}/threads/{thread_id}", response_class=HTMLResponse)
async def read_thread_page(
    request: Request,
    settings: Settings,
    session: CurrentSession,
    forum_id: uuid.UUID,
    thread_id: uuid.UUID,
    reply_to: str | None = None,
    done: str | None = None,
) -> Response:
    if session is None:
        return see_other("/")
    found = await read_thread(settings, session, forum_id, thread_id, browser_zone(request))
    return _thread_response(
        request,
        session,
        found,
        None,
        reply=found.post(_uuid(reply_to)),
        notice=done if done in NOTICES else None,
    )


@router.post("/forums/{forum_id}/threads/{thread_id}/posts")
async def new_post(
    request: Request,
    settings: Settings,
    session: CheckedForm,
    forum_id: uuid.UUID,
    thread_id: uuid.UUID,
    body: Annotated[str, Form(max_length=MAX_BODY)] = "",
    in_reply_to: Annotated[uuid.UUID | None, Form()] = None,
) -> Response:
    if session is None:
        return see_other("/")
    error: str | None = "blank" if blank(body) else None
    status = 422
    if error is None:
        try:
            post_id = await add_post(settings, session, forum_id, thread_id, body, in_reply_to)
        except NotDone as refused:
            error = "closed" if refused.shown is ForumShown.LOCKED else "refused"
            status = refused.status if refused.status in (413, 422) else STATUS[refused.shown]
        else:
            return see_other(f"/forums/{forum_id}/threads/{thread_id}#post-{post_id}")
    found = await read_thread(settings, session, forum_id, thread_id, browser_zone(request))
    reply = found.post(in_reply_to)
    return _thread_response(request, session, found, status, error=error, draft=body, reply=reply)


@router.get(
    "/forums/{forum_id}/threads/{thread_id}/posts/{post_id}/report", response_class=HTMLResponse
)
async def report_form(
    request: Request,
    settings: Settings,
    session: CurrentSession,
    forum_id: uuid.UUID,
    thread_id: uuid.UUID,
    post_id: uuid.UUID,
) -> Response:
    if session is None:
        return see_other("/")
    found = await read_thread(settings, session, forum_id, thread_id, browser_zone(request))
    return _report_page(request, session, found, post_id, None)


def _report_page(
    request: Request,
    session: WebSession,
    found: ThreadPage,
    post_id: uuid.UUID,
    status: int | None,
    **extra: object,
) -> HTMLResponse:
    post = found.post(post_id)
    if found.shown is ForumShown.SHOWN and post is None:
        status = 404
    return page(
        request,
        "post_report.html",
        session,
        status_code=status or found.status,
        title="Report a post",
        found=found,
        post=post,
        reasons=REASONS,
        **extra,
    )


@router.post("/forums/{forum_id}/threads/{thread_id}/posts/{post_id}/reports")
async def report(
    request: Request,
    settings: Settings,
    session: CheckedForm,
    forum_id: uuid.UUID,
    thread_id: uuid.UUID,
    post_id: uuid.UUID,
    reason: Annotated[str, Form(max_length=64)] = "",
    note: Annotated[str, Form(max_length=MAX_NOTE)] = "",
    include_excerpt: Annotated[bool, Form()] = False,
) -> Response:
    if session is None:
        return see_other("/")
    error, status = "reason", 422
    if reason in REASONS:
        try:
            await report_post(
                settings, session, forum_id, post_id, reason, note.strip() or None, include_excerpt
            )
        except NotDone as refused:
            error = "own" if refused.status == 422 else "refused"
            status = refused.status or 503
        else:
            return see_other(f"/forums/{forum_id}/threads/{thread_id}?done=reported#post-{post_id}")
    found = await read_thread(settings, session, forum_id, thread_id, browser_zone(request))
    return _report_page(request, session, found, post_id, status, error=error, note=note)


@router.post("/forums/{forum_id}/threads/{thread_id}/lock")
async def lock(
    request: Request,
    settings: Settings,
    session: CheckedForm,
    forum_id: uuid.UUID,
    thread_id: uuid.UUID,
    locked: Annotated[bool, Form()] = True,
) -> Response:
    if session is None:
        return see_other("/")
    try:
        await lock_thread(settings, session, forum_id, thread_id, locked)
    except NotDone as refused:
        found = await read_thread(settings, session, forum_id, thread_id, browser_zone(request))
        status = STATUS[refused.shown]
        return _thread_response(request, session, found, status, error="moderation")
    done = "locked" if locked else "unlocked"
    return see_other(f"/forums/{forum_id}/threads/{thread_id}?done={done}")


@router.post("/forums/{forum_id}/threads/{thread_id}/posts/{post_id}/visibility")
async def visibility(
    request: Request,
    settings: Settings,
    session: CheckedForm,
    forum_id: uuid.UUID,
    thread_id: uuid.UUID,
    post_id: uuid.UUID,
    hidden: Annotated[bool, Form()] = True,
) -> Response:
    if session is None:
        return see_other("/")
    try:
        await hide_post(settings, session, forum_id, post_id, hidden)
    except NotDone as refused:
        found = await read_thread(settings, session, forum_id, thread_id, browser_zone(request))
        status = STATUS[refused.shown]
        return _thread_response(request, session, found, status, error="moderation")
    done = "hidden" if hidden else "shown"
    return see_other(f"/forums/{forum_id}/threads/{thread_id}?done={done}#post-{post_id}")
