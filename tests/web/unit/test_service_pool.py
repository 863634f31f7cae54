"""The web app's calls to the services share one connection pool per event loop: each
call has its own generated client (it carries the session's token), yet consecutive
calls reach the service over the same kept-alive connection, with each call's own token."""

from __future__ import annotations

import asyncio
import re
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route
from tandem_web.adapters import matching_api
from tandem_web.adapters.service_calls import close_pools

seen: list[tuple[int, str]] = []  # (the client's port, the Authorization header) per call


async def programmes(request: Request) -> JSONResponse:
    assert request.client is not None
    seen.append((request.client.port, request.headers.get("authorization", "")))
    return JSONResponse({"items": [], "next_cursor": None})


@pytest.fixture
def service() -> Iterator[str]:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    app = Starlette(routes=[Route("/v1/programmes", programmes)])
    server = uvicorn.Server(
        uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="off")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        assert time.monotonic() < deadline, "the test's service did not start"
        time.sleep(0.05)
    seen.clear()
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(10)


def test_consecutive_calls_reuse_one_connection_with_their_own_tokens(service: str) -> None:
    async def three_calls() -> None:
        for token in ("first", "second", "third"):
            assert await matching_api.my_programmes(service, token) == []
        await close_pools()

    asyncio.run(three_calls())
    assert [auth for _, auth in seen] == ["Bearer first", "Bearer second", "Bearer third"]
    assert len({port for port, _ in seen}) == 1, seen  # one connection, kept alive


def test_each_event_loop_has_a_pool_of_its_own(service: str) -> None:
    async def one_call() -> None:
        assert await matching_api.my_programmes(service, "token") == []

    asyncio.run(one_call())  # its pool's connection belongs to a loop that has ended
    asyncio.run(one_call())  # a new loop: a new pool, no reuse of a dead loop's socket
    assert len(seen) == 2


def test_every_adapter_builds_its_clients_on_the_pool() -> None:
    """A generated client built by hand (``...Client(base_url=...)``) would have a pool of
    its own again: every adapter goes through ``service_calls.authenticated``."""
    adapters = Path(matching_api.__file__).parent
    built_by_hand = [
        path.name
        for path in sorted(adapters.glob("*_api.py"))
        if re.search(r"Client\(\s*base_url=", path.read_text())
    ]
    assert built_by_hand == []
