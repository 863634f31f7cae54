"""Attendance of a meeting: each member records who came; the members read the outcome
(managers get a 403 and see counts in the manager view)."""

from __future__ import annotations

from uuid import UUID

from fastapi import APIRouter

from tandem_kit.auth import CurrentPrincipal
from tandem_meetings.api.deps import Ctx, problems
from tandem_meetings.schemas.attendance import AttendancePublic, AttendanceUpdate
from tandem_meetings.service import attendance as use

router = APIRouter(prefix="/v1/meetings/{meeting_id}/attendance", tags=["attendance"])


@router.put(
    "",
    summary="Record who attended, the mode used and the duration (members)",
    description="One record per member and meeting: recording again replaces one's own. "
    "Once the meeting has started; not for a cancelled or unrecorded meeting. In a group "
    "the mentor's record counts, else the first made; records that disagree are all kept "
    "and the meeting is `disputed`.",
    responses=problems(403, 404, 409),
)
async def record_attendance(
    meeting_id: UUID, body: AttendanceUpdate, principal: CurrentPrincipal, ctx: Ctx
) -> AttendancePublic:
    return await use.record(ctx, principal, meeting_id, body)


@router.get(
    "",
    summary="A meeting's attendance: its state, the counting record, every record (members)",
    responses=problems(403, 404),
)
async def get_attendance(
    meeting_id: UUID, principal: CurrentPrincipal, ctx: Ctx
) -> AttendancePublic:
    return await use.attendance(ctx, principal, meeting_id)
