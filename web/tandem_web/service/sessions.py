"""Signing in and out, and the session of a request: its access token renewed with the
provider's refresh token before it expires, once per session however many requests
arrive together."""

from __future__ import annotations

import asyncio
import weakref
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

import httpx2
import jwt

from tandem_kit.auth import mint_token
from tandem_kit.settings import AuthSettings
from tandem_web.adapters.demo_users import ADMIN, demo_users
from tandem_web.adapters.oidc import OidcClient, OidcError, TokenSet
from tandem_web.adapters.sessions import SessionStore
from tandem_web.domain.sessions import (
    DemoUser,
    WebSession,
    new_csrf_token,
    new_session_id,
    refresh_time,
    session_key,
)
from tandem_web.settings import WebSettings

# Fetches new tokens for a refresh token (the provider's token endpoint).
Refresh = Callable[[str], Awaitable[TokenSet]]


class SessionEnded(Exception):
    """The session is over before its time: the provider refused to renew its token
    (signed out there, revoked, expired), or a service refused the token (401). The
    person is sent to sign in again."""


def token_times(access_token: str) -> tuple[datetime, datetime]:
    """When the access token expires, and when to renew it (read unverified: the
    services verify it; this only decides when the web app asks for a new one)."""
    claims = jwt.decode(access_token, options={"verify_signature": False})
    expires = datetime.fromtimestamp(int(claims["exp"]), UTC)
    issued = datetime.fromtimestamp(int(claims.get("iat", claims["exp"])), UTC)
    return expires, refresh_time(issued, expires)


@dataclass(frozen=True)
class Sessions:
    store: SessionStore
    idle: timedelta
    absolute: timedelta
    # One lock per session being renewed, gone with the last request waiting on it. In
    # this process only: the web app runs as one process per session store (SQLite).
    _renewing: weakref.WeakValueDictionary[bytes, asyncio.Lock] = field(
        default_factory=weakref.WeakValueDictionary, compare=False, repr=False
    )

    async def open(
        self,
        subject: str,
        display_name: str,
        access_token: str,
        now: datetime,
        *,
        id_token: str | None = None,
        refresh_token: str | None = None,
    ) -> tuple[str, WebSession]:
        """A new session (a fresh id: never one the browser had before signing in)."""
        expires, renew = token_times(access_token)
        session = WebSession(
            subject=subject,
            display_name=display_name,
            access_token=access_token,
            csrf_token=new_csrf_token(),
            created_at=now,
            last_seen_at=now,
            token_expires_at=expires,
            id_token=id_token,
            refresh_token=refresh_token,
            refresh_at=renew if refresh_token else None,
        )
        session_id = new_session_id()
        key = session_key(session_id)
        await self.store.save(key, session, session.expires_at(self.idle, self.absolute))
        return session_id, session

    async def current(
        self, session_id: str | None, now: datetime, refresh: Refresh | None = None
    ) -> WebSession | None:
        """The live session of this cookie, its idle clock restarted; None when expired.
        With ``refresh``, an access token about to expire is renewed first; when the
        provider refuses, the session is closed and :class:`SessionEnded` raised."""
        if not session_id:
            return None
        key = session_key(session_id)
        session = await self.store.load(key, now)
        if session is None or not session.alive(now, self.idle, self.absolute):
            return None
        if refresh is not None and session.needs_refresh(now):
            session = await self._renewed(key, now, refresh)
        seen = session.seen(now)
        await self.store.save(key, seen, seen.expires_at(self.idle, self.absolute))
        return seen

    async def _renewed(self, key: bytes, now: datetime, refresh: Refresh) -> WebSession:
        # Providers rotate refresh tokens and refuse a spent one (Keycloak's realm here
        # does): two requests renewing at once would end the session. So one renews and
        # the others, waiting on the lock, read the session it saved.
        lock = self._renewing.setdefault(key, asyncio.Lock())
        async with lock:
            latest = await self.store.load(key, now)
            if latest is None:
                raise SessionEnded("the session was closed meanwhile")
            if not latest.needs_refresh(now) or latest.refresh_token is None:
                return latest
            try:
                tokens = await refresh(latest.refresh_token)
            except OidcError as refused:
                await self.store.delete(key)
                raise SessionEnded(str(refused)) from refused
            expires, renew = token_times(tokens.access_token)
            renewed = latest.renewed(
                tokens.access_token, expires, renew, tokens.refresh_token, tokens.id_token
            )
            await self.store.save(key, renewed, renewed.expires_at(self.idle, self.absolute))
            return renewed

    async def ready(self) -> bool:
        return await self.store.readable()

    async def close(self, session_id: str | None) -> None:
        if session_id:
            await self.store.delete(session_key(session_id))


async def offered_users(client: httpx2.AsyncClient, auth: AuthSettings) -> list[DemoUser]:
    """The local sign-in's list; the admin alone while matching cannot be reached."""
    try:
        return await demo_users(client, mint_token(auth, ADMIN.subject, admin=True, ttl=60))
    except httpx2.HTTPError:
        return [ADMIN]


def local_token(auth: AuthSettings, user: DemoUser, ttl: int) -> str:
    return mint_token(
        auth,
        user.subject,
        admin=user.admin,
        manager=user.manager,
        mentor=user.mentor,
        mentee=user.mentee,
        ttl=ttl,
    )


def oidc_client(settings: WebSettings) -> OidcClient:
    """The web app's client at the provider (``settings.oidc_client_id`` is set)."""
    return OidcClient(
        settings.auth.issuer, settings.oidc_client_id or "", settings.oidc_client_secret
    )


def refresher(settings: WebSettings) -> Refresh | None:
    """How this web app renews a session's tokens; None without an OIDC provider."""
    if not settings.oidc_client_id:
        return None

    async def refresh(refresh_token: str) -> TokenSet:
        async with oidc_client(settings) as oidc:
            return await oidc.refresh(refresh_token)

    return refresh


async def provider_logout(
    settings: WebSettings, session: WebSession | None, home: str
) -> str | None:
    """Where the browser goes after signing out: the provider's end-session endpoint
    with the session's ID token as ``id_token_hint`` (RP-initiated logout, which ends
    the person's session at the provider too, and sends them back to ``home``); None for
    a local session, or when the provider cannot be reached or has no such endpoint."""
    if not settings.oidc_client_id or session is None or session.id_token is None:
        return None
    async with oidc_client(settings) as oidc:
        try:
            return await oidc.logout_url(session.id_token, home)
        except OidcError:
            return None
