"""The request guard: no token means 401 before the body is read; limits per route; depth.

Found by an attack: four anonymous 50 MB JSON bodies tripled a service's memory,
because FastAPI read and parsed each body before the bearer dependency ran. These
tests drive the ASGI app directly, so they can tell whether a byte of the body was
ever asked for.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, MutableMapping
from typing import Any

import httpx2
import pytest
from fastapi import FastAPI
from pydantic import BaseModel

from tandem_kit.auth import CurrentPrincipal, install_auth, mint_token
from tandem_kit.errors import install_problem_handlers
from tandem_kit.guard import RequestGuard, json_depth_exceeds
from tandem_kit.settings import AuthSettings

LIMIT = 64 * 1024
DEPTH = 32


class Note(BaseModel):
    text: str
    tags: Any = None


def build_app(settings: AuthSettings) -> FastAPI:
    app = FastAPI()
    install_problem_handlers(app)

    @app.post("/notes", status_code=201)
    async def create_note(note: Note, principal: CurrentPrincipal) -> dict[str, Any]:
        return {"subject": principal.subject, "length": len(note.text)}

    @app.post("/uploads", openapi_extra={"x-body-limit": 4096})
    async def upload(note: Note, principal: CurrentPrincipal) -> dict[str, int]:
        return {"length": len(note.text)}

    @app.post("/public")
    async def public(note: Note) -> dict[str, int]:
        return {"length": len(note.text)}

    app.add_middleware(RequestGuard, fastapi_app=app, max_body_bytes=LIMIT, max_json_depth=DEPTH)
    install_auth(app, settings)
    return app


@pytest.fixture(scope="module")
def settings(tmp_path_factory: pytest.TempPathFactory) -> AuthSettings:
    key_path = tmp_path_factory.mktemp("auth") / "signing.pem"
    return AuthSettings(issuer="tandem-test", audience="tandem", local_key_path=str(key_path))


@pytest.fixture
def app(settings: AuthSettings) -> FastAPI:
    return build_app(settings)


@pytest.fixture
async def client(app: FastAPI) -> AsyncIterator[httpx2.AsyncClient]:
    transport = httpx2.ASGITransport(app=app)
    async with httpx2.AsyncClient(transport=transport, base_url="http://tandem.test") as client:
        yield client


def bearer(settings: AuthSettings, subject: str = "alice") -> dict[str, str]:
    return {"Authorization": f"Bearer {mint_token(settings, subject)}"}


async def call_raw(
    app: FastAPI, path: str, headers: dict[str, str], body: bytes
) -> tuple[int, dict[str, Any], int]:
    """Send one request straight to the ASGI app; also count the body reads it made."""
    reads = 0

    async def receive() -> dict[str, Any]:
        nonlocal reads
        reads += 1
        return {"type": "http.request", "body": body, "more_body": False}

    sent: list[MutableMapping[str, Any]] = []

    async def send(message: MutableMapping[str, Any]) -> None:
        sent.append(message)

    raw_headers = [(k.lower().encode(), v.encode()) for k, v in headers.items()]
    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "POST",
        "scheme": "http",
        "path": path,
        "raw_path": path.encode(),
        "query_string": b"",
        "root_path": "",
        "headers": raw_headers,
        "client": ("127.0.0.1", 1),
        "server": ("tandem.test", 80),
    }
    await app(scope, receive, send)
    status = next(m["status"] for m in sent if m["type"] == "http.response.start")
    payload = b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body")
    return status, json.loads(payload), reads


async def test_anonymous_body_is_refused_before_a_byte_is_read(app: FastAPI) -> None:
    body = b'{"text": "' + b"x" * 5_000_000 + b'"}'
    headers = {"content-type": "application/json", "content-length": str(len(body))}
    status, problem, reads = await call_raw(app, "/notes", headers, body)
    assert status == 401
    assert problem["code"] == "missing_token"
    assert reads == 0


async def test_a_forged_token_is_refused_before_a_byte_is_read(app: FastAPI) -> None:
    body = b'{"text": "hello"}'
    headers = {
        "content-type": "application/json",
        "content-length": str(len(body)),
        "authorization": "Bearer eyJhbGciOiJSUzI1NiJ9.e30.c2ln",
    }
    status, problem, reads = await call_raw(app, "/notes", headers, body)
    assert (status, problem["code"], reads) == (401, "invalid_token", 0)


async def test_an_oversized_declared_body_is_413_without_reading_it(
    app: FastAPI, settings: AuthSettings
) -> None:
    body = b'{"text": "' + b"x" * LIMIT + b'"}'
    headers = {
        "content-type": "application/json",
        "content-length": str(len(body)),
        **bearer(settings),
    }
    status, problem, reads = await call_raw(app, "/notes", headers, body)
    assert (status, problem["code"], reads) == (413, "payload_too_large", 0)
    assert str(LIMIT) in problem["detail"]


async def test_a_chunked_body_is_cut_off_once_it_passes_the_limit(
    client: httpx2.AsyncClient, settings: AuthSettings
) -> None:
    chunks_sent = 0

    async def chunks() -> AsyncIterator[bytes]:
        nonlocal chunks_sent
        yield b'{"text": "'
        for _ in range(1000):
            chunks_sent += 1
            yield b"x" * 1024
        yield b'"}'

    response = await client.post(
        "/notes",
        content=chunks(),
        headers={"content-type": "application/json", **bearer(settings)},
    )
    assert response.status_code == 413
    assert response.headers["content-type"] == "application/problem+json"


async def test_each_route_has_its_own_limit(
    client: httpx2.AsyncClient, settings: AuthSettings
) -> None:
    text = "y" * 5000
    small = await client.post("/uploads", json={"text": text}, headers=bearer(settings))
    assert small.status_code == 413
    assert "4096 bytes" in small.json()["detail"]
    default = await client.post("/notes", json={"text": text}, headers=bearer(settings))
    assert default.status_code == 201
    assert default.json() == {"subject": "alice", "length": 5000}


async def test_deep_nesting_is_422_before_the_parser_recurses(
    client: httpx2.AsyncClient, settings: AuthSettings
) -> None:
    deep = '{"text": "t", "tags": ' + "[" * 20_000 + "]" * 20_000 + "}"
    response = await client.post(
        "/notes",
        content=deep,
        headers={"content-type": "application/json", **bearer(settings)},
    )
    assert response.status_code == 422
    assert response.json()["code"] == "json_too_deep"
    # the object itself is one level, so DEPTH - 1 lists inside it is exactly the limit
    shallow = '{"text": "t", "tags": ' + "[" * (DEPTH - 1) + "]" * (DEPTH - 1) + "}"
    response = await client.post(
        "/notes",
        content=shallow,
        headers={"content-type": "application/json", **bearer(settings)},
    )
    assert response.status_code == 201


async def test_a_route_without_a_principal_still_has_a_body_limit(
    client: httpx2.AsyncClient,
) -> None:
    assert (await client.post("/public", json={"text": "hi"})).status_code == 200
    too_big = await client.post("/public", json={"text": "z" * LIMIT})
    assert too_big.status_code == 413


async def test_the_verified_principal_reaches_the_route(
    client: httpx2.AsyncClient, settings: AuthSettings
) -> None:
    response = await client.post("/notes", json={"text": "hi"}, headers=bearer(settings, "bob"))
    assert response.json()["subject"] == "bob"


@pytest.mark.parametrize(
    ("body", "deeper"),
    [
        (b'{"a": [1, 2, {"b": 3}]}', False),
        (b'{"a": "' + b"[" * 100 + b'"}', False),  # brackets inside a string do not nest
        (b'{"a": "\\"' + b"[" * 100 + b'"}', False),  # an escaped quote does not end it
        (b'{"a": "\\\\"}' + b"[" * 40, True),  # an escaped backslash does
        (b"[" * 33 + b"]" * 33, True),
        (b"[" * 32 + b"]" * 32, False),
        (b"[]" * 1000, False),
    ],
)
def test_json_depth(body: bytes, deeper: bool) -> None:
    assert json_depth_exceeds(body, DEPTH) is deeper


async def test_a_json_body_that_is_not_utf8_is_a_400_malformed_json(
    client: httpx2.AsyncClient, settings: AuthSettings
) -> None:
    # JSON between systems is UTF-8 (RFC 8259, section 8.1). A Windows-1252 "é" used to
    # reach FastAPI's body parser and come back as a bare 400 ``http_error``.
    body = '{"text": "caf\u00e9"}'.encode("cp1252")
    response = await client.post(
        "/notes",
        content=body,
        headers={"content-type": "application/json", **bearer(settings)},
    )
    assert response.status_code == 400
    assert response.headers["content-type"] == "application/problem+json"
    problem = response.json()
    assert problem["code"] == "malformed_json"
    assert "UTF-8" in problem["detail"]
    assert "offset 13 (0xe9)" in problem["detail"]
