"""OPTIONS and 405 name every method a path answers, not the first route's (RFC 9110 §9.3.7).

A path served by two routes (GET and POST on one collection) answered a 405 with
``Allow: GET`` and refused OPTIONS with a 405: a client could not learn what the
path takes. The app factory answers both from every route of the path.
"""

from __future__ import annotations

import uuid
from pathlib import Path

from fastapi import APIRouter

from tandem_kit.testing import assert_problem, run_app
from tests.kit.fixture_service.app import build_app, fixture_settings

router = APIRouter(prefix="/v1/jots", tags=["jots"])


@router.get("")
async def list_jots() -> list[str]:
    return []


@router.post("", status_code=201)
async def create_jot() -> dict[str, str]:
    return {}


@router.get("/{jot_id}")
async def get_jot(jot_id: uuid.UUID) -> dict[str, str]:
    return {}


@router.delete("/{jot_id}", status_code=204)
async def delete_jot(jot_id: uuid.UUID) -> None:
    return None


async def test_options_lists_every_method_of_the_path(tmp_path: Path) -> None:
    settings = fixture_settings(tmp_path, "127.0.0.1:9", run_consumers=False, run_relay=False)
    async with run_app(build_app(settings, routers=[router]), settings) as app:
        collection = await app.client.options("/v1/jots")
        assert collection.status_code == 204
        assert collection.headers["allow"] == "GET, HEAD, OPTIONS, POST"
        assert collection.content == b""
        one = await app.client.options(f"/v1/jots/{uuid.uuid4()}")
        assert (one.status_code, one.headers["allow"]) == (204, "DELETE, GET, HEAD, OPTIONS")
        health = await app.client.options("/healthz")
        assert (health.status_code, health.headers["allow"]) == (204, "GET, HEAD, OPTIONS")
        assert_problem(await app.client.options("/v1/nowhere"), 404)


async def test_a_405_names_every_method_of_the_path(tmp_path: Path) -> None:
    settings = fixture_settings(tmp_path, "127.0.0.1:9", run_consumers=False, run_relay=False)
    async with run_app(build_app(settings, routers=[router]), settings) as app:
        refused = await app.client.put("/v1/jots")
        body = assert_problem(refused, 405, "method_not_allowed")
        assert refused.headers["allow"] == "GET, HEAD, OPTIONS, POST"
        assert "PUT is not allowed here; allowed: GET, HEAD, OPTIONS, POST" in body["detail"]
        patched = await app.client.patch(f"/v1/jots/{uuid.uuid4()}", json={})
        assert patched.status_code == 405
        assert patched.headers["allow"] == "DELETE, GET, HEAD, OPTIONS"


async def test_head_is_the_get_without_its_content(tmp_path: Path) -> None:
    # RFC 9110, 9.3.2: HEAD answers where GET does, with its status and headers. It was a
    # 405 on every resource, since FastAPI routes answer only the methods they declare.
    settings = fixture_settings(tmp_path, "127.0.0.1:9", run_consumers=False, run_relay=False)
    async with run_app(build_app(settings, routers=[router]), settings) as app:
        url = f"/v1/jots/{uuid.uuid4()}"
        got, head = await app.client.get(url), await app.client.head(url)
        assert (head.status_code, head.content) == (got.status_code, b"")
        assert head.headers["content-type"] == got.headers["content-type"]
        assert head.headers["content-length"] == str(len(got.content))
        healthy = await app.client.head("/healthz")
        assert (healthy.status_code, healthy.content) == (200, b"")
        refused = await app.client.head("/v1/nowhere")
        assert (refused.status_code, refused.content) == (404, b"")
        collection = await app.client.head("/v1/jots")
        assert (collection.status_code, collection.content) == (200, b"")
