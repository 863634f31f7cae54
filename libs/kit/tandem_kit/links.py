"""Signed one-click links for mails: an HMAC over a fixed binary claim, an expiry, a nonce.

The rules meetings' RSVP links follow (``tandem_meetings.domain.rsvp_links``), for any
service whose mails carry "click to answer" links: a token is
``base64url(payload || expires (8, Unix seconds) || nonce (16) || mac (32))`` without
padding, with ``mac = HMAC-SHA256(secret, domain || payload || expires || nonce)``.
``payload`` is the caller's fixed-size binary claim (its first byte a version the
caller checks), ``domain`` binds the MAC to one use, should the secret be reused.

A token grants exactly what its payload says, once: it never signs anyone in. The
caller's GET shows what it would do (mail scanners prefetch links), its POST applies
it and records the nonce, refusing a nonce seen before (replay). Verification refuses,
in this order: a token that is not this shape (:class:`LinkMalformed`), a MAC that does
not match, compared in constant time (:class:`LinkForged`), and a past expiry
(:class:`LinkExpired`): nothing unsigned is ever believed, not even its expiry.

Meetings keeps its own module (its layout predates this one and is in sent mails).
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import secrets
import string
import struct
from dataclasses import dataclass
from datetime import UTC, datetime

__all__ = [
    "LinkError",
    "LinkExpired",
    "LinkForged",
    "LinkMalformed",
    "SignedClaim",
    "derive_link_secret",
    "new_nonce",
    "sign_link",
    "token_length",
    "verify_link",
]

NONCE_BYTES = 16
MAC_BYTES = 32
MIN_SECRET_BYTES = 32
_TAIL = struct.Struct(">q16s")  # expires at, nonce
_TOKEN_CHARS = frozenset(string.ascii_letters + string.digits + "-_")


class LinkError(Exception):
    """A link token that must be refused; the subclass says why."""


class LinkMalformed(LinkError):
    """Not a token of this format and size at all."""


class LinkForged(LinkError):
    """Well formed, but not signed with this secret (or changed since)."""


class LinkExpired(LinkError):
    """Genuine, but past its expiry."""

    def __init__(self, expired_at: datetime) -> None:
        super().__init__(f"the link expired at {expired_at.isoformat()}")
        self.expired_at = expired_at


@dataclass(frozen=True, slots=True)
class SignedClaim:
    """A genuine, unexpired token: the caller's payload, its expiry and its nonce."""

    payload: bytes
    expires_at: datetime
    nonce: bytes

    @property
    def nonce_text(self) -> str:
        return self.nonce.hex()


def derive_link_secret(master_key: bytes, label: bytes) -> bytes:
    """A signing key derived under a service's master key for one ``label`` (a PRF of a
    uniformly random key): no second secret to configure, and the master key never signs."""
    if len(master_key) < MIN_SECRET_BYTES:
        raise ValueError("the master key must have at least 32 bytes")
    return hmac.new(master_key, label, hashlib.sha256).digest()


def new_nonce() -> bytes:
    return secrets.token_bytes(NONCE_BYTES)


def _mac(secret: bytes, domain: bytes, signed: bytes) -> bytes:
    return hmac.new(secret, domain + signed, hashlib.sha256).digest()


def sign_link(
    secret: bytes, domain: bytes, payload: bytes, expires_at: datetime, nonce: bytes
) -> str:
    """A URL-safe token for exactly ``payload``, valid until ``expires_at``."""
    if len(secret) < MIN_SECRET_BYTES:
        raise ValueError("the link secret must have at least 32 bytes")
    if expires_at.tzinfo is None:
        raise ValueError("expires_at must be timezone-aware")
    if len(nonce) != NONCE_BYTES:
        raise ValueError(f"the nonce must be {NONCE_BYTES} bytes")
    signed = payload + _TAIL.pack(int(expires_at.timestamp()), nonce)
    raw = signed + _mac(secret, domain, signed)
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode("ascii")


def token_length(payload_size: int) -> int:
    """The characters of a token whose payload has ``payload_size`` bytes."""
    return ((payload_size + _TAIL.size + MAC_BYTES) * 4 + 2) // 3


def verify_link(
    secret: bytes, domain: bytes, token: str, now: datetime, *, payload_size: int
) -> SignedClaim:
    """The claim of a genuine token still valid at ``now``; else a :class:`LinkError`."""
    # Checked before decoding: base64 would quietly skip stray characters and padding.
    if len(token) != token_length(payload_size) or not _TOKEN_CHARS.issuperset(token):
        raise LinkMalformed("not a link token")
    try:
        raw = base64.b64decode(token + "=" * (-len(token) % 4), altchars=b"-_", validate=True)
    except (binascii.Error, ValueError):
        raise LinkMalformed("not a link token") from None
    if len(raw) != payload_size + _TAIL.size + MAC_BYTES:
        raise LinkMalformed("not a link token")
    signed, mac = raw[:-MAC_BYTES], raw[-MAC_BYTES:]
    if not hmac.compare_digest(mac, _mac(secret, domain, signed)):
        raise LinkForged("the link's signature does not match")
    expires, nonce = _TAIL.unpack(signed[payload_size:])
    expires_at = datetime.fromtimestamp(expires, UTC)
    if now >= expires_at:
        raise LinkExpired(expires_at)
    return SignedClaim(signed[:payload_size], expires_at, nonce)
