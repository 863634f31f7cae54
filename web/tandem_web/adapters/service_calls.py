"""Calling a service through its generated client: the session's bearer token, a short
timeout, and one way of failing.

A page must never be a 500 because a service is down, slow, or answers something its
document does not declare: every such case is :class:`ServiceUnavailable` naming the
service, and the page shows that section as unavailable. A refusal the document does
declare (403, 404, 409, 410, 413) is :class:`Refused`, which a page renders in its own
words.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import TypeVar

import httpx

from tandem_web.clients.analytics.errors import UnexpectedStatus as AnalyticsUnexpected
from tandem_web.clients.matching.errors import UnexpectedStatus as MatchingUnexpected
from tandem_web.clients.meetings.errors import UnexpectedStatus as MeetingsUnexpected
from tandem_web.clients.messaging.errors import UnexpectedStatus as MessagingUnexpected

T = TypeVar("T")
REFUSALS = frozenset({403, 404, 409, 410, 413})
TIMEOUT = httpx.Timeout(5.0)  # a page waits this long for a service, then says it is down


class ServiceUnavailable(Exception):
    def __init__(self, service: str, why: str) -> None:
        super().__init__(f"{service}: {why}")
        self.service = service


class Refused(Exception):
    """The service declined: not this person's to see (403), not there (404), closed
    (409, 410), too long (413)."""

    def __init__(self, service: str, status: int, code: str | None) -> None:
        super().__init__(f"{service} refused: {status} {code}")
        self.service = service
        self.status = status
        self.code = code


def expect(service: str, status: int, parsed: object, wanted: type[T], ok: int = 200) -> T:
    """The answer's body when its status is ``ok`` and its body of the wanted type; a
    declared refusal raises :class:`Refused`, anything else :class:`ServiceUnavailable`."""
    if status == ok and isinstance(parsed, wanted):
        return parsed
    if status in REFUSALS:
        code = getattr(parsed, "code", None)
        raise Refused(service, status, code if isinstance(code, str) else None)
    raise ServiceUnavailable(service, f"answered {status}")


@asynccontextmanager
async def reaching(service: str) -> AsyncIterator[None]:
    """Transport failures and undeclared statuses of the calls inside, as unavailability."""
    try:
        yield
    except (
        httpx.HTTPError,
        AnalyticsUnexpected,
        MatchingUnexpected,
        MeetingsUnexpected,
        MessagingUnexpected,
    ) as exc:
        raise ServiceUnavailable(service, type(exc).__name__) from exc
    except (KeyError, TypeError, ValueError) as exc:  # a body the client could not read
        raise ServiceUnavailable(service, f"unreadable answer ({exc})") from exc
