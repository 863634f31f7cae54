"""Dependencies and response documentation shared by the routers."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Depends, Request

from tandem_kit.api import problems as kit_problems
from tandem_kit.app import runtime_of
from tandem_messaging.service.context import Context
from tandem_messaging.service.messages import MessagePoster
from tandem_messaging.settings import MessagingSettings

# Where create_app(poster=...) leaves the MessagePoster class the benchmark swaps in
# code. (Not FastAPI's dependency_overrides: with any override set, FastAPI
# re-inspects every dependency on every request, which would distort a benchmark.)
POSTER_STATE = "messaging_poster"


# ``async`` on purpose: FastAPI runs plain ``def`` dependencies in its thread pool.
async def get_context(request: Request) -> Context:
    return Context.of(runtime_of(request, MessagingSettings))


Ctx = Annotated[Context, Depends(get_context)]


async def get_message_poster(request: Request, ctx: Ctx) -> MessagePoster:
    poster: type[MessagePoster] = getattr(request.app.state, POSTER_STATE, MessagePoster)
    return poster(ctx)


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
