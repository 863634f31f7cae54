"""Every service's every body-taking endpoint: 401 before the body is read, 413 over the limit.

Found by an attack on messaging (anonymous 50 MB bodies parsed before the token
was checked); the guard is the kit's, so this walks every route of every service's
real app and proves it holds there, including the services built later.
"""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import AsyncIterator, Callable, MutableMapping
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import pytest
from asgi_lifespan import LifespanManager
from fastapi import FastAPI

from tandem_kit.auth import mint_token
from tandem_kit.guard import BODY_LIMIT_EXTRA
from tandem_kit.settings import AuthSettings, ServiceSettings
from tandem_kit.testing import isolated_settings
from tandem_matching.main import create_app as matching_app
from tandem_matching.settings import MatchingSettings
from tandem_meetings.main import create_app as meetings_app
from tandem_meetings.settings import MeetingsSettings
from tandem_messaging.main import create_app as messaging_app
from tandem_messaging.settings import MessagingSettings

UNREACHABLE_KAFKA = "127.0.0.1:9"
Factory = Callable[[Path], tuple[FastAPI, ServiceSettings]]


def _matching(tmp: Path) -> tuple[FastAPI, ServiceSettings]:
    settings = MatchingSettings(
        environment="test",
        database_url=f"sqlite+aiosqlite:///{tmp / 'matching.db'}",
        kafka_bootstrap_servers=UNREACHABLE_KAFKA,
        auth=AuthSettings(local_key_path=str(tmp / "key.pem")),
        run_relay=False,
        run_consumers=False,
    )
    return matching_app(settings), settings


def _messaging(tmp: Path) -> tuple[FastAPI, ServiceSettings]:
    settings = MessagingSettings(
        environment="test",
        database_url=f"sqlite+aiosqlite:///{tmp / 'messaging.db'}",
        kafka_bootstrap_servers=UNREACHABLE_KAFKA,
        auth=AuthSettings(local_key_path=str(tmp / "key.pem")),
        master_key_file=str(tmp / "master.key"),
        run_relay=False,
        run_consumers=False,
    )
    return messaging_app(settings), settings


def _meetings(tmp: Path) -> tuple[FastAPI, ServiceSettings]:
    settings = isolated_settings(MeetingsSettings, tmp)
    return meetings_app(settings), settings


SERVICES: dict[str, Factory] = {
    "matching": _matching,
    "messaging": _messaging,
    "meetings": _meetings,
}

# How many operations of each kind a service has at least, so that a walk that finds
# none (a route table that failed to load) or loses routers cannot pass unnoticed.
# Meetings' are its counts once issue 11's features had landed (16 POST/PUT/PATCH; 6
# taking no body: the RSVP link's and the calendar feed's POST and four DELETEs); raise
# them as routes are added.
MIN_BODY_OPERATIONS = {"matching": 6, "messaging": 6, "meetings": 16}
MIN_BODYLESS_OPERATIONS = {"matching": 2, "messaging": 2, "meetings": 6}


@asynccontextmanager
async def started(
    factory: Factory, tmp: Path
) -> AsyncIterator[tuple[FastAPI, Any, ServiceSettings]]:
    """The app (for its routes), the ASGI callable with lifespan state, the settings."""
    app, settings = factory(tmp)
    async with LifespanManager(app, startup_timeout=120) as manager:
        yield app, manager.app, settings


def body_operations(app: FastAPI, default_limit: int) -> list[tuple[str, str, int]]:
    """(method, a concrete path, its body limit) for every operation that takes a body."""
    found = []
    for template, operations in app.openapi()["paths"].items():
        for method, operation in operations.items():
            if method.upper() in {"POST", "PUT", "PATCH"}:
                path = re.sub(r"\{[^}]+\}", lambda _: str(uuid.uuid4()), template)
                limit = int(operation.get(BODY_LIMIT_EXTRA, default_limit))
                found.append((method.upper(), path, limit))
    return found


async def call_raw(
    app: Any, method: str, path: str, headers: dict[str, str], body: bytes
) -> tuple[int, dict[str, Any], int]:
    reads = 0

    async def receive() -> dict[str, Any]:
        nonlocal reads
        reads += 1
        return {"type": "http.request", "body": body, "more_body": False}

    sent: list[MutableMapping[str, Any]] = []

    async def send(message: MutableMapping[str, Any]) -> None:
        sent.append(message)

    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": method,
        "scheme": "http",
        "path": path,
        "raw_path": path.encode(),
        "query_string": b"",
        "root_path": "",
        "headers": [(k.encode(), v.encode()) for k, v in headers.items()],
        "client": ("127.0.0.1", 1),
        "server": ("tandem.test", 80),
    }
    await app(scope, receive, send)
    status = next(m["status"] for m in sent if m["type"] == "http.response.start")
    payload = b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body")
    return status, json.loads(payload or b"{}"), reads


