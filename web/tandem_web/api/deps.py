"""What every page may ask for: the settings, the sessions, the signed-in person, and a
CSRF check for forms.

CSRF: a double-submit token. Every page sets a random ``tandem_csrf`` cookie (HttpOnly,
SameSite=Lax) when it lacks one and puts the same value in each form; a POST whose form
field does not match the cookie is a 403. Signed in, the session's own token is used
instead, so a token planted before sign-in (login CSRF) is worth nothing after it.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated
from urllib.parse import unquote

from fastapi import Depends, Form, HTTPException, Request

from tandem_web.domain.sessions import WebSession, new_csrf_token, same_token
from tandem_web.service.sessions import Sessions, refresher
from tandem_web.settings import WebSettings

SESSION_COOKIE = "tandem_session"
CSRF_COOKIE = "tandem_csrf"
# The browser's time zone (static/timezone.js sets it): a fallback for a profile without one.
TIME_ZONE_COOKIE = "tandem_tz"


def browser_zone(request: Request) -> str | None:
    """The zone the browser said it is in (``static/timezone.js``'s cookie), if any."""
    return unquote(request.cookies.get(TIME_ZONE_COOKIE, "")) or None


def settings_of(request: Request) -> WebSettings:
    settings: WebSettings = request.app.state.settings
    return settings


def sessions_of(request: Request) -> Sessions:
    sessions: Sessions = request.app.state.sessions
    return sessions


async def current_session(
    request: Request,
    sessions: Annotated[Sessions, Depends(sessions_of)],
    settings: Annotated[WebSettings, Depends(settings_of)],
) -> WebSession | None:
    """The request's session, its access token renewed first when about to expire (a
    refusal raises SessionEnded, which ``api/sessions.py`` turns into a sign-in)."""
    return await sessions.current(
        request.cookies.get(SESSION_COOKIE), datetime.now(UTC), refresher(settings)
    )


def csrf_token_for(request: Request, session: WebSession | None) -> str:
    """The token this page's forms carry; a fresh cookie value if the browser has none."""
    if session is not None:
        return session.csrf_token
    token = request.cookies.get(CSRF_COOKIE) or new_csrf_token()
    request.state.new_csrf_cookie = token if CSRF_COOKIE not in request.cookies else None
    return token


async def checked_csrf(
    request: Request,
    session: Annotated[WebSession | None, Depends(current_session)],
    csrf_token: Annotated[str | None, Form()] = None,
) -> WebSession | None:
    expected = session.csrf_token if session is not None else request.cookies.get(CSRF_COOKIE)
    if expected is None or not same_token(expected, csrf_token):
        raise HTTPException(403, "This form has expired or did not come from Tandem.")
    return session


Settings = Annotated[WebSettings, Depends(settings_of)]
SessionsDep = Annotated[Sessions, Depends(sessions_of)]
CurrentSession = Annotated[WebSession | None, Depends(current_session)]
CheckedForm = Annotated[WebSession | None, Depends(checked_csrf)]
