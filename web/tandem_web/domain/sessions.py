"""A signed-in browser's session: the bearer token stays here, server-side; the browser
holds only an opaque id (the backend-for-frontend pattern)."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from collections.abc import Iterable
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
    # The access token's own expiry: without a refresh token the session never outlives
    # the token it holds; with one, the token is renewed from ``refresh_at`` on.
    token_expires_at: datetime
    # The OIDC provider's tokens (None for the local sign-in): the ID token is the
    # ``id_token_hint`` of the provider's logout, the refresh token renews the access
    # token. Both stay here, sealed server-side, like the access token.
    id_token: str | None = None
    refresh_token: str | None = None
    refresh_at: datetime | None = None

    def expires_at(self, idle: timedelta, absolute: timedelta) -> datetime:
        ends = min(self.last_seen_at + idle, self.created_at + absolute)
        return ends if self.refresh_token else min(ends, self.token_expires_at)

    def alive(self, now: datetime, idle: timedelta, absolute: timedelta) -> bool:
        return now < self.expires_at(idle, absolute)

    def needs_refresh(self, now: datetime) -> bool:
        """True when the access token is expired or about to be, and can be renewed."""
        return bool(self.refresh_token) and now >= (self.refresh_at or self.token_expires_at)

    def seen(self, now: datetime) -> WebSession:
        return replace(self, last_seen_at=now)

    def renewed(
        self,
        access_token: str,
        token_expires_at: datetime,
        refresh_at: datetime,
        refresh_token: str | None,
        id_token: str | None,
    ) -> WebSession:
        """The session with the provider's new tokens (a rotated refresh token replaces
        the spent one; an answer without an ID token keeps the old one for the logout)."""
        return replace(
            self,
            access_token=access_token,
            token_expires_at=token_expires_at,
            refresh_at=refresh_at,
            refresh_token=refresh_token or self.refresh_token,
            id_token=id_token or self.id_token,
        )


# Renew an access token this long before it expires (a quarter of its life when that is
# shorter), so that a page's service calls never carry one that lapses on the way.
REFRESH_MARGIN = timedelta(seconds=30)


def refresh_time(issued_at: datetime, expires_at: datetime) -> datetime:
    return expires_at - min(REFRESH_MARGIN, (expires_at - issued_at) / 4)


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


def merged(users: Iterable[DemoUser]) -> list[DemoUser]:
    """One entry per subject with all of its grants, in order of first appearance:
    someone may be a participant in one programme and manage another (the sign-in took
    the last entry of a subject, and its grants alone)."""
    by_subject: dict[str, DemoUser] = {}
    for user in users:
        seen = by_subject.get(user.subject)
        by_subject[user.subject] = (
            user
            if seen is None
            else DemoUser(
                seen.subject,
                seen.display_name,
                f"{seen.label}; {user.label}",
                admin=seen.admin or user.admin,
                manager=seen.manager + user.manager,
                mentor=seen.mentor + user.mentor,
                mentee=seen.mentee + user.mentee,
            )
        )
    return list(by_subject.values())


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
