"""Calling a service through its generated client: the session's bearer token, a short
timeout, and one way of failing.

A page must never be a 500 because a service is down, slow, or answers something its
document does not declare: every such case is :class:`ServiceUnavailable` naming the
service, and the page shows that section as unavailable. A refusal the document does
declare (403, 404, 409, 410, 413) is :class:`Refused`, which a page renders in its own
words. A 401 is neither: the service does not take the session's token (expired,
revoked, another issuer's), so :class:`Unauthenticated` ends the session and the person
signs in again.
"""

from __future__ import annotations

import asyncio
import weakref
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from typing import TypeVar

import httpx

from tandem_web.clients.analytics.errors import UnexpectedStatus as AnalyticsUnexpected
from tandem_web.clients.matching.errors import UnexpectedStatus as MatchingUnexpected
from tandem_web.clients.meetings.errors import UnexpectedStatus as MeetingsUnexpected
from tandem_web.clients.messaging.errors import UnexpectedStatus as MessagingUnexpected

T = TypeVar("T")
ClientT = TypeVar("ClientT")
REFUSALS = frozenset({403, 404, 409, 410, 413})
TIMEOUT = httpx.Timeout(5.0)  # a page waits this long for a service, then says it is down
# Idle connections are dropped before the services' own keep-alive (uvicorn's 5 s) can
# close them under a request; a refused connection is tried once more.
LIMITS = httpx.Limits(max_connections=100, max_keepalive_connections=20, keepalive_expiry=4.0)


class ServiceUnavailable(Exception):
    def __init__(self, service: str, why: str) -> None:
        super().__init__(f"{service}: {why}")
        self.service = service


class Unauthenticated(Exception):
    """The service refused the session's token (401)."""

    def __init__(self, service: str) -> None:
        super().__init__(f"{service} refused the session's token")
        self.service = service


class Refused(Exception):
    """The service declined: not this person's to see (403), not there (404), closed
    (409, 410), too long (413)."""

    def __init__(self, service: str, status: int, code: str | None) -> None:
        super().__init__(f"{service} refused: {status} {code}")
        self.service = service
        self.status = status
        self.code = code


class _Lent(httpx.AsyncBaseTransport):
    """The event loop's connection pool, lent to one call's client. Each call has a client
    of its own (it carries the session's token), and closing it leaves the pool open: a
    client with a pool of its own costs a TLS context (tens of milliseconds of CPU) and a
    new connection per call, which a page of ten calls felt."""

    def __init__(self, pool: httpx.AsyncHTTPTransport) -> None:
        self._pool = pool

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        return await self._pool.handle_async_request(request)

    async def aclose(self) -> None:
        """The pool outlives the client; ``close_pools`` closes it at shutdown."""


_POOLS: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, httpx.AsyncHTTPTransport] = (
    weakref.WeakKeyDictionary()
)


def _lent_pool() -> _Lent:
    loop = asyncio.get_running_loop()  # a pool's connections belong to one event loop
    pool = _POOLS.get(loop)
    if pool is None:
        pool = _POOLS[loop] = httpx.AsyncHTTPTransport(limits=LIMITS, retries=1)
    return _Lent(pool)


async def close_pools() -> None:
    """Close this event loop's pool (the app's shutdown)."""
    pool = _POOLS.pop(asyncio.get_running_loop(), None)
    if pool is not None:
        await pool.aclose()


def authenticated(
    kind: Callable[..., ClientT], url: str, token: str, timeout: httpx.Timeout = TIMEOUT
) -> ClientT:
    """A generated client (``kind``: a service's ``AuthenticatedClient``) for one call
    with the session's token, on the shared pool; an undeclared status raises."""
    return kind(
        base_url=url,
        token=token,
        timeout=timeout,
        raise_on_unexpected_status=True,
        httpx_args={"transport": _lent_pool()},
    )


def expect(service: str, status: int, parsed: object, wanted: type[T], ok: int = 200) -> T:
    """The answer's body when its status is ``ok`` and its body of the wanted type; a
    declared refusal raises :class:`Refused`, a 401 :class:`Unauthenticated`, anything
    else :class:`ServiceUnavailable`."""
    if status == ok and isinstance(parsed, wanted):
        return parsed
    if status == 401:
        raise Unauthenticated(service)
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
        AnalyticsUnexpected,
        MatchingUnexpected,
        MeetingsUnexpected,
        MessagingUnexpected,
    ) as exc:
        if exc.status_code == 401:  # an operation that does not declare it
            raise Unauthenticated(service) from exc
        raise ServiceUnavailable(service, type(exc).__name__) from exc
    except httpx.HTTPError as exc:
        raise ServiceUnavailable(service, type(exc).__name__) from exc
    except (KeyError, TypeError, ValueError) as exc:  # a body the client could not read
        raise ServiceUnavailable(service, f"unreadable answer ({exc})") from exc
