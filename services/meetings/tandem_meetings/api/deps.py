"""Dependencies the routers share: the per-request context."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from tandem_kit.app import runtime_of
from tandem_meetings.service.context import Context
from tandem_meetings.settings import MeetingsSettings


# ``async`` on purpose: FastAPI runs plain ``def`` dependencies in its thread pool.
async def get_context(request: Request) -> Context:
    return Context.of(runtime_of(request, MeetingsSettings))


Ctx = Annotated[Context, Depends(get_context)]
