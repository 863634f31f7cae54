"""The kit's OpenAPI rules on a route that asks for none of them: what every service gets.

Readable operationIds (the function's name), unique at build time; errors only as
problem+json (never FastAPI's ``HTTPValidationError``); the 400 of a body that is
not JSON, answered and documented.
"""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest
from fastapi import APIRouter
from pydantic import Field

from tandem_kit.api import RequestModel
from tandem_kit.settings import ServiceSettings
from tandem_kit.testing import assert_problem, run_app
from tests.kit.fixture_service.app import build_app, fixture_settings

UNREACHABLE_KAFKA = "127.0.0.1:9"
router = APIRouter(prefix="/v1/jots", tags=["jots"])


class JotCreate(RequestModel):
    text: str = Field(min_length=1)


@router.post("", status_code=201)  # no ``responses=``: the kit documents its errors anyway
async def create_jot(body: JotCreate, tag: str | None = None) -> dict[str, str]:
    return {"text": body.text}


@router.get("/{jot_id}")
async def get_jot(jot_id: uuid.UUID) -> dict[str, str]:
    return {"id": str(jot_id)}


def _settings(tmp_path: Path) -> ServiceSettings:
    return fixture_settings(tmp_path, UNREACHABLE_KAFKA, run_consumers=False, run_relay=False)


def test_operation_ids_are_the_route_functions_names(tmp_path: Path) -> None:
    spec = build_app(_settings(tmp_path), routers=[router]).openapi()
    assert spec["paths"]["/v1/jots"]["post"]["operationId"] == "create_jot"
    assert spec["paths"]["/v1/jots/{jot_id}"]["get"]["operationId"] == "get_jot"
    assert spec["paths"]["/readyz"]["get"]["operationId"] == "readyz"


def test_two_routes_of_one_name_are_refused_when_the_app_is_built(tmp_path: Path) -> None:
    other = APIRouter(prefix="/v1/drafts")

    @other.get("/{draft_id}")
    async def get_jot(draft_id: uuid.UUID) -> dict[str, str]:  # the same name as above
        return {}

    with pytest.raises(ValueError, match=r"get_jot: .*/v1/jots/\{jot_id\}.*/v1/drafts"):
        build_app(_settings(tmp_path), routers=[router, other])


def test_errors_are_documented_only_as_problem_details(tmp_path: Path) -> None:
    spec = build_app(_settings(tmp_path), routers=[router]).openapi()
    problem = {
        "application/problem+json": {"schema": {"$ref": "#/components/schemas/ProblemDetails"}}
    }
    for path in ("/v1/jots", "/v1/jots/{jot_id}"):
        for operation in spec["paths"][path].values():
            errors = {s: r for s, r in operation["responses"].items() if s[0] in "45"}
            assert "422" in errors
            assert all(r["content"] == problem for r in errors.values()), errors
    assert "HTTPValidationError" not in spec["components"]["schemas"]
    created = spec["paths"]["/v1/jots"]["post"]["responses"]
    assert {"400", "413", "422"} <= set(created)
    assert "not valid JSON" in created["400"]["description"]
    assert "1048576 bytes" in created["413"]["description"]


async def test_a_body_that_is_not_json_is_a_400_malformed_json(tmp_path: Path) -> None:
    settings = _settings(tmp_path)
    async with run_app(build_app(settings, routers=[router]), settings) as app:
        response = await app.client.post(
            "/v1/jots", content=b'{"text": "a",', headers={"content-type": "application/json"}
        )
        body = assert_problem(response, 400, "malformed_json")
        assert "not valid JSON" in body["detail"]
        # Valid JSON that does not fit the schema is still the 422 naming the field.
        wrong = await app.client.post("/v1/jots", json={"text": ""})
        assert assert_problem(wrong, 422, "validation_error")["errors"][0]["loc"] == [
            "body",
            "text",
        ]
