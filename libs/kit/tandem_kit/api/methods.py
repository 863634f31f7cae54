"""Which methods a path answers: ``OPTIONS`` and the ``Allow`` header of a 405 (RFC 9110).

The router knows one route at a time, so a 405 on a path served by two routes
(``GET`` and ``POST /v1/conversations/{id}/messages``) said ``Allow: GET`` only, and
``OPTIONS`` was a 405 too. :class:`AllowedMethods` unions, once when the app is
built, the methods of every route whose path pattern matches; the app factory
answers ``OPTIONS`` from it (204 with ``Allow``) and the 405 handler names them.

``HEAD`` is answered wherever ``GET`` is (RFC 9110, 9.3.2: the same status and
headers, no content). FastAPI's routes answer only the methods they declare, so
without this a ``HEAD`` on any resource was a 405.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from fastapi.routing import RouteContext, iter_route_contexts
from starlette.routing import BaseRoute, compile_path
from starlette.types import ASGIApp, Message, Receive, Scope, Send


class AllowedMethods:
    def __init__(self) -> None:
        self._patterns: list[tuple[re.Pattern[str], frozenset[str]]] = []

    def learn(self, routes: Sequence[BaseRoute | RouteContext]) -> None:
        for context in iter_route_contexts(routes):
            path, methods = context.path, context.methods
            if path is None or not methods:  # a mount or a websocket route
                continue
            pattern: re.Pattern[str] = getattr(context, "path_regex", None) or compile_path(path)[0]
            self._patterns.append((pattern, frozenset(methods)))

    def of(self, path: str) -> list[str]:
        """The methods ``path`` answers, sorted, ``OPTIONS`` (and ``HEAD`` where ``GET``)
        included; ``[]`` if none."""
        found: set[str] = set()
        for pattern, methods in self._patterns:
            if pattern.match(path):
                found |= methods
        if "GET" in found:
            found.add("HEAD")
        return sorted(found | {"OPTIONS"}) if found else []


class AnswerOptions:
    """``OPTIONS`` on a path the app serves: 204 with ``Allow``. ``HEAD`` where the path
    answers ``GET``: the ``GET`` (token, limits, errors and all) without its content.
    Any other request passes."""

    def __init__(self, app: ASGIApp, *, allowed: AllowedMethods) -> None:
        self.app = app
        self._allowed = allowed

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["method"] == "OPTIONS":
            methods = self._allowed.of(scope["path"])
            if methods:
                headers = [(b"allow", ", ".join(methods).encode()), (b"content-length", b"0")]
                await send({"type": "http.response.start", "status": 204, "headers": headers})
                await send({"type": "http.response.body", "body": b""})
                return
        head = scope["type"] == "http" and scope["method"] == "HEAD"
        if head and "GET" in self._allowed.of(scope["path"]):
            await self.app({**scope, "method": "GET"}, receive, _without_content(send))
            return
        await self.app(scope, receive, send)


def _without_content(send: Send) -> Send:
    """``send`` that passes the status and headers (``content-length`` included) and
    drops every byte of the content."""

    async def send_headers_only(message: Message) -> None:
        if message["type"] == "http.response.body":
            message = {**message, "body": b""}
        await send(message)

    return send_headers_only
