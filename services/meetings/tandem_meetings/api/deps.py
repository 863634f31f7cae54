"""Dependencies and response documentation shared by the routers."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Depends, Request

from tandem_kit.api import problems as kit_problems
from tandem_kit.app import runtime_of
from tandem_meetings.service.context import Context
from tandem_meetings.settings import MeetingsSettings

# Where create_app(video=...) leaves a test's video provider factory (a seam in code).
VIDEO_STATE = "meetings_video"


# ``async`` on purpose: FastAPI runs plain ``def`` dependencies in its thread pool.
async def get_context(request: Request) -> Context:
    video = getattr(request.app.state, VIDEO_STATE, None)
    return Context.of(runtime_of(request, MeetingsSettings), video)


Ctx = Annotated[Context, Depends(get_context)]

_TEXT = {
    400: "Malformed request (e.g. a cursor this API did not issue, a forged link)",
    401: "No valid bearer token",
    403: "Known to you but not yours to do: a manager scheduling for the members, or "
    "a member whose token no longer grants the role",
    404: "Does not exist, or you are neither one of its members nor its programme's manager",
    409: "Not in a state that allows this (cancelled, started, relationship ended), or a "
    "member is busy then (`member_busy`)",
    410: "The link expired",
}


def problems(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """The kit's problem+json ``responses`` entries, in meetings' own words."""
    return kit_problems(*statuses, descriptions=_TEXT)
