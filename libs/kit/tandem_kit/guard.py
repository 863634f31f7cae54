"""Refuse a request before its body costs anything: no token, too large, too deep, unwanted.

FastAPI reads and parses a whole body before it runs a route's dependencies, so a
bearer check in a dependency comes too late: four anonymous 50 MB bodies once
tripled a service's memory and stalled ``/healthz``. :class:`RequestGuard` is a
pure ASGI middleware in front of the routes. For a request that carries a body it

1. finds the operation in the app's OpenAPI document; if it has a ``security``
   requirement (it depends on the kit's bearer principal), verifies the token first and
   answers 401 without reading a byte of the body. The verified principal is kept
   in the scope, so the dependency does not verify the token a second time;
2. answers 413 when ``Content-Length`` is over the route's limit, or when a body
   without one grows past it while it is read (nothing more is read after that);
3. answers 422 ``json_too_deep`` for a JSON body nested deeper than the limit,
   before the JSON parser recurses into it;
4. answers 422 ``unexpected_body`` for a body sent to an operation whose document
   declares none (a malformed body to ``POST …/match-runs`` once started a real run,
   ignored): the endpoint never runs. An operation that accepts an empty JSON object
   as well as no body says so with ``openapi_extra=NO_BODY_OR_EMPTY_OBJECT``.

Limits: ``max_body_bytes`` (settings) for every route, or the route's own
``openapi_extra={"x-body-limit": bytes}`` — which also tells clients in the OpenAPI
document. A write without a body is only authenticated (step 1); reads (GET, HEAD)
pass straight through.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from enum import Enum
from typing import Any

from fastapi import FastAPI
from starlette.requests import HTTPConnection
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from tandem_kit.auth.dependencies import PRINCIPAL_SCOPE_KEY, get_token_verifier
from tandem_kit.auth.tokens import AuthError
from tandem_kit.errors import problem_response

BODY_LIMIT_EXTRA = "x-body-limit"
# ``openapi_extra`` of an operation that takes no body but accepts ``{}`` (clients that
# always send a JSON object): documented as an optional body that must be empty.
NO_BODY_OR_EMPTY_OBJECT: dict[str, Any] = {
    "requestBody": {
        "required": False,
        "description": "None; an empty JSON object `{}` is accepted as none.",
        "content": {
            "application/json": {
                "schema": {
                    "type": "object",
                    "maxProperties": 0,
                    "additionalProperties": False,
                    "examples": [{}],
                }
            }
        },
    }
}
_BODY_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})
# Everything but brackets deleted, so the depth scan walks only the brackets.
_KEEP_BRACKETS = bytes.maketrans(b"", b"")
_NOT_BRACKETS = bytes(b for b in range(256) if b not in b"[]{}")


class _Body(Enum):
    """What an operation's document says of its body."""

    TAKEN = "taken"
    NONE = "none"
    EMPTY_OBJECT = "empty object"  # none, or ``{}``


@dataclass(frozen=True, slots=True)
class _RoutePolicy:
    method: str
    path: re.Pattern[str]
    needs_principal: bool
    body_limit: int
    body: _Body


def _body_of(operation: Mapping[str, Any]) -> _Body:
    request_body = operation.get("requestBody")
    if request_body is None:
        return _Body.NONE
    schema = request_body.get("content", {}).get("application/json", {}).get("schema", {})
    if schema.get("maxProperties") == 0:
        return _Body.EMPTY_OBJECT
    return _Body.TAKEN


def policies_from_openapi(document: Mapping[str, Any], default_limit: int) -> list[_RoutePolicy]:
    """One policy per operation that may carry a body, read from the OpenAPI document.

    The document is what clients see, so the guard enforces exactly the contract it
    publishes: an operation with a ``security`` requirement needs a principal (the
    kit's bearer dependency puts it there), ``x-body-limit`` is its own limit.
    Literal paths come before templated ones, so ``/imports/csv`` beats ``/imports/{id}``.
    """
    found: list[tuple[int, _RoutePolicy]] = []
    for template, operations in document.get("paths", {}).items():
        pattern = re.compile("^" + re.sub(r"\\\{[^}]+\\\}", "[^/]+", re.escape(template)) + "$")
        for method, operation in operations.items():
            if method.upper() not in _BODY_METHODS:
                continue
            policy = _RoutePolicy(
                method.upper(),
                pattern,
                bool(operation.get("security")),
                int(operation.get(BODY_LIMIT_EXTRA, default_limit)),
                _body_of(operation),
            )
            found.append((template.count("{"), policy))
    return [policy for _, policy in sorted(found, key=lambda item: item[0])]


def json_depth_exceeds(body: bytes, limit: int) -> bool:
    """Whether brackets outside strings nest deeper than ``limit``.

    Brackets inside JSON strings are skipped by stripping the strings first; the
    scan then walks only the brackets that are left (C-speed ``translate``), so a
    bulk import of thousands of rows costs a millisecond or two.
    """
    if body.count(b"[") + body.count(b"{") <= limit:
        return False  # even all of them nested could not go deeper
    if b'"' in body:
        body = _strip_strings(body)
    depth = 0
    for bracket in body.translate(_KEEP_BRACKETS, _NOT_BRACKETS):
        if bracket in (0x5B, 0x7B):  # [ {
            depth += 1
            if depth > limit:
                return True
        else:
            depth -= 1
    return False


