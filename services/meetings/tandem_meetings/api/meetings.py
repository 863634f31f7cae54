"""Meetings of a relationship: schedule, list, show, reschedule, cancel."""

from __future__ import annotations

from uuid import UUID

from fastapi import APIRouter, Response, status

from tandem_kit.api import Page, PageCursor, PageLimit
from tandem_kit.auth import CurrentPrincipal
from tandem_meetings.api.deps import Ctx, problems
from tandem_meetings.schemas.meetings import (
    MeetingCancel,
    MeetingCreate,
    MeetingPublic,
    MeetingUpdate,
)
from tandem_meetings.service import meetings as use

relationship_router = APIRouter(
    prefix="/v1/relationships/{relationship_id}/meetings", tags=["meetings"]
)
router = APIRouter(prefix="/v1/meetings", tags=["meetings"])


@relationship_router.post(
    "",
    status_code=status.HTTP_201_CREATED,
    summary="Schedule a meeting (members)",
    description="Online (a video link is made at once, or `link_status: pending`) or face "
    "to face (a place is required). A member busy then is a 409 `member_busy` naming "
    "that member and the time only. Emits `meeting.scheduled`.",
    responses=problems(403, 404, 409),
)
async def schedule_meeting(
    relationship_id: UUID,
    body: MeetingCreate,
    principal: CurrentPrincipal,
    ctx: Ctx,
    response: Response,
) -> MeetingPublic:
    meeting = await use.schedule(ctx, principal, relationship_id, body)
    response.headers["Location"] = f"/v1/meetings/{meeting.id}"
    return meeting


@relationship_router.get(
    "",
    summary="A relationship's meetings by start time (members and its managers)",
    description="Managers see when and how; the place, link and agenda only members.",
    responses=problems(400, 404),
)
async def list_meetings(
    relationship_id: UUID,
    principal: CurrentPrincipal,
    ctx: Ctx,
    cursor: PageCursor = None,
    limit: PageLimit = 50,
) -> Page[MeetingPublic]:
    return await use.list_meetings(ctx, principal, relationship_id, cursor=cursor, limit=limit)


@router.get(
    "/{meeting_id}",
    summary="One meeting, with every member's local time",
    responses=problems(404),
)
async def get_meeting(meeting_id: UUID, principal: CurrentPrincipal, ctx: Ctx) -> MeetingPublic:
    return await use.get_meeting(ctx, principal, meeting_id)


@router.patch(
    "/{meeting_id}",
    summary="Reschedule: time, duration, mode or place (members)",
    description="SEQUENCE rises when the time, the duration or the place changes; the "
    "other members are asked again. Emits `meeting.rescheduled`.",
    responses=problems(403, 404, 409),
)
async def reschedule_meeting(
    meeting_id: UUID, body: MeetingUpdate, principal: CurrentPrincipal, ctx: Ctx
) -> MeetingPublic:
    return await use.reschedule(ctx, principal, meeting_id, body)


@router.post(
    "/{meeting_id}/cancel",
    summary="Cancel with a reason (members, or the programme's managers)",
    description="A reason code, and for members an optional note only members see. "
    "Emits `meeting.cancelled`.",
    responses=problems(403, 404, 409),
)
async def cancel_meeting(
    meeting_id: UUID, body: MeetingCancel, principal: CurrentPrincipal, ctx: Ctx
) -> MeetingPublic:
    return await use.cancel(ctx, principal, meeting_id, body)
