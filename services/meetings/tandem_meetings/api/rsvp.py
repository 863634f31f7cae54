"""Answers to a meeting: accept, decline or tentative — a member for themself through
the API, or anyone holding a one-click link from an invitation (the link is the proof;
it never signs in and sets no cookie)."""

from __future__ import annotations

from uuid import UUID

from fastapi import APIRouter, Path

from tandem_kit.auth import CurrentPrincipal
from tandem_meetings.api.deps import Ctx, problems
from tandem_meetings.schemas.rsvp import RsvpLinkPublic, RsvpPublic, RsvpUpdate
from tandem_meetings.service import rsvp as use

router = APIRouter(prefix="/v1/meetings/{meeting_id}/rsvp", tags=["rsvp"])
link_router = APIRouter(prefix="/v1/rsvp", tags=["rsvp"])

Token = Path(min_length=1, max_length=400, description="The signed token from the mail.")


@router.put(
    "",
    summary="Answer the invitation (members, for themselves)",
    responses=problems(403, 404, 409),
)
async def answer_meeting(
    meeting_id: UUID, body: RsvpUpdate, principal: CurrentPrincipal, ctx: Ctx
) -> RsvpPublic:
    return await use.answer(ctx, principal, meeting_id, body)


@link_router.get(
    "/{token}",
    summary="What a one-click RSVP link would do (changes nothing)",
    description="Mail scanners open links: reading one never answers. No token needed.",
    responses=problems(400, 403, 404, 409, 410),
)
async def preview_rsvp_link(ctx: Ctx, token: str = Token) -> RsvpLinkPublic:
    return await use.preview(ctx, token)


@link_router.post(
    "/{token}",
    summary="Apply a one-click RSVP link (once)",
    description="Forged 403, expired 410, from an invitation for an earlier time (the "
    "meeting was rescheduled since) 410, used before 409. No token needed; signs no one in.",
    responses=problems(400, 403, 404, 409, 410),
)
async def apply_rsvp_link(ctx: Ctx, token: str = Token) -> RsvpPublic:
    return await use.apply(ctx, token)
