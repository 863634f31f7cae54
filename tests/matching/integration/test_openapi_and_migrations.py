"""The OpenAPI document is complete, and the hand-written migrations match the tables."""

from __future__ import annotations

from typing import Any

import pytest

from tandem_kit.testing.migrations import migration_differences
from tandem_matching.adapters.tables import metadata
from tandem_matching.main import MIGRATIONS, create_app
from tandem_matching.settings import MatchingSettings
from tests.conftest import UrlFactory

METHODS = {"get", "post", "patch", "put", "delete"}


@pytest.fixture(scope="module")
def openapi() -> dict[str, Any]:
    document: dict[str, Any] = create_app(MatchingSettings()).openapi()
    return document


def _operations(openapi: dict[str, Any]) -> list[tuple[str, str, dict[str, Any]]]:
    return [
        (path, method, op)
        for path, item in openapi["paths"].items()
        if path.startswith("/v1")
        for method, op in item.items()
        if method in METHODS
    ]


def test_every_endpoint_is_documented(openapi: dict[str, Any]) -> None:
    operations = _operations(openapi)
    assert len(operations) == 43
    for path, method, op in operations:
        where = f"{method.upper()} {path}"
        assert op.get("summary"), where
        assert op.get("tags"), where
        assert {"401", "403", "422"} <= set(op["responses"]), where
        assert op["responses"]["403"]["content"]["application/problem+json"], where
        assert op.get("security") or "bearer" in str(op), where


def test_every_request_body_has_an_example(openapi: dict[str, Any]) -> None:
    schemas = openapi["components"]["schemas"]
    for path, method, op in _operations(openapi):
        content = op.get("requestBody", {}).get("content", {})
        body = content.get("application/json") or content.get("multipart/form-data")
        if body is None or "multipart/form-data" in content:
            continue
        schema = body["schema"]  # a component, or inline (the kit's NO_BODY_OR_EMPTY_OBJECT)
        if "$ref" in schema:
            schema = schemas[schema["$ref"].rsplit("/", 1)[-1]]
        assert schema.get("examples"), f"{method.upper()} {path}: {schema.get('title')}"


def test_list_endpoints_are_paginated(openapi: dict[str, Any]) -> None:
    for path, method, op in _operations(openapi):
        if (
            method != "get"
            or path.endswith("}")
            or path.endswith("/export")
            or path.endswith("/suggestions")
            or path.endswith("/suggested-weights")  # one resource: the latest suggestion
        ):
            continue
        names = {p["name"] for p in op.get("parameters", [])}
        assert {"cursor", "limit"} <= names, path


@pytest.mark.postgres
async def test_migrations_match_the_tables(url_factory: UrlFactory) -> None:
    url = await url_factory("migrations")
    assert await migration_differences(MIGRATIONS, metadata, url) == []
