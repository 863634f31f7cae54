"""The OpenAPI document as client generators need it, the same for every service.

- **Uploaded files** of a multipart body are ``format: binary`` strings: OpenAPI 3.1's
  ``contentMediaType`` alone (what FastAPI writes) makes generators type the file as
  text, and their client then sends it as a plain field without a file name, which the
  service refuses (its ``UploadFile`` needs a file part).
- **operationIds** are the route functions' names (``list_conversations``), not
  FastAPI's default (``list_conversations_v1_conversations_get``): generators name
  functions and modules after them. They must be unique in a document, which
  :func:`check_operation_ids` holds when the app is built.
- **Errors** are documented only as ``application/problem+json`` with the one
  ``ProblemDetails`` schema; FastAPI's own ``HTTPValidationError`` never appears.
- **What the kit itself answers** is documented on every operation it applies to:
  the request guard's 401 (no valid token), 413 (body over the route's limit) and
  422 (JSON nested too deep, or a body sent to an operation that takes none), the
  400 of a body that is not JSON, the 503 of a token whose keys cannot be fetched,
  and on every operation taking an ``Idempotency-Key`` the key's own 400 (invalid)
  and 409 (its first request still running), whether or not the body is JSON,
  and on every paginated list the 400 of a cursor the API did not issue.

A generated client that meets an undocumented status has no type for it; so every
status the kit can answer is in the document, and a test generates a client from
each service's document and calls it (``tests/contract/test_openapi_clients.py``).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from typing import Any

from fastapi.routing import APIRoute, RouteContext, iter_route_contexts
from starlette.routing import BaseRoute

from tandem_kit.api.problems import PROBLEM_SCHEMA_REF, STANDARD_DESCRIPTIONS
from tandem_kit.errors import PROBLEM_JSON
from tandem_kit.guard import BODY_LIMIT_EXTRA
from tandem_kit.idempotency import HEADER as IDEMPOTENCY_KEY

_MULTIPART = "multipart/form-data"
_BODY_METHODS = frozenset({"post", "put", "patch", "delete"})
_FASTAPI_VALIDATION_SCHEMAS = ("HTTPValidationError", "ValidationError")

MALFORMED_JSON = "the body is not valid JSON (`malformed_json`)"
KEYS_UNAVAILABLE = "the identity provider's signing keys cannot be fetched (`auth_unavailable`)"
INVALID_CURSOR = "the cursor is not one this API issued (`invalid_cursor`)"
KEY_INVALID = "the Idempotency-Key is empty or over 255 characters (`idempotency_key_invalid`)"
KEY_IN_FLIGHT = "a request with this Idempotency-Key is still running (`idempotency_key_in_flight`)"


def operation_id(route: APIRoute) -> str:
    """The operationId of a route: its function's name (``generate_unique_id_function``)."""
    return route.name


def check_operation_ids(routes: Sequence[BaseRoute | RouteContext]) -> None:
    """Refuse an app whose documented routes share a name: their operationIds would clash.

    A clash would make a generated client overwrite one function with another, so it
    is an error at start-up, naming the routes; rename one of the functions.
    """
    documented: dict[str, list[str]] = defaultdict(list)
    for context in iter_route_contexts(routes):
        route = context.original_route
        if isinstance(route, APIRoute) and route.include_in_schema:
            documented[operation_id(route)].append(f"{sorted(route.methods or ())} {context.path}")
    clashes = {name: where for name, where in documented.items() if len(where) > 1}
    if clashes:
        named = "; ".join(f"{name}: {', '.join(where)}" for name, where in sorted(clashes.items()))
        raise ValueError(f"operationIds must be unique; route functions share a name: {named}")


def _problem(description: str) -> dict[str, Any]:
    return {
        "description": description,
        "content": {PROBLEM_JSON: {"schema": {"$ref": PROBLEM_SCHEMA_REF}}},
    }


def _takes_json(operation: Mapping[str, Any]) -> bool:
    content = operation.get("requestBody", {}).get("content", {})
    return any(kind == "application/json" or kind.endswith("+json") for kind in content)


def _has_parameter(operation: Mapping[str, Any], where: str, name: str) -> bool:
    return any(
        p.get("name") == name and p.get("in") == where for p in operation.get("parameters", [])
    )


def _add(responses: dict[str, Any], status: int, description: str) -> None:
    """Document ``status``; where the service documents it for its own reason, add the kit's.

    The texts are phrased to follow another: "Text too long. Also: the body is larger…".
    """
    response = responses.get(str(status))
    if response is None:
        responses[str(status)] = _problem(description[:1].upper() + description[1:])
        return
    said = response.get("description", "")
    if description.lower() not in said.lower():
        response["description"] = f"{said.rstrip('.')}. Also: {description}"


def finish_document(document: dict[str, Any], *, default_body_limit: int) -> None:
    """Document what the kit answers on each operation, and errors only as problem+json."""
    for operations in document.get("paths", {}).values():
        for method, operation in operations.items():
            responses: dict[str, Any] = operation.setdefault("responses", {})
            if operation.get("security"):
                responses.setdefault("401", _problem(STANDARD_DESCRIPTIONS[401]))
                _add(responses, 503, KEYS_UNAVAILABLE)
            if method in _BODY_METHODS:
                # JSON nested too deep, or a body sent where none is taken (the guard's).
                responses.setdefault("422", _problem(STANDARD_DESCRIPTIONS[422]))
                if "requestBody" in operation:
                    limit = int(operation.get(BODY_LIMIT_EXTRA, default_body_limit))
                    _add(responses, 413, f"the body is over this endpoint's {limit} bytes")
            if _takes_json(operation):
                _add(responses, 400, MALFORMED_JSON)
            if _has_parameter(operation, "query", "cursor"):
                _add(responses, 400, INVALID_CURSOR)  # a list forgot it (found by fuzzing)
            if _has_parameter(operation, "header", IDEMPOTENCY_KEY):
                # A CSV or body-less POST answered these undocumented (found by fuzzing).
                _add(responses, 400, KEY_INVALID)
                _add(responses, 409, KEY_IN_FLIGHT)
            for status, response in responses.items():
                if status[:1] in ("4", "5"):  # FastAPI's default 422 says application/json
                    response["content"] = _problem("")["content"]
    _binary_uploads(document)
    # Only the default 422 referred to them, and every error response was rewritten above.
    schemas: dict[str, Any] = document.get("components", {}).get("schemas", {})
    for name in _FASTAPI_VALIDATION_SCHEMAS:
        schemas.pop(name, None)


def _binary_uploads(document: dict[str, Any]) -> None:
    """Mark each file of a multipart body ``format: binary`` (see the module's note)."""
    schemas: dict[str, Any] = document.get("components", {}).get("schemas", {})
    for operations in document.get("paths", {}).values():
        for operation in operations.values():
            form = operation.get("requestBody", {}).get("content", {}).get(_MULTIPART, {})
            ref = form.get("schema", {}).get("$ref", "")
            schema = schemas.get(ref.rsplit("/", 1)[-1], form.get("schema", {}))
            for field in schema.get("properties", {}).values():
                if field.get("type") == "string" and "contentMediaType" in field:
                    field["format"] = "binary"
