"""Your personal calendar feed (webcal): make or rotate its URL, see whether you have
one, revoke it; and the feed itself, which calendar programs fetch without a token."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Header, Response

from tandem_kit.auth import CurrentPrincipal
from tandem_kit.guard import NO_BODY_OR_EMPTY_OBJECT
from tandem_meetings.api.deps import Ctx, problems
from tandem_meetings.domain.calendar import FEED_CONTENT_TYPE
from tandem_meetings.schemas.personal_feeds import CalendarFeedCreatedPublic, CalendarFeedPublic
from tandem_meetings.service import personal_feeds as use

router = APIRouter(prefix="/v1/me/calendar-feed", tags=["calendar feed"])
feed_router = APIRouter(prefix="/v1/calendar-feeds", tags=["calendar feed"])

# Private: the body is one person's. Short: a calendar asks again within the hour anyway
# (the feed's REFRESH-INTERVAL), and a 304 costs a query, no rendering.
CACHE_CONTROL = "private, max-age=300"


@router.post(
    "",
    status_code=201,
    summary="Make your calendar feed URL, or a new one (the old one stops working)",
    description="The only time the URL is shown: keep it like a password. Takes no body (or "
    "`{}`). The feed is read without a token, so your roles are checked now: a token that "
    "does not grant your role in every programme whose meetings it would show is a 403 "
    "`memberships_not_granted`.",
    responses=problems(403),
    openapi_extra=NO_BODY_OR_EMPTY_OBJECT,  # the kit's guard refuses any other body
)
async def create_calendar_feed(principal: CurrentPrincipal, ctx: Ctx) -> CalendarFeedCreatedPublic:
    return await use.create(ctx, principal)


@router.get(
    "", summary="Whether you have a calendar feed URL (never the URL)", responses=problems()
)
async def get_calendar_feed(principal: CurrentPrincipal, ctx: Ctx) -> CalendarFeedPublic:
    return await use.describe(ctx, principal)


@router.delete(
    "",
    status_code=204,
    summary="Revoke your calendar feed URL (it answers 404 from now on)",
    responses=problems(),
)
async def revoke_calendar_feed(principal: CurrentPrincipal, ctx: Ctx) -> Response:
    await use.revoke(ctx, principal)
    return Response(status_code=204)


@feed_router.get(
    "/{token}.ics",
    summary="The calendar feed (iCalendar): your meetings, in your time zone",
    description=(
        "No bearer token: the URL's token is the credential. Meetings from 90 days ago to "
        "18 months ahead; cancelled ones stay 30 days as STATUS:CANCELLED. Strong ETag; "
        "If-None-Match answers 304."
    ),
    response_class=Response,
    responses={
        200: {"content": {"text/calendar": {"schema": {"type": "string"}}}},
        304: {"description": "Your copy is current"},
        **problems(404),
    },
)
async def get_calendar_feed_file(
    token: str,
    ctx: Ctx,
    if_none_match: Annotated[str | None, Header(max_length=4000)] = None,
) -> Response:
    answer = await use.fetch(ctx, token, if_none_match)
    headers = {"ETag": answer.etag, "Cache-Control": CACHE_CONTROL}
    if answer.body is None:
        return Response(status_code=304, headers=headers)
    return Response(answer.body, media_type=FEED_CONTENT_TYPE, headers=headers)
