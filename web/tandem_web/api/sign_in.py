"""Signing in (the embedded default's local page, or the OIDC provider's when the local
one is off) and out (of the provider too, for a session it opened)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated

import httpx2
from fastapi import APIRouter, Form, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse

from tandem_web.api.deps import SESSION_COOKIE, CheckedForm, CurrentSession, SessionsDep, Settings
from tandem_web.api.rendering import page, see_other, with_session_cookie
from tandem_web.domain.sessions import DemoUser, WebSession
from tandem_web.service.sessions import Sessions, local_token, offered_users, provider_logout
from tandem_web.settings import WebSettings

router = APIRouter()


async def _offered(settings: Settings) -> list[DemoUser]:
    async with httpx2.AsyncClient(base_url=str(settings.matching_url), timeout=5) as client:
        return await offered_users(client, settings.auth)


@router.get("/sign-in", response_model=None)
async def sign_in_page(
    request: Request, settings: Settings, session: CurrentSession
) -> HTMLResponse | RedirectResponse:
    if not settings.local_sign_in:
        if settings.oidc_client_id:  # the page's "Sign in" link leads to the provider
            return see_other("/sign-in/oidc")
        raise HTTPException(404)
    users = await _offered(settings)
    return page(request, "sign_in.html", session, title="Sign in", users=users)


@router.post("/sign-in/local")
async def sign_in_locally(
    request: Request,
    settings: Settings,
    sessions: SessionsDep,
    _form: CheckedForm,
    subject: Annotated[str, Form(min_length=1, max_length=255)],
) -> RedirectResponse:
    if not settings.local_sign_in:
        raise HTTPException(404)
    users = {user.subject: user for user in await _offered(settings)}
    user = users.get(subject)
    if user is None:
        raise HTTPException(422, "No such demo user.")
    ttl = settings.session_absolute_hours * 3600
    session_id, _ = await sessions.open(
        user.subject, user.display_name, local_token(settings.auth, user, ttl), datetime.now(UTC)
    )
    return with_session_cookie(see_other("/"), session_id, settings)


async def signed_out(
    request: Request, settings: WebSettings, sessions: Sessions, session: WebSession | None
) -> RedirectResponse:
    """Closes the session here; one the provider opened is ended there too (its
    end-session endpoint, which sends the browser back home)."""
    await sessions.close(request.cookies.get(SESSION_COOKIE))
    logout = await provider_logout(settings, session, str(request.url_for("home")))
    response = see_other(logout or "/")
    response.delete_cookie(SESSION_COOKIE)
    return response


@router.post("/sign-out")
async def sign_out(
    request: Request, settings: Settings, sessions: SessionsDep, form: CheckedForm
) -> RedirectResponse:
    return await signed_out(request, settings, sessions, form)
