"""Refuse a request body over its route's limit before the form parser reads it.

Starlette reads a whole url-encoded form into memory, and spools a multipart one to
disk, before any route runs: an anonymous 1 GB POST to the sign-in form would be read
to its end. This pure ASGI middleware answers ``413`` as soon as ``Content-Length``
says too much, or as soon as a body sent without one (chunked) grows past the limit,
and reads nothing more. Limits: ``FORM_BYTES`` for every form (a message of 10,000
characters, url-encoded, is well under it), ``UPLOAD_BYTES`` for the CSV import (its
10 MB file and the multipart framing around it).
"""

from __future__ import annotations

import re

from starlette.types import ASGIApp, Receive, Scope, Send

from tandem_kit.guard import read_at_most, replay_body
from tandem_web.domain.imports import MAX_BYTES
from tandem_web.security import HEADERS

FORM_BYTES = 256 * 1024
UPLOAD_BYTES = MAX_BYTES + 64 * 1024
UPLOADS = re.compile(r"^/programmes/[^/]+/imports$")
BODY_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})
TOO_LARGE = (
    b'<!doctype html><html lang="en"><head><meta charset="utf-8">'
    b"<title>Too large</title></head><body><main><h1>Too large</h1>"
    b"<p>What was sent is larger than Tandem accepts here. Please go back and send less."
    b"</p></main></body></html>"
)


def limit_for(path: str) -> int:
    return UPLOAD_BYTES if UPLOADS.match(path) else FORM_BYTES


class BodyLimit:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] not in BODY_METHODS:
            await self.app(scope, receive, send)
            return
        limit = limit_for(scope["path"])
        declared = dict(scope["headers"]).get(b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > limit):
            await _too_large(send)
            return
        body = await read_at_most(receive, limit)
        if body is None:
            await _too_large(send)
            return
        await self.app(scope, replay_body(body, receive), send)


async def _too_large(send: Send) -> None:
    await send(
        {
            "type": "http.response.start",
            "status": 413,
            "headers": [
                (b"content-type", b"text/html; charset=utf-8"),
                (b"content-length", str(len(TOO_LARGE)).encode()),
                (b"connection", b"close"),
                *((name.lower().encode(), value.encode()) for name, value in HEADERS.items()),
            ],
        }
    )
    await send({"type": "http.response.body", "body": TOO_LARGE})
