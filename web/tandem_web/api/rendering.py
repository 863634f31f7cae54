"""Rendering a page: the template, its CSRF token, and the cookie that carries it."""

from __future__ import annotations

from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse, RedirectResponse

from tandem_web.api.deps import CSRF_COOKIE, SESSION_COOKIE, csrf_token_for
from tandem_web.domain.languages import names
from tandem_web.domain.sessions import WebSession
from tandem_web.settings import WebSettings
from tandem_web.templating import templates


def page(
    request: Request,
    name: str,
    session: WebSession | None,
    status_code: int = 200,
    **context: Any,
) -> HTMLResponse:
    settings: WebSettings = request.app.state.settings
    token = csrf_token_for(request, session)
    response: HTMLResponse = templates.TemplateResponse(
        request,
        name,
        {
            "session": session,
            "csrf_token": token,
            "language": request.state.language,
            "languages": names(),
            **context,
        },
        status_code=status_code,
    )
    fresh = getattr(request.state, "new_csrf_cookie", None)
    if fresh:
        response.set_cookie(
            CSRF_COOKIE, fresh, httponly=True, samesite="lax", secure=settings.secure_cookies
        )
    return response


def see_other(url: str) -> RedirectResponse:
    """Post/redirect/get: a form's answer is a 303 to the page that shows its result."""
    return RedirectResponse(url, status_code=303)


def with_session_cookie(
    response: RedirectResponse, session_id: str, settings: WebSettings
) -> RedirectResponse:
    response.set_cookie(
        SESSION_COOKIE,
        session_id,
        httponly=True,
        samesite="lax",
        secure=settings.secure_cookies,
        max_age=settings.session_absolute_hours * 3600,
    )
    response.delete_cookie(CSRF_COOKIE)  # the session's own token takes over
    return response
