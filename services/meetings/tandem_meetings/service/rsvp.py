"""Answers to a meeting (accept, decline, tentative): a member for themself, by the API."""

from __future__ import annotations

from uuid import UUID

from tandem_kit.auth import Principal
from tandem_kit.errors import Conflict
from tandem_meetings.adapters import rsvp as repo
from tandem_meetings.domain import meetings as life
from tandem_meetings.schemas.rsvp import RsvpPublic, RsvpUpdate
from tandem_meetings.service import access
from tandem_meetings.service.context import Context
from tandem_meetings.service.meetings import domain_errors


async def answer(
    ctx: Context, principal: Principal, meeting_id: UUID, body: RsvpUpdate
) -> RsvpPublic:
    now = ctx.now()
    async with ctx.database.transaction() as session:
        meeting, _relationship, me = await access.meeting_member(
            session, principal, meeting_id, for_update=True
        )
        invited = await repo.attendee(session, meeting.id, me.participant_id)
        if invited is None:
            raise Conflict(
                "You joined after this meeting was scheduled: you are not invited to it.",
                code="not_invited",
            )
        with domain_errors():
            answered = life.respond(meeting, invited, body.response, now)
        await repo.save_answer(session, answered)
        return RsvpPublic.from_record(answered)
