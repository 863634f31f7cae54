"""Assertions and waits that every service's tests repeat."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import Any

import httpx2

from tandem_kit.errors import PROBLEM_JSON


def assert_problem(
    response: httpx2.Response, status: int, code: str | None = None
) -> dict[str, Any]:
    """Assert an ``application/problem+json`` response with ``status`` (and ``code``);
    returns its body for further checks."""
    assert response.status_code == status, (response.status_code, response.text)
    content_type = response.headers.get("content-type", "")
    assert content_type.startswith(PROBLEM_JSON), content_type
    body: dict[str, Any] = response.json()
    assert body["status"] == status, body
    if code is not None:
        assert body["code"] == code, body
    return body


async def wait_until(
    condition: Callable[[], Awaitable[bool]], timeout: float = 60.0, interval: float = 0.1
) -> None:
    """Poll ``condition`` until it holds; ``AssertionError`` after ``timeout`` seconds."""
    deadline = asyncio.get_running_loop().time() + timeout
    while not await condition():
        if asyncio.get_running_loop().time() > deadline:
            raise AssertionError(f"condition not met within {timeout}s")
        await asyncio.sleep(interval)