@pytest.mark.parametrize("service", sorted(SERVICES))
async def test_anonymous_bodies_are_refused_unread_on_every_endpoint(
    service: str, tmp_path: Path
) -> None:
    body = b'{"text": "' + b"x" * (2 * 1024 * 1024) + b'"}'
    headers = {"content-type": "application/json", "content-length": str(len(body))}
    async with started(SERVICES[service], tmp_path) as (app, asgi, settings):
        operations = body_operations(app, settings.max_body_bytes)
        assert len(operations) >= MIN_BODY_OPERATIONS[service]
        # Operations that need no token (meetings' one-click RSVP links, whose signed
        # token is the proof) refuse the oversized body unread all the same.
        public = {
            (method.upper(), template)
            for template, items in app.openapi()["paths"].items()
            for method, operation in items.items()
            if "security" not in operation
        }
        for method, path, _limit in operations:
            status, problem, reads = await call_raw(asgi, method, path, headers, body)
            anonymous = any(
                m == method and re.fullmatch(re.sub(r"\{[^}]+\}", "[^/]+", t), path)
                for m, t in public
            )
            expected = (413, "payload_too_large") if anonymous else (401, "missing_token")
            assert (method, path, status, problem.get("code"), reads) == (
                method,
                path,
                *expected,
                0,
            )


@pytest.mark.parametrize("service", sorted(SERVICES))
async def test_oversized_bodies_are_413_unread_on_every_endpoint(
    service: str, tmp_path: Path
) -> None:
    async with started(SERVICES[service], tmp_path) as (app, asgi, settings):
        token = mint_token(settings.auth, "root", admin=True)
        for method, path, limit in body_operations(app, settings.max_body_bytes):
            headers = {
                "content-type": "application/json",
                "content-length": str(limit + 1),
                "authorization": f"Bearer {token}",
            }
            status, problem, reads = await call_raw(asgi, method, path, headers, b"")
            assert (method, path, status, problem.get("code"), reads) == (
                method,
                path,
                413,
                "payload_too_large",
                0,
            )


def _takes_no_body(operation: dict[str, Any]) -> bool:
    content = operation.get("requestBody", {}).get("content")
    if content is None:
        return True
    return bool(content.get("application/json", {}).get("schema", {}).get("maxProperties") == 0)


@pytest.mark.parametrize("service", sorted(SERVICES))
async def test_a_body_where_an_operation_takes_none_is_422_on_every_endpoint(
    service: str, tmp_path: Path
) -> None:
    """Every POST/PUT/PATCH/DELETE without a requestBody refuses one before it runs;
    one documented as taking an empty object refuses anything but ``{}``."""
    body = b'{"dry_run": true}'
    async with started(SERVICES[service], tmp_path) as (app, asgi, settings):
        token = mint_token(settings.auth, "root", admin=True)
        headers = {
            "content-type": "application/json",
            "content-length": str(len(body)),
            "authorization": f"Bearer {token}",
        }
        bodyless = [
            (method.upper(), re.sub(r"\{[^}]+\}", lambda _: str(uuid.uuid4()), template))
            for template, operations in app.openapi()["paths"].items()
            for method, operation in operations.items()
            if method.upper() in {"POST", "PUT", "PATCH", "DELETE"} and _takes_no_body(operation)
        ]
        assert len(bodyless) >= MIN_BODYLESS_OPERATIONS[service]
        for method, path in bodyless:
            status, problem, _reads = await call_raw(asgi, method, path, headers, body)
            assert (method, path, status, problem.get("code")) == (
                method,
                path,
                422,
                "unexpected_body",
            )


@pytest.mark.parametrize("service", sorted(SERVICES))
async def test_bodyless_writes_refuse_an_anonymous_caller_first(
    service: str, tmp_path: Path
) -> None:
    """A write sent without a body and without a token is a 401 before anything else looks
    at it: an invalid Idempotency-Key on such a POST was a 400 to an anonymous caller
    (found by the fuzz test)."""
    headers = {"idempotency-key": "k" * 256}
    async with started(SERVICES[service], tmp_path) as (app, asgi, _settings):
        secured = [
            (method.upper(), re.sub(r"\{[^}]+\}", lambda _: str(uuid.uuid4()), template))
            for template, operations in app.openapi()["paths"].items()
            for method, operation in operations.items()
            if method.upper() in {"POST", "PUT", "PATCH", "DELETE"} and operation.get("security")
        ]
        assert len(secured) >= MIN_BODY_OPERATIONS[service]
        for method, path in secured:
            status, problem, _reads = await call_raw(asgi, method, path, headers, b"")
            assert (method, path, status, problem.get("code")) == (
                method,
                path,
                401,
                "missing_token",
            )
