"""A participant's external calendar feed: its URL's rules, its fetch status, its backoff.

The URL is personal data (it usually holds a secret token that opens the whole
calendar): it is checked here, sealed by the service, shown only to its owner and
never logged. What a fetch leaves is a status (``ok``, ``not_modified``, ``failed``
with a reason code) and the feed's busy intervals.
"""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from urllib.parse import urlsplit, urlunsplit
from uuid import UUID

MAX_URL_LENGTH = 2048


class FeedStatus(StrEnum):
    PENDING = "pending"  # set or changed, not fetched yet
    OK = "ok"  # fetched and read
    NOT_MODIFIED = "not_modified"  # the server answered 304: the last intervals stand
    FAILED = "failed"  # see the reason; retried with backoff


class FailureReason(StrEnum):
    TIMEOUT = "timeout"
    CONNECTION_FAILED = "connection_failed"
    ADDRESS_REFUSED = "address_refused"  # a loopback, private or reserved address
    HTTP_ERROR = "http_error"  # an answer other than 200 or 304
    TOO_LARGE = "too_large"
    TOO_MANY_REDIRECTS = "too_many_redirects"
    NOT_A_CALENDAR = "not_a_calendar"


@dataclass(frozen=True, slots=True)
class CalendarSource:
    """A participant's feed as its owner sees it (``url`` None only once shredded)."""

    participant_id: UUID
    programme_id: UUID
    url: str | None
    status: FeedStatus
    failure_reason: FailureReason | None
    http_status: int | None
    busy_intervals: int
    truncated: bool
    last_fetched_at: datetime | None
    last_success_at: datetime | None
    next_fetch_at: datetime
    updated_at: datetime


@dataclass(frozen=True, slots=True)
class FeedClaim:
    """A feed claimed for one fetch: under a lease until ``lease_until``.

    ``version`` rises whenever the owner sets another URL; a fetch whose version is no
    longer the row's stores nothing (the URL it fetched is not the feed's any more).
    """

    participant_id: UUID
    version: int
    url: str | None
    etag: str | None
    last_modified: str | None
    failures: int
    lease_until: datetime


@dataclass(frozen=True, slots=True)
class FetchResult:
    """What one conditional GET came back with (no URL: results are logged)."""

    status: FeedStatus
    body: bytes | None = None
    etag: str | None = None
    last_modified: str | None = None
    failure_reason: FailureReason | None = None
    http_status: int | None = None


class InvalidFeedUrl(ValueError):
    """A URL meetings will not fetch; the message says why without repeating it."""


def feed_url(text: str, *, allow_private: bool) -> str:
    """The URL to fetch: ``http`` or ``https`` (``webcal`` is read as ``https``), with a
    host, no user name or password, at most :data:`MAX_URL_LENGTH` characters, and not a
    loopback, private, link-local or reserved address unless ``allow_private``.
    Host names are resolved and checked again at every fetch."""
    text = text.strip()
    if len(text) > MAX_URL_LENGTH:
        raise InvalidFeedUrl(f"The URL is longer than {MAX_URL_LENGTH} characters.")
    try:
        parts = urlsplit(text)
        port = parts.port
    except ValueError as error:
        raise InvalidFeedUrl("The URL cannot be read.") from error
    scheme = parts.scheme.lower()
    if scheme == "webcal":
        scheme = "https"
    if scheme not in {"http", "https"}:
        raise InvalidFeedUrl("Only http, https and webcal URLs are fetched.")
    if not parts.hostname:
        raise InvalidFeedUrl("The URL has no host.")
    if parts.username is not None or parts.password is not None:
        raise InvalidFeedUrl("The URL must not carry a user name or password.")
    if not allow_private and refused_host(parts.hostname):
        raise InvalidFeedUrl("The URL names a local or private address.")
    del port  # read for its validation only (a port that is not a number is refused)
    return urlunsplit((scheme, parts.netloc, parts.path or "/", parts.query, ""))


def refused_host(host: str) -> bool:
    """Whether ``host`` (a name or an address literal) is one no feed may be fetched from:
    ``localhost`` names and every address that is not globally routable."""
    name = host.strip("[]").rstrip(".").lower()
    if name == "localhost" or name.endswith(".localhost"):
        return True
    try:
        address = ipaddress.ip_address(name)
    except ValueError:
        return False  # a name: its addresses are checked when it is resolved
    return refused_address(address)


def refused_address(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    return not address.is_global or address.is_multicast


def next_attempt(
    now: datetime, *, failures: int, interval: timedelta, max_backoff: timedelta
) -> datetime:
    """When to fetch next: after ``interval`` while it works; after a failure, doubling
    from ``interval`` with each consecutive one, never later than ``max_backoff``."""
    if failures <= 0:
        return now + interval
    delay = interval * (1 << min(failures - 1, 30))
    return now + min(delay, max_backoff)
