"""Dependencies shared by the routers (pagination and problem documentation: tandem_kit.api)."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from tandem_kit.app import runtime_of
from tandem_kit.db import Database
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
