"""Your external calendar feed, in a programme: meetings avoids the times it shows busy."""

from __future__ import annotations

from uuid import UUID

from fastapi import APIRouter, Response

from tandem_kit.api import problems
from tandem_kit.auth import CurrentPrincipal
from tandem_meetings.api.deps import Ctx
from tandem_meetings.schemas.calendar_sources import CalendarSourcePublic, CalendarSourceUpdate
from tandem_meetings.service import calendar_sources as use

router = APIRouter(prefix="/v1/programmes/{programme_id}/me/calendar-source", tags=["availability"])


@router.get(
    "",
    summary="Your external calendar feed: its URL, status and last fetch",
    responses=problems(403, 404),
)
async def get_my_calendar_source(
    programme_id: UUID, principal: CurrentPrincipal, ctx: Ctx
) -> CalendarSourcePublic:
    return CalendarSourcePublic.from_record(
        await use.my_calendar_source(ctx, principal, programme_id)
    )


@router.put(
    "",
    summary="Give (or change) your external calendar feed URL",
    responses=problems(403, 404),
)
async def set_my_calendar_source(
    programme_id: UUID, body: CalendarSourceUpdate, principal: CurrentPrincipal, ctx: Ctx
) -> CalendarSourcePublic:
    return CalendarSourcePublic.from_record(
        await use.set_my_calendar_source(ctx, principal, programme_id, body.url)
    )


@router.delete(
    "",
    status_code=204,
    summary="Remove your external calendar feed and the busy times read from it",
    responses=problems(403, 404),
)
async def remove_my_calendar_source(
    programme_id: UUID, principal: CurrentPrincipal, ctx: Ctx
) -> Response:
    await use.remove_my_calendar_source(ctx, principal, programme_id)
    return Response(status_code=204)
