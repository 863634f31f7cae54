"""Dependencies and response documentation shared by the routers."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Annotated, Any

from fastapi import Depends, Request

from tandem_kit.api import problems as kit_problems
from tandem_kit.app import runtime_of
from tandem_messaging.service.context import Context, utc_now
from tandem_messaging.service.messages import MessagePoster

SEAMS_STATE = "messaging_seams"


@dataclass(frozen=True)
class Seams:
    """What tests and the benchmark may swap when they build the app — in code, never
    through settings. (Not FastAPI's dependency_overrides: with any override set,
    FastAPI re-inspects every dependency on every request, which would distort a
    benchmark.)"""

    clock: Callable[[], datetime] = utc_now
    poster: type[MessagePoster] = MessagePoster


def _seams(request: Request) -> Seams:
    seams: Seams = getattr(request.app.state, SEAMS_STATE, None) or Seams()
    return seams


# ``async`` on purpose: FastAPI runs plain ``def`` dependencies in its thread pool.
async def get_context(request: Request) -> Context:
    return Context.of(runtime_of(request), _seams(request).clock)


Ctx = Annotated[Context, Depends(get_context)]


async def get_message_poster(request: Request, ctx: Ctx) -> MessagePoster:
    return _seams(request).poster(ctx)


Poster = Annotated[MessagePoster, Depends(get_message_poster)]
_TEXT = {
    400: "Malformed request (e.g. a cursor this API did not issue)",
    401: "No valid bearer token",
    403: "Known to you but not yours to do: a manager asking for a conversation's content, "
    "or a participant asking for a manager's view",
    404: "Does not exist, or you are not one of its members",
    409: "Not in a state that allows this (read-only, locked, changed meanwhile, too late)",
    410: "The programme's retention period is over; the content was deleted",
    413: "Text longer than the limit",
}


def problems(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """The kit's problem+json ``responses`` entries, in messaging's own words."""
    return kit_problems(*statuses, descriptions=_TEXT)
