"""Dependencies the routers share: the per-request context."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Depends, Request

from tandem_analytics.service.context import Context
from tandem_analytics.settings import AnalyticsSettings
from tandem_kit.api import problems as kit_problems
from tandem_kit.app import runtime_of


# ``async`` on purpose: FastAPI runs plain ``def`` dependencies in its thread pool.
async def get_context(request: Request) -> Context:
    return Context.of(runtime_of(request, AnalyticsSettings))


Ctx = Annotated[Context, Depends(get_context)]

_TEXT = {
    400: "Malformed request (e.g. a cursor this API did not issue)",
    401: "No valid bearer token",
    403: "Known to you but not yours to see or do: a member asking for the managers' figures",
    404: "Does not exist, or you have no role in its programme",
    409: "Not in a state that allows this (e.g. a flag already cleared)",
    415: "The body is not of the media type the operation takes (a CSV import: text/csv)",
}


def problems(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """The kit's problem+json ``responses`` entries, in analytics' own words."""
    return kit_problems(*statuses, descriptions=_TEXT)
