"""Signing in and out, and the session of a request."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import httpx2
import jwt

from tandem_kit.auth import mint_token
from tandem_kit.settings import AuthSettings
from tandem_web.adapters.demo_users import ADMIN, demo_users
from tandem_web.adapters.sessions import SessionStore
from tandem_web.domain.sessions import (
    DemoUser,
    WebSession,
    new_csrf_token,
    new_session_id,
    session_key,
)


@dataclass(frozen=True)
class Sessions:
    store: SessionStore
    idle: timedelta
    absolute: timedelta

    async def open(
        self, subject: str, display_name: str, access_token: str, now: datetime
    ) -> tuple[str, WebSession]:
        """A new session (a fresh id: never one the browser had before signing in)."""
        claims = jwt.decode(access_token, options={"verify_signature": False})
        session = WebSession(
            subject=subject,
            display_name=display_name,
            access_token=access_token,
            csrf_token=new_csrf_token(),
            created_at=now,
            last_seen_at=now,
            token_expires_at=datetime.fromtimestamp(int(claims["exp"]), UTC),
        )
        session_id = new_session_id()
        key = session_key(session_id)
        await self.store.save(key, session, session.expires_at(self.idle, self.absolute))
        return session_id, session

    async def current(self, session_id: str | None, now: datetime) -> WebSession | None:
        """The live session of this cookie, its idle clock restarted; None when expired."""
        if not session_id:
            return None
        key = session_key(session_id)
        session = await self.store.load(key, now)
        if session is None or not session.alive(now, self.idle, self.absolute):
            return None
        seen = session.seen(now)
        await self.store.save(key, seen, seen.expires_at(self.idle, self.absolute))
        return seen

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
