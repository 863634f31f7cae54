"""Dependencies and response documentation shared by the routers."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Depends, Query, Request

from tandem_kit.app import runtime_of
from tandem_kit.db import Database
from tandem_matching.schemas.common import ProblemDetails
from tandem_matching.service.context import Context
from tandem_matching.settings import MatchingSettings


# ``async`` on purpose: FastAPI runs plain ``def`` dependencies in its thread pool.
async def get_context(request: Request) -> Context:
    return Context.of(runtime_of(request, MatchingSettings))


Ctx = Annotated[Context, Depends(get_context)]


async def _database(ctx: Ctx) -> Database:
    return ctx.database


async def _settings(ctx: Ctx) -> MatchingSettings:
    return ctx.settings


Db = Annotated[Database, Depends(_database)]
Settings = Annotated[MatchingSettings, Depends(_settings)]
Limit = Annotated[int, Query(ge=1, le=200, description="Items per page (1–200).")]
Cursor = Annotated[
    str | None, Query(description="`next_cursor` from the previous page; omit for the first.")
]

_TEXT = {
    400: "Malformed request (e.g. a cursor this API did not issue)",
    401: "No valid bearer token",
    403: "No suitable role in this programme (see the API description)",
    404: "Not found, or not yours to know about (a programme you hold no role in, too)",
    409: "The resource is not in a state that allows this",
    413: "Too large",
    422: "Invalid input; `errors` lists each problem",
}


def problems(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI ``responses`` entries for the problem+json errors an endpoint can return."""
    problem = {"schema": {"$ref": "#/components/schemas/ProblemDetails"}}
    # ``model`` puts ProblemDetails into the components; the media type errors really use
    # is application/problem+json.
    return {
        status: {
            "model": ProblemDetails,
            "description": _TEXT[status],
            "content": {"application/problem+json": problem},
        }
        for status in (401, 403, 422, *statuses)
    }
