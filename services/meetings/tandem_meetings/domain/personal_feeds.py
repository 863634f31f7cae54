"""A person's own calendar feed (webcal): its secret token, what it holds, its version.

The token is the only credential a calendar program can send (none sends a bearer
token), so it carries 256 random bits and only its SHA-256 is stored: looking the hash
up is the comparison, which leaks nothing about a stored token through timing, and a
database dump holds no usable URL.

What a feed holds is bounded (:data:`PAST`, :data:`AHEAD`) so that neither a long
programme nor a person in many programmes makes an unbounded body; a cancelled meeting
stays in it, STATUS:CANCELLED, for :data:`CANCELLED_KEPT` after its cancellation, so a
subscribed calendar removes it, then leaves.

The version (:func:`version_of`) is a digest of everything the body is made of, read by
one cheap query: two requests with the same version get the same bytes, so the ETag
is that digest (strong) and a 304 needs no rendering at all.
"""

from __future__ import annotations

import base64
import hashlib
import re
import secrets
from collections import OrderedDict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from tandem_meetings.domain.meetings import Meeting, Partstat
from tandem_meetings.domain.relationships import Member

TOKEN_BYTES = 32  # 256 bits
# base64url without padding: 43 characters for 32 bytes.
_TOKEN_SHAPE = re.compile(r"[A-Za-z0-9_-]{43}")

PAST = timedelta(days=90)
AHEAD = timedelta(days=548)  # about 18 months
CANCELLED_KEPT = timedelta(days=30)
# Raised whenever the rendering changes, so no client keeps an old body under its ETag.
FORMAT_VERSION = "1"


def new_token() -> str:
    return base64.urlsafe_b64encode(secrets.token_bytes(TOKEN_BYTES)).rstrip(b"=").decode()


def token_hash(token: str) -> bytes | None:
    """The stored form of a well-formed token; None for anything else (a 404 to callers)."""
    if not _TOKEN_SHAPE.fullmatch(token):
        return None
    return hashlib.sha256(token.encode()).digest()


@dataclass(frozen=True, slots=True)
class FeedWindow:
    """Meetings starting in [starts_from, starts_before), the cancelled ones only if
    cancelled since ``cancelled_since``."""

    starts_from: datetime
    starts_before: datetime
    cancelled_since: datetime


def window_at(now: datetime) -> FeedWindow:
    return FeedWindow(now - PAST, now + AHEAD, now - CANCELLED_KEPT)


@dataclass(frozen=True, slots=True)
class FeedReader:
    """Whose feed it is and how they read it: the token's subject and their contact."""

    subject: str
    token_created_at: datetime
    display_name: str | None
    email: str | None
    language: str | None
    time_zone: str | None


@dataclass(frozen=True, slots=True)
class Invited:
    """One meeting of the feed with the reader's own part in it."""

    meeting: Meeting
    member: Member
    partstat: Partstat


def stamp_of(row: Invited) -> tuple[object, ...]:
    """A meeting's stamp as ``adapters.personal_feeds.stamps`` reads it, from its record."""
    m = row.meeting
    return (m.id, m.sequence, m.status, m.updated_at, m.programme_id, row.partstat, row.member.role)


def version_of(reader: FeedReader, stamps: Iterable[tuple[object, ...]]) -> str:
    """A digest of the reader and of each meeting's stamp (id, SEQUENCE, status, last
    change, the reader's answer, programme name): any change to what the body shows
    changes it, and a meeting entering or leaving the window does too."""
    digest = hashlib.sha256(FORMAT_VERSION.encode())
    for part in (
        reader.subject,
        reader.token_created_at.isoformat(),
        reader.display_name,
        reader.email,
        reader.language,
        reader.time_zone,
    ):
        digest.update(b"\x1f" + repr(part).encode())
    for stamp in stamps:
        digest.update(b"\x1e" + repr(tuple(_plain(v) for v in stamp)).encode())
    return digest.hexdigest()


def _plain(value: object) -> object:
    # SQLite and PostgreSQL give the same instants as different datetime objects
    # (tzinfo objects differ): their ISO text is the same.
    return value.isoformat() if isinstance(value, datetime) else str(value)


def etag_of(version: str) -> str:
    return f'"{version[:32]}"'


def matches(if_none_match: str | None, etag: str) -> bool:
    """RFC 9110 §13.1.2: ``*`` or any listed tag equal by weak comparison."""
    if not if_none_match:
        return False
    tags = [tag.strip() for tag in if_none_match.split(",")]
    return any(tag == "*" or tag.removeprefix("W/") == etag for tag in tags)


class BodyCache:
    """Rendered feeds by version, least recently used dropped first, bounded in bytes.

    In-process and per worker: a second process renders once for itself. The subject
    is kept beside each body so that revoking or erasing drops theirs at once here.
    """

    def __init__(self, max_bytes: int) -> None:
        self.max_bytes = max_bytes
        self.size = 0
        self._bodies: OrderedDict[str, tuple[str, bytes]] = OrderedDict()

    def get(self, version: str) -> bytes | None:
        found = self._bodies.get(version)
        if found is None:
            return None
        self._bodies.move_to_end(version)
        return found[1]

    def put(self, version: str, subject: str, body: bytes) -> None:
        if len(body) > self.max_bytes:
            return  # larger than the whole budget: served, never kept
        if version in self._bodies:
            self.size -= len(self._bodies.pop(version)[1])
        self._bodies[version] = (subject, body)
        self.size += len(body)
        while self.size > self.max_bytes:
            _, (_, dropped) = self._bodies.popitem(last=False)
            self.size -= len(dropped)

    def forget(self, subject: str) -> None:
        for version in [v for v, (s, _) in self._bodies.items() if s == subject]:
            self.size -= len(self._bodies.pop(version)[1])

    def clear(self) -> None:
        self._bodies.clear()
        self.size = 0

    def __len__(self) -> int:
        return len(self._bodies)
