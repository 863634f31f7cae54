"""Which methods a path answers: ``OPTIONS`` and the ``Allow`` header of a 405 (RFC 9110).

The router knows one route at a time, so a 405 on a path served by two routes
(``GET`` and ``POST /v1/conversations/{id}/messages``) said ``Allow: GET`` only, and
``OPTIONS`` was a 405 too. :class:`AllowedMethods` unions, once when the app is
built, the methods of every route whose path pattern matches; the app factory
answers ``OPTIONS`` from it (204 with ``Allow``) and the 405 handler names them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from fastapi.routing import RouteContext, iter_route_contexts
from starlette.routing import BaseRoute, compile_path
from starlette.types import ASGIApp, Receive, Scope, Send


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
        """The methods ``path`` answers, sorted, ``OPTIONS`` included; ``[]`` if none."""
        found: set[str] = set()
        for pattern, methods in self._patterns:
            if pattern.match(path):
                found |= methods
        return sorted(found | {"OPTIONS"}) if found else []


class AnswerOptions:
    """``OPTIONS`` on a path the app serves: 204 with ``Allow``; any other request passes."""

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
        await self.app(scope, receive, send)
