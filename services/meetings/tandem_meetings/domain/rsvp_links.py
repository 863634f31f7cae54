"""Signed one-click RSVP links: one meeting at one SEQUENCE, one participant, one
response each.

A token is ``base64url(payload || mac)`` without padding, where ``payload`` is a fixed
binary layout (so there is exactly one encoding of a claim to sign)::

    version (1 byte, = 2) | meeting id (16) | participant id (16) | response (1)
    | expires at (8, Unix seconds, big-endian, signed) | sequence (4, unsigned) | nonce (16)

and ``mac = HMAC-SHA256(secret, DOMAIN || payload)``. The version byte is signed too, so
a later format cannot be passed off as this one. A token only says "this participant
answers this meeting, as scheduled at this SEQUENCE, so": it never signs anyone in and
grants nothing else. The SEQUENCE is the invitation's (RFC 5545): once the meeting is
rescheduled, a link from the earlier invitation answers a time that no longer exists,
and the caller refuses it (:attr:`RsvpClaim.sequence` differs from the meeting's).

Version 1 tokens (before the SEQUENCE was signed; 120 characters, the same layout
without it) still verify, with ``sequence`` None: mails already sent keep working,
and the caller treats them as answers to the first schedule.

Verification refuses, in this order: a token that is not this shape (:class:`RsvpMalformed`),
one whose MAC does not match (:class:`RsvpForged`, compared in constant time: a wrong
secret, any changed byte), and one past its expiry (:class:`RsvpExpired`). The MAC is
checked before the expiry so nothing unsigned is ever believed.

The caller's recipe: ``secret = derive_rsvp_secret(settings.master_key_bytes())``, one
token per answer per invited member, each with :func:`new_nonce` and
:func:`rsvp_expiry` (``settings.rsvp_link_lifetime_hours``), put in a mail by
:func:`rsvp_url` (``settings.public_base_url``).

Replays are the caller's to refuse: :attr:`RsvpClaim.nonce` is unique per token; keep the
used nonces (until :attr:`RsvpClaim.expires_at`, after which the token is refused anyway) and
refuse a nonce seen before.
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
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from uuid import UUID

VERSION = 2
NONCE_BYTES = 16
MAC_BYTES = 32
# Binds the MAC to this use, should the secret ever be reused for something else.
DOMAIN = b"tandem.meetings/rsvp-link\x00"
# The label the RSVP secret is derived under from the service's master key.
SECRET_LABEL = b"tandem.meetings/v1/rsvp-links"
_LAYOUT = struct.Struct(">B16s16sBqI16s")
_LAYOUT_V1 = struct.Struct(">B16s16sBq16s")  # verified only: links in mails sent before v2
_MAX_SEQUENCE = 2**32 - 1
_TOKEN_CHARS = frozenset(string.ascii_letters + string.digits + "-_")


class RsvpResponse(StrEnum):
    ACCEPTED = "accepted"
    DECLINED = "declined"
    TENTATIVE = "tentative"


# Stable one-byte codes; never renumber (tokens in sent mails carry them).
_CODES = {RsvpResponse.ACCEPTED: 1, RsvpResponse.DECLINED: 2, RsvpResponse.TENTATIVE: 3}
_RESPONSES = {code: response for response, code in _CODES.items()}


class RsvpLinkError(Exception):
    """An RSVP token that must be refused; the subclass says why."""


class RsvpMalformed(RsvpLinkError):
    """Not a token of this format at all (bad characters, length or version)."""


class RsvpForged(RsvpLinkError):
    """Well formed, but not signed by us with this secret (or changed since)."""


class RsvpExpired(RsvpLinkError):
    """Genuine, but past its expiry."""

    def __init__(self, expired_at: datetime) -> None:
        super().__init__(f"the link expired at {expired_at.isoformat()}")
        self.expired_at = expired_at


@dataclass(frozen=True, slots=True)
class RsvpClaim:
    """What a genuine, unexpired token says.

    ``nonce`` is unique per signed token: the caller records it as used when it applies the
    response and refuses it the second time (replay protection lives with the caller's
    used-nonce table, not here). ``nonce_text`` is the same 16 bytes as 32 hex digits.
    ``sequence`` is the meeting's SEQUENCE the link was sent for (None: a version 1
    token, which did not say).
    """

    meeting_id: UUID
    participant_id: UUID
    response: RsvpResponse
    expires_at: datetime
    nonce: bytes
    sequence: int | None = None

    def outdated(self, current_sequence: int) -> bool:
        """The link was sent for an earlier schedule of the meeting than the current one
        (a version 1 token counts as sent for the first schedule, SEQUENCE 0)."""
        return (self.sequence or 0) != current_sequence

    @property
    def nonce_text(self) -> str:
        return self.nonce.hex()


def derive_rsvp_secret(master_key: bytes) -> bytes:
    """The RSVP signing key: HMAC-SHA256 of a fixed label under the service's master key,
    the way the kit derives its blind-index key (a PRF of a uniformly random key), so no
    second secret needs configuring and the master key itself never signs links."""
    if len(master_key) < 32:
        raise ValueError("the master key must have at least 32 bytes")
    return hmac.new(master_key, SECRET_LABEL, hashlib.sha256).digest()


def new_nonce() -> bytes:
    return secrets.token_bytes(NONCE_BYTES)


def rsvp_expiry(issued_at: datetime, starts_at: datetime, lifetime: timedelta) -> datetime:
    """A link lives ``lifetime`` from when it is sent, and never past the meeting's start."""
    return min(issued_at + lifetime, starts_at)


