"""A session that ended before its time: the provider would not renew its token, or a
service refused the token (401). Whatever page was asked for, the session is closed, the
cookie dropped, and the person is sent to a page that says so and offers to sign in."""

from __future__ import annotations

import logging

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse

from tandem_web.api.deps import SESSION_COOKIE, sessions_of
from tandem_web.api.rendering import page, see_other

router = APIRouter()
log = logging.getLogger(__name__)


async def session_ended(request: Request, exc: Exception) -> RedirectResponse:
    """The exception handler of SessionEnded and Unauthenticated (``main.py``)."""
    log.info("session ended: %s", exc)
    await sessions_of(request).close(request.cookies.get(SESSION_COOKIE))
    response = see_other("/signed-out")
    response.delete_cookie(SESSION_COOKIE)
    return response


@router.get("/signed-out", response_class=HTMLResponse)
async def signed_out_page(request: Request) -> HTMLResponse:
    return page(request, "session_ended.html", None, title="Please sign in again")
