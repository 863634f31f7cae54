"""Fetching a participant's external calendar feed: one conditional GET, bounded.

- Conditional: the last ``ETag`` goes as ``If-None-Match`` and the last
  ``Last-Modified`` as ``If-Modified-Since``; a 304 keeps what was read before.
- Bounded: a timeout for the whole fetch, a size limit (``Content-Length`` checked
  first, the body counted as it streams), at most a few redirects.
- Careful where it goes: ``http``/``https`` only, and unless ``allow_private`` no
  loopback, private, link-local or reserved address, checked on every hop (redirects
  included) against every address the host name resolves to. (A name that resolves
  differently between the check and the connection could still slip through; closing
  that needs connecting to the checked address itself, a job for an egress proxy.)
- Quiet: the URL is personal data and is never logged or put in a result or error.
  The HTTP client logs every request's URL (``httpx2`` at INFO, its transport's
  connections at DEBUG): those records are dropped while a feed is being fetched.
"""

from __future__ import annotations

import asyncio
import contextvars
import ipaddress
import logging
import socket
from urllib.parse import urljoin, urlsplit

import httpx2

from tandem_meetings.domain.calendar_sources import (
    FailureReason,
    FeedStatus,
    FetchResult,
    InvalidFeedUrl,
    feed_url,
    refused_address,
)

MAX_REDIRECTS = 3
_ACCEPT = "text/calendar, application/calendar+json;q=0.5, */*;q=0.1"


_FETCHING: contextvars.ContextVar[bool] = contextvars.ContextVar("feed_fetch", default=False)
_CLIENT_LOGGERS = (
    "httpx2",
    "httpcore2.connection",
    "httpcore2.http11",
    "httpcore2.http2",
    "httpcore2.proxy",
    "httpcore2.socks",
)


def _not_during_a_fetch(record: logging.LogRecord) -> bool:
    return not _FETCHING.get()


for _name in _CLIENT_LOGGERS:
    logging.getLogger(_name).addFilter(_not_during_a_fetch)


def _failed(reason: FailureReason, http_status: int | None = None) -> FetchResult:
    return FetchResult(FeedStatus.FAILED, failure_reason=reason, http_status=http_status)


class FeedFetcher:
    """Conditional GETs of calendar feeds with the limits the settings give."""

    def __init__(
        self,
        *,
        timeout: float,
        max_bytes: int,
        allow_private: bool,
        user_agent: str = "Tandem-meetings/1 (calendar feed reader)",
    ) -> None:
        self.timeout = timeout
        self.max_bytes = max_bytes
        self.allow_private = allow_private
        self.user_agent = user_agent

    async def fetch(self, url: str, *, etag: str | None, last_modified: str | None) -> FetchResult:
        headers = {"Accept": _ACCEPT, "User-Agent": self.user_agent}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        quiet = _FETCHING.set(True)
        try:
            async with asyncio.timeout(self.timeout):
                async with httpx2.AsyncClient(
                    timeout=httpx2.Timeout(self.timeout), follow_redirects=False, trust_env=False
                ) as client:
                    return await self._follow(client, url, headers)
        except TimeoutError:
            return _failed(FailureReason.TIMEOUT)
        except httpx2.TimeoutException:
            return _failed(FailureReason.TIMEOUT)
        except (httpx2.HTTPError, OSError):
            return _failed(FailureReason.CONNECTION_FAILED)
        finally:
            _FETCHING.reset(quiet)

    async def _follow(
        self, client: httpx2.AsyncClient, url: str, headers: dict[str, str]
    ) -> FetchResult:
        for _ in range(MAX_REDIRECTS + 1):
            refused = await self._refused(url)
            if refused is not None:
                return refused
            async with client.stream("GET", url, headers=headers) as response:
                if response.status_code == 304:
                    return FetchResult(
                        FeedStatus.NOT_MODIFIED,
                        etag=response.headers.get("ETag") or headers.get("If-None-Match"),
                        last_modified=response.headers.get("Last-Modified")
                        or headers.get("If-Modified-Since"),
                        http_status=304,
                    )
                location = response.headers.get("Location")
                if response.is_redirect and location:
                    try:
                        url = feed_url(urljoin(url, location), allow_private=self.allow_private)
                    except InvalidFeedUrl:
                        return _failed(FailureReason.ADDRESS_REFUSED, response.status_code)
                    continue
                if response.status_code != 200:
                    return _failed(FailureReason.HTTP_ERROR, response.status_code)
                body = await self._body(response)
                if body is None:
                    return _failed(FailureReason.TOO_LARGE, 200)
                return FetchResult(
                    FeedStatus.OK,
                    body=body,
                    etag=response.headers.get("ETag"),
                    last_modified=response.headers.get("Last-Modified"),
                    http_status=200,
                )
        return _failed(FailureReason.TOO_MANY_REDIRECTS)

    async def _body(self, response: httpx2.Response) -> bytes | None:
        """The body, or None once it is larger than the limit (the rest is not read)."""
        declared = response.headers.get("Content-Length")
        if declared is not None and declared.isdigit() and int(declared) > self.max_bytes:
            return None
        chunks: list[bytes] = []
        size = 0
        async for chunk in response.aiter_bytes():
            size += len(chunk)
            if size > self.max_bytes:
                return None
            chunks.append(chunk)
        return b"".join(chunks)

    async def _refused(self, url: str) -> FetchResult | None:
        """A failure if the URL's host is, or resolves to, an address not to fetch from."""
        if self.allow_private:
            return None
        parts = urlsplit(url)
        host = parts.hostname or ""
        port = parts.port or (443 if parts.scheme == "https" else 80)
        try:
            infos = await asyncio.get_running_loop().getaddrinfo(
                host, port, type=socket.SOCK_STREAM
            )
        except OSError:
            return _failed(FailureReason.CONNECTION_FAILED)
        for info in infos:
            address = ipaddress.ip_address(str(info[4][0]).split("%", 1)[0])
            if refused_address(address):
                return _failed(FailureReason.ADDRESS_REFUSED)
        return None