def _strip_strings(body: bytes) -> bytes:
    out = bytearray()
    i, n = 0, len(body)
    while i < n:
        quote = body.find(b'"', i)
        if quote < 0:
            out += body[i:]
            break
        out += body[i:quote]
        j = quote + 1
        while True:  # the closing quote is the first one not escaped by a backslash
            j = body.find(b'"', j)
            if j < 0:
                return bytes(out)  # an unterminated string: the parser will say so
            backslashes = 0
            k = j - 1
            while body[k] == 0x5C:  # \
                backslashes += 1
                k -= 1
            if backslashes % 2 == 0:
                break
            j += 1
        i = j + 1
    return bytes(out)


class RequestGuard:
    def __init__(
        self, app: ASGIApp, *, fastapi_app: FastAPI, max_body_bytes: int, max_json_depth: int
    ) -> None:
        self.app = app
        self._fastapi = fastapi_app
        self._max_body = max_body_bytes
        self._max_depth = max_json_depth
        self._policies: list[_RoutePolicy] | None = None

    def _policy(self, scope: Scope) -> _RoutePolicy | None:
        if self._policies is None:
            # Built at the first request: by then every router has been included.
            self._policies = policies_from_openapi(self._fastapi.openapi(), self._max_body)
        method, path = scope["method"], scope["path"]
        for policy in self._policies:
            if policy.method == method and policy.path.match(path):
                return policy
        return None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] not in _BODY_METHODS:
            await self.app(scope, receive, send)
            return
        headers = dict(scope["headers"])
        declared = headers.get(b"content-length")
        policy = self._policy(scope)
        if policy is None:  # no such route: let the router answer 404/405
            await self.app(scope, receive, send)
            return
        if policy.needs_principal:
            # Body or none: a caller without a valid token learns nothing else (a body-less
            # POST's invalid Idempotency-Key was a 400 to an anonymous caller).
            refusal = await self._authenticate(scope, headers)
            if refusal is not None:
                await refusal(scope, receive, send)
                return
        if declared == b"0" or (declared is None and b"transfer-encoding" not in headers):
            await self.app(scope, receive, send)
            return
        if declared is not None and (not declared.isdigit() or int(declared) > policy.body_limit):
            await _too_large(policy.body_limit)(scope, receive, send)
            return
        body = await read_at_most(receive, policy.body_limit)
        if body is None:
            await _too_large(policy.body_limit)(scope, receive, send)
            return
        if policy.body is not _Body.TAKEN and not _empty(body, policy.body):
            await problem_response(
                422,
                "Unexpected body",
                "This operation takes no body"
                + (" (or an empty JSON object)." if policy.body is _Body.EMPTY_OBJECT else "."),
                "unexpected_body",
            )(scope, receive, send)
            return
        content_type = headers.get(b"content-type", b"").split(b";")[0].strip().lower()
        if content_type.endswith(b"json") and (refusal := _not_utf8(body)) is not None:
            await refusal(scope, receive, send)
            return
        if content_type.endswith(b"json") and json_depth_exceeds(body, self._max_depth):
            await problem_response(
                422,
                "JSON nested too deeply",
                f"The JSON body nests deeper than {self._max_depth} levels.",
                "json_too_deep",
            )(scope, receive, send)
            return
        await self.app(scope, replay_body(body, receive), send)

    async def _authenticate(self, scope: Scope, headers: dict[bytes, bytes]) -> Any:
        scheme, _, token = headers.get(b"authorization", b"").decode("latin-1").partition(" ")
        try:
            if scheme.lower() != "bearer" or not token.strip():
                raise AuthError.missing_token()
            verifier = get_token_verifier(HTTPConnection(scope))
            scope[PRINCIPAL_SCOPE_KEY] = await verifier.verify(token.strip())
        except AuthError as error:
            return problem_response(
                error.status_code,
                "Unauthorized" if error.status_code == 401 else "Service unavailable",
                str(error.detail),
                error.code,
                headers=dict(error.headers or {}),
            )
        return None


def _not_utf8(body: bytes) -> Any:
    """A 400 ``malformed_json`` for a body that is not UTF-8, as JSON must be (RFC 8259,
    8.1); otherwise None. Left to FastAPI, it is a bare 400 naming no reason."""
    try:
        body.decode("utf-8")
    except UnicodeDecodeError as error:
        return problem_response(
            400,
            "Malformed JSON",
            f"The body is not UTF-8, which JSON must be: the byte at offset {error.start} "
            f"(0x{body[error.start]:02x}) starts no UTF-8 character.",
            "malformed_json",
        )
    return None


def _empty(body: bytes, allowed: _Body) -> bool:
    """Whether ``body`` is no body at all, or the ``{}`` an operation may accept as none."""
    text = body.strip()
    if not text:
        return True
    if allowed is not _Body.EMPTY_OBJECT:
        return False
    try:
        return bool(json.loads(text) == {})
    except ValueError:
        return False


def _too_large(limit: int) -> Any:
    return problem_response(
        413,
        "Payload too large",
        f"The request body is larger than this endpoint accepts ({limit} bytes).",
        "payload_too_large",
    )


async def read_at_most(receive: Receive, limit: int) -> bytes | None:
    """The whole body, or ``None`` as soon as it is longer than ``limit``."""
    chunks: list[bytes] = []
    size = 0
    while True:
        message = await receive()
        if message["type"] == "http.disconnect":
            return b"".join(chunks)
        chunk = message.get("body", b"")
        size += len(chunk)
        if size > limit:
            return None
        chunks.append(chunk)
        if not message.get("more_body", False):
            return b"".join(chunks)


def replay_body(body: bytes, receive: Receive) -> Receive:
    """The body read already, in one message; after it, the client's own messages
    (so that a route waiting for a disconnect still sees the real one)."""
    sent = False

    async def replay() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return replay
