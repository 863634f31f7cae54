"""How every API documents its errors: RFC 9457 problem details, one schema, one helper.

Errors are rendered by :mod:`tandem_kit.errors`; this module is their OpenAPI
side. :func:`problems` gives an operation's ``responses`` entries, each with
``application/problem+json`` content referring to the one ``ProblemDetails``
component the app factory adds to the document.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from tandem_kit.errors import PROBLEM_JSON

PROBLEM_SCHEMA_REF = "#/components/schemas/ProblemDetails"

STANDARD_DESCRIPTIONS: Mapping[int, str] = {
    400: "Malformed request (e.g. a cursor this API did not issue)",
    401: "No valid bearer token",
    403: "Known to you, but not yours to do",
    404: "Does not exist, or not yours to know of",
    409: "Not in a state that allows this",
    410: "Deleted for good (its retention period is over)",
    413: "Too large",
    422: "Invalid input; `errors` lists each problem, unknown fields and query parameters too",
    503: "Not ready: a part it depends on is unavailable",
}


class ProblemDetails(BaseModel):
    """RFC 9457 problem details, as every error of this API is shaped."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "type": "about:blank",
                    "title": "Not found",
                    "status": 404,
                    "detail": "No such programme.",
                    "code": "programme_not_found",
                }
            ]
        }
    )

    type: str = "about:blank"
    title: str
    status: int
    detail: str
    code: str = Field(description="Stable, machine-readable error code.")
    errors: list[dict[str, object]] | None = Field(
        default=None, description="Per-field or per-row details, when there are several."
    )


def problems(
    *statuses: int, descriptions: Mapping[int, str] | None = None
) -> dict[int | str, dict[str, Any]]:
    """OpenAPI ``responses`` entries for the problem+json errors an operation can return.

    401 and 422 are always included (every operation takes a token and validates its
    input). ``descriptions`` overrides or adds texts, so a service can say what a 403
    means in its own terms.
    """
    texts = {**STANDARD_DESCRIPTIONS, **(descriptions or {})}
    wanted = sorted({401, 422, *statuses})
    missing = [status for status in wanted if status not in texts]
    if missing:
        raise ValueError(f"no description for status {missing}: pass one in descriptions")
    content = {PROBLEM_JSON: {"schema": {"$ref": PROBLEM_SCHEMA_REF}}}
    return {status: {"description": texts[status], "content": content} for status in wanted}


def problem_schema() -> dict[str, Any]:
    """The ``ProblemDetails`` component, as :func:`problems` refers to it."""
    return ProblemDetails.model_json_schema(ref_template="#/components/schemas/{model}")
