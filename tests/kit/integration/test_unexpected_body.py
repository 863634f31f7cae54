"""A body sent to an operation that takes none is refused by the guard (422 unexpected_body).

Found on matching's ``POST …/match-runs``: a malformed body was ignored and a real run
started. The rule is the kit's, read from the document: no ``requestBody``, no body;
``NO_BODY_OR_EMPTY_OBJECT`` documents an operation that also accepts ``{}``.
"""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any

import pytest
from fastapi import APIRouter

from tandem_kit.guard import NO_BODY_OR_EMPTY_OBJECT
from tandem_kit.testing import RunningApp, assert_problem, run_app
from tests.kit.fixture_service.app import build_app, fixture_settings

router = APIRouter(prefix="/v1/bells", tags=["bells"])
RUNG: list[str] = []


@router.post("/{bell_id}/ring")
async def ring(bell_id: uuid.UUID) -> dict[str, str]:
    RUNG.append("ring")
    return {"rung": str(bell_id)}


@router.post("/{bell_id}/chime", openapi_extra=NO_BODY_OR_EMPTY_OBJECT)
async def chime(bell_id: uuid.UUID) -> dict[str, str]:
    RUNG.append("chime")
    return {"chimed": str(bell_id)}


@router.delete("/{bell_id}", status_code=204)
async def remove(bell_id: uuid.UUID) -> None:
    RUNG.append("remove")


@pytest.fixture
async def app(tmp_path: Path) -> Any:
    RUNG.clear()
    settings = fixture_settings(tmp_path, "127.0.0.1:9", run_consumers=False, run_relay=False)
    async with run_app(build_app(settings, routers=[router]), settings) as running:
        yield running


JSON = {"content-type": "application/json"}


@pytest.mark.parametrize("content", [b"{not json", b'{"solver": "fast"}', b"[]", b"{}", b"0"])
async def test_any_body_to_an_operation_without_one_is_refused_unrun(
    app: RunningApp[Any], content: bytes
) -> None:
    bell = uuid.uuid4()
    rung = await app.client.post(f"/v1/bells/{bell}/ring", content=content, headers=JSON)
    assert_problem(rung, 422, "unexpected_body")
    removed = await app.client.request("DELETE", f"/v1/bells/{bell}", content=content)
    assert_problem(removed, 422, "unexpected_body")
    assert RUNG == []


async def test_no_body_still_runs(app: RunningApp[Any]) -> None:
    bell = uuid.uuid4()
    assert (await app.client.post(f"/v1/bells/{bell}/ring")).status_code == 200
    assert (await app.client.delete(f"/v1/bells/{bell}")).status_code == 204
    assert RUNG == ["ring", "remove"]


@pytest.mark.parametrize("content", [b"", b"{}", b" { } "])
async def test_an_empty_object_is_none_where_documented(
    app: RunningApp[Any], content: bytes
) -> None:
    chimed = await app.client.post(f"/v1/bells/{uuid.uuid4()}/chime", content=content, headers=JSON)
    assert chimed.status_code == 200, chimed.text
    assert RUNG == ["chime"]


@pytest.mark.parametrize("content", [b'{"loud": true}', b"[]", b"{"])
async def test_anything_else_is_refused_where_an_empty_object_is_allowed(
    app: RunningApp[Any], content: bytes
) -> None:
    chimed = await app.client.post(f"/v1/bells/{uuid.uuid4()}/chime", content=content, headers=JSON)
    body = assert_problem(chimed, 422, "unexpected_body")
    assert "empty JSON object" in body["detail"]
    assert RUNG == []


def test_the_empty_object_is_documented(app: RunningApp[Any]) -> None:
    operation = app.app.openapi()["paths"]["/v1/bells/{bell_id}/chime"]["post"]
    assert operation["requestBody"]["required"] is False
    schema = operation["requestBody"]["content"]["application/json"]["schema"]
    assert schema["maxProperties"] == 0
    assert "requestBody" not in app.app.openapi()["paths"]["/v1/bells/{bell_id}/ring"]["post"]
