"""The OpenAPI document is complete: every operation summarised, secured, with examples."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tandem_messaging.main import create_app
from tests.messaging.harness import settings_for


def _component(spec: dict[str, Any], schema: dict[str, Any]) -> dict[str, Any] | None:
    ref = schema.get("$ref") or (schema.get("items") or {}).get("$ref")
    if ref is None:
        return None
    found: dict[str, Any] = spec["components"]["schemas"][ref.rsplit("/", 1)[1]]
    return found


def test_every_operation_is_documented_with_examples(tmp_path: Path) -> None:
    spec = create_app(settings_for(tmp_path)).openapi()
    operations = [
        (path, method, op)
        for path, ops in spec["paths"].items()
        if path.startswith("/v1/")
        for method, op in ops.items()
    ]
    assert len(operations) == 33
    problems = []
    for path, method, op in operations:
        where = f"{method.upper()} {path}"
        if not op.get("summary") or not op.get("tags"):
            problems.append(f"{where}: no summary or tag")
        if op.get("security") != [{"bearer": []}]:
            problems.append(f"{where}: not marked as needing a bearer token")
        if "401" not in op["responses"]:
            problems.append(f"{where}: 401 not documented")
        body = op.get("requestBody", {}).get("content", {}).get("application/json")
        if body and not (_component(spec, body["schema"]) or {}).get("examples"):
            problems.append(f"{where}: request body without examples")
        ok = next((r for code, r in op["responses"].items() if code.startswith("2")), None)
        content = (ok or {}).get("content", {}).get("application/json")
        if content:
            schema = _component(spec, content["schema"])
            if (
                schema is not None
                and not schema.get("examples")
                and not schema.get("title", "").startswith("Page[")
            ):
                problems.append(f"{where}: response without examples")
        for code, response in op["responses"].items():
            if (
                code[0] in "45"
                and code != "422"
                and ("application/problem+json" not in response.get("content", {}))
            ):
                problems.append(f"{where}: {code} is not documented as problem+json")
    assert not problems, "\n".join(problems)
