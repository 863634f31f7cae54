"""Answers to a meeting (accept, decline, tentative): by a member through the API, or by
a one-click link from the invitation mail.

A link is signed (``domain/rsvp_links.py``), expires, and does one thing: its
participant's one answer to its one meeting. Reading it (GET) only says what it would do;
applying it (POST) records its nonce as used in the same transaction as the answer, so a
second use is refused. It never signs anyone in and sets no cookie.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from uuid import UUID

from sqlalchemy.ext.asyncio import AsyncSession

from tandem_kit.auth import Principal
from tandem_kit.errors import BadRequest, Conflict, Forbidden, Gone, NotFound
from tandem_meetings.adapters import meetings as meeting_repo
from tandem_meetings.adapters import rsvp as repo
from tandem_meetings.domain import meetings as life
from tandem_meetings.domain.meetings import Attendee, Meeting
from tandem_meetings.domain.rsvp_links import (
    RsvpClaim,
    RsvpExpired,
    RsvpForged,
    RsvpMalformed,
    RsvpResponse,
    new_nonce,
    rsvp_expiry,
    rsvp_url,
    sign_rsvp,
    verify_rsvp,
)
from tandem_meetings.schemas.rsvp import RsvpLinkPublic, RsvpPublic, RsvpUpdate
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
        invited = await _invited(session, meeting, me.participant_id)
        return RsvpPublic.from_record(await _record(session, meeting, invited, body.response, now))


async def _invited(session: AsyncSession, meeting: Meeting, participant_id: UUID) -> Attendee:
    invited = await repo.attendee(session, meeting.id, participant_id)
    if invited is None:
        raise Conflict(
            "You joined after this meeting was scheduled: you are not invited to it.",
            code="not_invited",
        )
    return invited


async def _record(
    session: AsyncSession,
    meeting: Meeting,
    invited: Attendee,
    response: RsvpResponse,
    now: datetime,
) -> Attendee:
    with domain_errors():
        answered = life.respond(meeting, invited, response, now)
    await repo.save_answer(session, answered)
    return answered


# --- one-click links -------------------------------------------------------------------


def link_url(ctx: Context, meeting: Meeting, participant_id: UUID, response: RsvpResponse) -> str:
    """The one-click link for an invitation mail: it expires after the configured lifetime
    and never after the meeting's start."""
    lifetime = timedelta(hours=ctx.settings.rsvp_link_lifetime_hours)
    token = sign_rsvp(
        ctx.rsvp_secret,
        meeting.id,
        participant_id,
        response,
        rsvp_expiry(ctx.now(), meeting.starts_at, lifetime),
        new_nonce(),
        sequence=meeting.sequence,
    )
    return rsvp_url(ctx.settings.public_base_url, token)


def _claim(ctx: Context, token: str, now: datetime) -> RsvpClaim:
    try:
        return verify_rsvp(ctx.rsvp_secret, token, now)
    except RsvpMalformed as error:
        raise BadRequest("This is not an RSVP link of ours.", code="rsvp_link_malformed") from error
    except RsvpForged as error:
        raise Forbidden(
            "This RSVP link's signature does not match: it was changed or not made by us.",
            code="rsvp_link_forged",
        ) from error
    except RsvpExpired as error:
        raise Gone(
            f"This RSVP link expired at {error.expired_at.isoformat()}; answer in the app.",
            code="rsvp_link_expired",
        ) from error


async def _claimed(session: AsyncSession, claim: RsvpClaim) -> tuple[Meeting, Attendee]:
    meeting = await meeting_repo.by_id(session, claim.meeting_id, for_update=True)
    invited = await repo.attendee(session, meeting.id, claim.participant_id) if meeting else None
    if meeting is None or invited is None:
        raise NotFound(
            "This link's meeting or invitation no longer exists.", code="meeting_not_found"
        )
    if meeting.scheduled and claim.outdated(meeting.sequence):
        # Answering the old time would record an answer to the new one nobody gave. (A
        # cancel raises the SEQUENCE too; "cancelled" is the truer refusal then.)
        raise Gone(
            "This invitation was for an earlier time: the meeting has changed since. "
            "Use the links in the newest invitation, or answer in the app.",
            code="rsvp_link_outdated",
        )
    return meeting, invited


def _used() -> Conflict:
    return Conflict("This RSVP link was already used; answer in the app.", code="rsvp_link_used")


async def preview(ctx: Context, token: str) -> RsvpLinkPublic:
    """What the link would do. Changes nothing: mail scanners prefetch links."""
    now = ctx.now()
    claim = _claim(ctx, token, now)
    async with ctx.database.transaction() as session:
        meeting, _ = await _claimed(session, claim)
        if await repo.nonce_used(session, claim.nonce_text):
            raise _used()
    return RsvpLinkPublic(
        meeting_id=meeting.id,
        response=claim.response,
        status=meeting.status,
        starts_at=meeting.starts_at,
        ends_at=meeting.ends_at,
        expires_at=claim.expires_at,
        action=f"POST to this URL to answer '{claim.response.value}'.",
    )


async def apply(ctx: Context, token: str) -> RsvpPublic:
    """Apply the link's one answer, once: its nonce is recorded with the answer."""
    now = ctx.now()
    claim = _claim(ctx, token, now)
    async with ctx.database.transaction() as session:
        meeting, invited = await _claimed(session, claim)
        if not await repo.use_nonce(session, claim.nonce_text, meeting.id, now, claim.expires_at):
            raise _used()
        return RsvpPublic.from_record(await _record(session, meeting, invited, claim.response, now))


async def forget_used_nonces(ctx: Context, now: datetime) -> int:
    """Nonces of expired links: refused as expired anyway, so no longer kept."""
    async with ctx.database.transaction() as session:
        return await repo.forget_expired_nonces(session, now)
