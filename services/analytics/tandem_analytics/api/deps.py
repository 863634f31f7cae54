"""Dependencies the routers share: the per-request context."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from tandem_analytics.service.context import Context
from tandem_analytics.settings import AnalyticsSettings
from tandem_kit.app import runtime_of


# ``async`` on purpose: FastAPI runs plain ``def`` dependencies in its thread pool.
async def get_context(request: Request) -> Context:
    return Context.of(runtime_of(request, AnalyticsSettings))


Ctx = Annotated[Context, Depends(get_context)]
