"""Every service's OpenAPI document, as client generators read it (issue 10, Conventions).

The rules are the kit's (``tandem_kit.api.openapi``), so they are checked on each
service's real document: stable, readable operationIds (pinned in
``openapi_operation_ids.json``: a renamed route function changes a generated
client's API, so it must not happen silently), errors only as problem+json, every
status the kit answers documented, ``format: uuid`` on every ``*_id`` path parameter.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tandem_analytics.main import create_app as analytics_app
from tandem_analytics.settings import AnalyticsSettings
from tandem_kit.idempotency import HEADER as IDEMPOTENCY_KEY
from tandem_kit.testing import isolated_settings
from tandem_matching.main import create_app as matching_app
from tandem_matching.settings import MatchingSettings
from tandem_meetings.main import create_app as meetings_app
from tandem_meetings.settings import MeetingsSettings
from tandem_messaging.main import create_app as messaging_app
from tests.messaging.harness import settings_for

PINNED = Path(__file__).with_name("openapi_operation_ids.json")
PROBLEM = {"application/problem+json": {"schema": {"$ref": "#/components/schemas/ProblemDetails"}}}

DOCUMENTS: dict[str, Callable[[Path], dict[str, Any]]] = {
    "analytics": lambda tmp: analytics_app(isolated_settings(AnalyticsSettings, tmp)).openapi(),
    "matching": lambda tmp: matching_app(isolated_settings(MatchingSettings, tmp)).openapi(),
    "messaging": lambda tmp: messaging_app(settings_for(tmp)).openapi(),
    "meetings": lambda tmp: meetings_app(isolated_settings(MeetingsSettings, tmp)).openapi(),
}


def operations(document: dict[str, Any]) -> list[tuple[str, str, dict[str, Any]]]:
    return [
        (method.upper(), path, operation)
        for path, items in document["paths"].items()
        for method, operation in items.items()
    ]


@pytest.fixture(params=sorted(DOCUMENTS), scope="module")
def document(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Any:
    service: str = request.param
    return service, DOCUMENTS[service](tmp_path_factory.mktemp(service))


def test_operation_ids_are_readable_unique_and_pinned(document: Any) -> None:
    service, spec = document
    found = {f"{method} {path}": op["operationId"] for method, path, op in operations(spec)}
    assert len(set(found.values())) == len(found), "operationIds must be unique"
    pinned = json.loads(PINNED.read_text())[service]
    assert found == pinned, (
        f"{service}'s operationIds changed; a generated client's functions are named after "
        "them. If the change is meant, update tests/contract/openapi_operation_ids.json to:\n"
        + json.dumps(found, indent=2)
    )


def test_errors_are_problem_details_only(document: Any) -> None:
    _, spec = document
    wrong = [
        f"{method} {path} {status}: {sorted(response.get('content', {}))}"
        for method, path, op in operations(spec)
        for status, response in op["responses"].items()
        if status[0] in "45" and response.get("content") != PROBLEM
    ]
    assert not wrong, "\n".join(wrong)
    assert "HTTPValidationError" not in spec["components"]["schemas"]
    assert "ValidationError" not in spec["components"]["schemas"]


def test_what_the_kit_answers_is_documented(document: Any) -> None:
    """The guard's 401/413/422, the 400 of a body that is not JSON, the 503 of missing keys,
    the Idempotency-Key's 400 and 409, a page cursor's 400 (found by the fuzz test: a
    body-less or CSV POST answered an undocumented 400 ``idempotency_key_invalid``, a list
    an undocumented 400 ``invalid_cursor``)."""
    _, spec = document
    missing = []
    for method, path, op in operations(spec):
        wanted = set()
        if op.get("security"):
            wanted |= {"401", "503"}
        if method in {"POST", "PUT", "PATCH", "DELETE"}:
            wanted.add("422")
        if "requestBody" in op:
            wanted.add("413")
            if "application/json" in op["requestBody"]["content"]:
                wanted.add("400")
        if any(p["name"] == IDEMPOTENCY_KEY for p in op.get("parameters", [])):
            # the key's own refusals: invalid (400), its first request still running (409)
            wanted |= {"400", "409"}
        if any(p["in"] == "query" and p["name"] == "cursor" for p in op.get("parameters", [])):
            wanted.add("400")  # a cursor this API did not issue (`invalid_cursor`)
        if absent := wanted - set(op["responses"]):
            missing.append(f"{method} {path}: {sorted(absent)}")
    assert not missing, "\n".join(missing)
    [readyz] = [op for method, path, op in operations(spec) if path == "/readyz"]
    assert readyz["responses"]["503"]["content"] == PROBLEM
    assert readyz["responses"]["200"]["content"]["application/json"]["schema"]["type"] == "object"


@pytest.mark.parametrize("service", sorted(DOCUMENTS))
def test_id_path_parameters_are_uuids(service: str, tmp_path: Path) -> None:
    spec = DOCUMENTS[service](tmp_path)
    wrong = [
        f"{method} {path} {p['name']}: {p['schema']}"
        for method, path, op in operations(spec)
        for p in op.get("parameters", [])
        if p["in"] == "path" and p["name"].endswith("_id") and p["schema"].get("format") != "uuid"
    ]
    assert not wrong, "\n".join(wrong)
