"""Signing in with the OIDC provider (authorization code flow with PKCE) and out of it.

``GET /sign-in/oidc`` starts a sign-in: a fresh state, nonce and PKCE verifier, kept
until the callback in a short-lived cookie sealed with the session key (AES-GCM; the
browser cannot read or alter it), and a redirect to the provider. ``GET /oidc/callback``
finishes it (``tandem_web.adapters.oidc`` checks state, issuer, the code exchange and
the ID token) and opens a server-side session holding the access token; the pending
cookie is deleted then, and the provider takes each code once, so a callback cannot be
replayed. The session keeps the ID token (for the logout) and the refresh token (to renew
the access token, ``service/sessions.py``), sealed server-side like the access token.
``POST /sign-out`` (``api/sign_in.py``; ``/sign-out/oidc`` too) closes the session and
sends the browser to the provider's logout with the ID token as ``id_token_hint``, which
ends the person's session there as well.
"""

from __future__ import annotations

import base64
import binascii
import json
import time
from dataclasses import asdict
from datetime import UTC, datetime
from pathlib import Path

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import RedirectResponse

from tandem_kit.crypto.envelope import ContentUnreadable, Sealed, seal, unseal
from tandem_web.adapters.oidc import AuthorizationRequest, OidcClient, OidcError
from tandem_web.adapters.sessions import load_or_create_key
from tandem_web.api.deps import CheckedForm, SessionsDep, Settings
from tandem_web.api.rendering import see_other, with_session_cookie
from tandem_web.api.sign_in import signed_out
from tandem_web.service.sessions import oidc_client
from tandem_web.settings import WebSettings

router = APIRouter()

PENDING_COOKIE = "tandem_oidc"
PENDING_SECONDS = 600  # long enough to type a password, short enough to be spent soon
_AAD = b"tandem-web/oidc-pending/"


def _client(settings: WebSettings) -> OidcClient:
    if not settings.oidc_client_id:
        raise HTTPException(404)
    return oidc_client(settings)


def _key(settings: WebSettings) -> bytes:
    return load_or_create_key(Path(settings.session_key_file))


def _seal_pending(settings: WebSettings, pending: AuthorizationRequest) -> str:
    body = json.dumps({**asdict(pending), "created": time.time()}).encode()
    sealed = seal(_key(settings), body, _AAD)
    return base64.urlsafe_b64encode(sealed.nonce + sealed.ciphertext).decode()


def _open_pending(settings: WebSettings, cookie: str | None) -> AuthorizationRequest | None:
    if not cookie:
        return None
    try:
        raw = base64.urlsafe_b64decode(cookie.encode())
        data = json.loads(unseal(_key(settings), Sealed(raw[:12], raw[12:]), _AAD))
    except (binascii.Error, ValueError, ContentUnreadable):
        return None
    if time.time() - float(data.pop("created")) > PENDING_SECONDS:
        return None
    return AuthorizationRequest(**data)


@router.get("/sign-in/oidc")
async def start_sign_in(request: Request, settings: Settings) -> RedirectResponse:
    async with _client(settings) as oidc:
        try:
            pending = await oidc.authorization_request(str(request.url_for("oidc_callback")))
        except OidcError as exc:
            raise HTTPException(503, "The sign-in service cannot be reached.") from exc
    response = RedirectResponse(pending.url, status_code=303)
    response.set_cookie(
        PENDING_COOKIE,
        _seal_pending(settings, pending),
        max_age=PENDING_SECONDS,
        path="/oidc",
        httponly=True,
        # Lax: the provider's redirect back is a top-level GET, which carries it.
        samesite="lax",
        secure=settings.secure_cookies,
    )
    return response


@router.get("/oidc/callback", name="oidc_callback")
async def finish_sign_in(
    request: Request, settings: Settings, sessions: SessionsDep
) -> RedirectResponse:
    pending = _open_pending(settings, request.cookies.get(PENDING_COOKIE))
    if pending is None:
        raise HTTPException(400, "This sign-in has expired or was not started here; sign in again.")
    async with _client(settings) as oidc:
        try:
            tokens = await oidc.complete(pending, dict(request.query_params))
        except OidcError as exc:
            raise HTTPException(400, "Sign-in did not succeed; please sign in again.") from exc
    claims = tokens.id_claims
    name = str(claims.get("name") or claims.get("preferred_username") or tokens.subject)
    session_id, _ = await sessions.open(
        tokens.subject,
        name,
        tokens.access_token,
        datetime.now(UTC),
        id_token=tokens.id_token,
        refresh_token=tokens.refresh_token,
    )
    response = with_session_cookie(see_other("/"), session_id, settings)
    response.delete_cookie(PENDING_COOKIE, path="/oidc")
    return response


@router.post("/sign-out/oidc")
async def sign_out(
    request: Request, settings: Settings, sessions: SessionsDep, form: CheckedForm
) -> RedirectResponse:
    return await signed_out(request, settings, sessions, form)
