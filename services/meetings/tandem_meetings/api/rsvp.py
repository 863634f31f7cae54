"""Answers to a meeting: accept, decline or tentative, a member for themself."""

from __future__ import annotations

from uuid import UUID

from fastapi import APIRouter

from tandem_kit.auth import CurrentPrincipal
from tandem_meetings.api.deps import Ctx, problems
from tandem_meetings.schemas.rsvp import RsvpPublic, RsvpUpdate
from tandem_meetings.service import rsvp as use

router = APIRouter(prefix="/v1/meetings/{meeting_id}/rsvp", tags=["rsvp"])


@router.put(
    "",
    summary="Answer the invitation (members, for themselves)",
    responses=problems(403, 404, 409),
)
async def answer_meeting(
    meeting_id: UUID, body: RsvpUpdate, principal: CurrentPrincipal, ctx: Ctx
) -> RsvpPublic:
    return await use.answer(ctx, principal, meeting_id, body)