def rsvp_url(public_base_url: str, token: str) -> str:
    """The one-click link a mail carries: the meetings API's ``/v1/rsvp/{token}``. Its GET
    only shows what the link would do (mail scanners prefetch links); a POST applies it."""
    return f"{public_base_url.rstrip('/')}/v1/rsvp/{token}"


def _mac(secret: bytes, payload: bytes) -> bytes:
    return hmac.new(secret, DOMAIN + payload, hashlib.sha256).digest()


def sign_rsvp(
    secret: bytes,
    meeting_id: UUID,
    participant_id: UUID,
    response: RsvpResponse,
    expires_at: datetime,
    nonce: bytes,
    *,
    sequence: int,
) -> str:
    """A URL-safe token (base64url, no padding: 126 characters) for exactly this answer to
    the meeting as scheduled at ``sequence``."""
    if len(secret) < 32:
        raise ValueError("the RSVP secret must have at least 32 bytes")
    if expires_at.tzinfo is None:
        raise ValueError("expires_at must be timezone-aware")
    if len(nonce) != NONCE_BYTES:
        raise ValueError(f"the nonce must be {NONCE_BYTES} bytes")
    if not 0 <= sequence <= _MAX_SEQUENCE:
        raise ValueError(f"the sequence must be from 0 to {_MAX_SEQUENCE}")
    payload = _LAYOUT.pack(
        VERSION,
        meeting_id.bytes,
        participant_id.bytes,
        _CODES[RsvpResponse(response)],
        int(expires_at.timestamp()),
        sequence,
        nonce,
    )
    return base64.urlsafe_b64encode(payload + _mac(secret, payload)).rstrip(b"=").decode("ascii")


def verify_rsvp(secret: bytes, token: str, now: datetime) -> RsvpClaim:
    """The claim of a genuine token still valid at ``now``; else an :class:`RsvpLinkError`."""
    raw, layout, version = _decode(token)
    payload, mac = raw[: layout.size], raw[layout.size :]
    if payload[0] != version:
        raise RsvpMalformed(f"unknown RSVP link version {payload[0]}")
    if not hmac.compare_digest(mac, _mac(secret, payload)):
        raise RsvpForged("the RSVP link's signature does not match")
    sequence: int | None
    if version == VERSION:
        _, meeting, participant, code, expires, sequence, nonce = layout.unpack(payload)
    else:
        _, meeting, participant, code, expires, nonce = layout.unpack(payload)
        sequence = None
    response = _RESPONSES.get(code)
    if response is None:  # signed by us, so only a future format could get here
        raise RsvpMalformed(f"unknown RSVP response code {code}")
    expires_at = datetime.fromtimestamp(expires, UTC)
    if now >= expires_at:
        raise RsvpExpired(expires_at)
    return RsvpClaim(
        UUID(bytes=meeting), UUID(bytes=participant), response, expires_at, nonce, sequence
    )


# Each version's layout by its token's length (the lengths differ), and its version byte.
_BY_LENGTH = {
    ((layout.size + MAC_BYTES) * 4 + 2) // 3: (layout, version)
    for layout, version in ((_LAYOUT, VERSION), (_LAYOUT_V1, 1))
}


def _decode(token: str) -> tuple[bytes, struct.Struct, int]:
    # Checked before decoding: base64 would quietly skip stray characters and padding.
    # Only the URL-safe alphabet: "+" and "/" would decode to the same bytes.
    known = _BY_LENGTH.get(len(token))
    if known is None or not _TOKEN_CHARS.issuperset(token):
        raise RsvpMalformed("not an RSVP link token")
    layout, version = known
    length = layout.size + MAC_BYTES
    try:
        raw = base64.b64decode(token + "=" * (-len(token) % 4), altchars=b"-_", validate=True)
    except (binascii.Error, ValueError):
        raise RsvpMalformed("not an RSVP link token") from None
    if len(raw) != length:
        raise RsvpMalformed("not an RSVP link token")
    return raw, layout, version
