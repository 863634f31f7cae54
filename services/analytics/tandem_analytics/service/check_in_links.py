"""One-click links in check-in and outcome mails: one answer each, signed, expiring, once.

The kit's signed links (``tandem_kit.links``: HMAC-SHA256 under a key derived from the
service's master key, an expiry, a nonce) carrying a fixed 36-byte claim::

    version (1, = 1) | what (1: a check-in answer, 2: an outcome) | item id (16: the
    check-in or the outcome row) | participant id (16) | question index (1) | value (1)

A link answers one question of one member's check-in with one value (or records one
status of one mentee's outcome), nothing else: it never signs anyone in. GET shows what
it would do (mail scanners prefetch links), POST applies it and spends its nonce, so
the same link a second time is refused (``link_used``).
"""

from __future__ import annotations

import struct
from dataclasses import dataclass
from datetime import datetime
from enum import IntEnum
from uuid import UUID

from tandem_analytics.settings import AnalyticsSettings
from tandem_kit.errors import BadRequest, Forbidden, Gone
from tandem_kit.links import (
    LinkExpired,
    LinkForged,
    LinkMalformed,
    derive_link_secret,
    new_nonce,
    sign_link,
    verify_link,
)

VERSION = 1
DOMAIN = b"tandem.analytics/check-in-link\x00"
SECRET_LABEL = b"tandem.analytics/v1/check-in-links"
_LAYOUT = struct.Struct(">BB16s16sBB")
_SECRETS: dict[bytes, bytes] = {}


class What(IntEnum):
    ANSWER = 1
    OUTCOME = 2


@dataclass(frozen=True, slots=True)
class LinkClaim:
    what: What
    item_id: UUID
    participant_id: UUID
    index: int  # the question's position in the check-in (0 for an outcome)
    value: int  # 1-5, or the outcome status code
    expires_at: datetime
    nonce: str


def _secret(settings: AnalyticsSettings) -> bytes:
    master = settings.master_key_bytes()
    if master not in _SECRETS:  # one derivation per configured key and process
        _SECRETS[master] = derive_link_secret(master, SECRET_LABEL)
    return _SECRETS[master]


def sign(
    settings: AnalyticsSettings,
    what: What,
    item_id: UUID,
    participant_id: UUID,
    index: int,
    value: int,
    expires_at: datetime,
) -> str:
    payload = _LAYOUT.pack(VERSION, what, item_id.bytes, participant_id.bytes, index, value)
    return sign_link(_secret(settings), DOMAIN, payload, expires_at, new_nonce())


def url(settings: AnalyticsSettings, token: str) -> str:
    return f"{settings.public_base_url.rstrip('/')}/v1/check-in-links/{token}"


def verify(settings: AnalyticsSettings, token: str, now: datetime) -> LinkClaim:
    """The claim of a genuine, unexpired link; else the problem to answer with."""
    try:
        claim = verify_link(_secret(settings), DOMAIN, token, now, payload_size=_LAYOUT.size)
    except LinkMalformed:
        raise BadRequest("This is not a check-in link.", code="link_malformed") from None
    except LinkForged:
        raise Forbidden("This link was not issued by Tandem.", code="link_forged") from None
    except LinkExpired as expired:
        raise Gone(
            f"This link expired at {expired.expired_at.isoformat()}.", code="link_expired"
        ) from None
    version, what, item, participant, index, value = _LAYOUT.unpack(claim.payload)
    if version != VERSION or what not in {w.value for w in What}:
        raise BadRequest("This is not a check-in link.", code="link_malformed")
    return LinkClaim(
        What(what),
        UUID(bytes=item),
        UUID(bytes=participant),
        index,
        value,
        claim.expires_at,
        claim.nonce_text,
    )
