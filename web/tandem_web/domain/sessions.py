"""A signed-in browser's session: the bearer token stays here, server-side; the browser
holds only an opaque id (the backend-for-frontend pattern)."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass, replace
from datetime import datetime, timedelta


@dataclass(frozen=True)
class WebSession:
    subject: str
    display_name: str
    access_token: str
    csrf_token: str
    created_at: datetime
    last_seen_at: datetime
    # The access token's own expiry: the session never outlives the token it holds.
    token_expires_at: datetime

    def expires_at(self, idle: timedelta, absolute: timedelta) -> datetime:
        return min(self.last_seen_at + idle, self.created_at + absolute, self.token_expires_at)

    def alive(self, now: datetime, idle: timedelta, absolute: timedelta) -> bool:
        return now < self.expires_at(idle, absolute)

    def seen(self, now: datetime) -> WebSession:
        return replace(self, last_seen_at=now)


@dataclass(frozen=True)
class DemoUser:
    """Someone the embedded default's sign-in page offers, with the grants of their token."""

    subject: str
    display_name: str
    label: str  # what they are, e.g. "manager of Berlin 2027"
    admin: bool = False
    manager: tuple[str, ...] = ()
    mentor: tuple[str, ...] = ()
    mentee: tuple[str, ...] = ()


def new_session_id() -> str:
    """256 random bits, URL-safe: the cookie's whole value."""
    return secrets.token_urlsafe(32)


def new_csrf_token() -> str:
    return secrets.token_urlsafe(32)


def session_key(session_id: str) -> bytes:
    """What the store keeps instead of the id: a database reader cannot ride a session."""
    return hashlib.sha256(session_id.encode()).digest()


def same_token(expected: str, given: str | None) -> bool:
    return given is not None and hmac.compare_digest(expected.encode(), given.encode())
