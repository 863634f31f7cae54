"""Mentee choice: a mentee picks a mentor from suggestions and asks; the mentor decides.

Choice made here (documented in the API): when the mentor accepts, the relationship is
created directly ``active`` — the mentee asked and the mentor agreed, so both members
have consented and no second round of accepting is needed. ``match.proposed`` and
``relationship.started`` are both emitted, in that order, in the same transaction.
A mentee has at most one pending request at a time, so one mentee is never matched twice.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from uuid import UUID

from sqlalchemy.ext.asyncio import AsyncSession

from tandem_contracts.common import MentoringFormat
from tandem_kit.api import Page, next_cursor
from tandem_kit.auth import Principal
from tandem_kit.errors import Conflict, Forbidden, NotFound, Unprocessable
from tandem_kit.outbox import add_events
from tandem_matching.adapters import mentee_choice as repo
from tandem_matching.adapters import participants as participant_repo
from tandem_matching.adapters import relationships as relationship_repo
from tandem_matching.domain.mentee_choice import MentorRequest, RequestStatus
from tandem_matching.domain.profiles import Role
from tandem_matching.domain.proposals import Explained
from tandem_matching.schemas.mentee_choice import (
    MentorRequestCreate,
    MentorRequestPublic,
    SuggestionPublic,
)
from tandem_matching.service import engine, events
from tandem_matching.service.access import Caller, caller_in
from tandem_matching.service.context import Context
from tandem_matching.service.ids import new_id
from tandem_matching.service.participants import visible_participant
from tandem_matching.service.relationships import new_relationship
from tandem_matching.service.roster import Roster, load_roster


def _choice_enabled(caller: Caller) -> None:
    if not caller.programme.mentee_choice:
        raise Conflict(
            "This programme does not let mentees choose their mentor.",
            code="mentee_choice_disabled",
        )


def _waiting(roster: Roster, mentee_id: UUID) -> None:
    if not roster.is_waiting(mentee_id):
        raise Conflict(
            "The mentee is not waiting for a match (inactive, or already in a "
            "proposed or active relationship).",
            code="not_waiting",
        )


async def suggestions(
    ctx: Context, principal: Principal, programme_id: UUID, mentee_id: UUID, limit: int
) -> list[SuggestionPublic]:
    """The best mentors for a mentee, with explanations (the mentee, or a manager)."""
    async with ctx.database.transaction() as session:
        caller = await caller_in(session, principal, programme_id)
        row = await visible_participant(session, caller, mentee_id)
        if row.role is not Role.MENTEE:
            raise Unprocessable("Suggestions are for mentees.", code="not_a_mentee")
        if not caller.is_manager:
            _choice_enabled(caller)
        roster = await load_roster(session, caller.programme)
    _waiting(roster, mentee_id)
    mentee = roster.participant(mentee_id)
    assert mentee is not None
    best = engine.suggest(roster.policy, mentee, roster.mentors, roster.exclusions, limit)
    return [
        SuggestionPublic.of(roster.standings[mentor_id].participant, explained)
        for mentor_id, explained in best
    ]


async def create_request(
    ctx: Context, principal: Principal, programme_id: UUID, body: MentorRequestCreate
) -> MentorRequestPublic:
    async with ctx.database.transaction() as session:
        caller = await caller_in(session, principal, programme_id)
        me = caller.require_participant()
        if me.role is not Role.MENTEE:
            raise Forbidden("Only mentees send mentor requests.")
        _choice_enabled(caller)
        roster = await load_roster(session, caller.programme)
        _waiting(roster, me.id)
        if await repo.pending_of_mentee(session, me.id) is not None:
            raise Conflict(
                "You already have a pending request; withdraw it first.", code="request_pending"
            )
        explained = await _check_pair(session, roster, programme_id, me.id, body.mentor_id)
        request = MentorRequest(
            id=new_id(),
            programme_id=programme_id,
            mentee_id=me.id,
            mentor_id=body.mentor_id,
            status=RequestStatus.PENDING,
            message=body.message,
            score=explained.score,
            explanation=explained.explanation,
            relationship_id=None,
            created_at=ctx.now(),
            decided_at=None,
        )
        await repo.insert_request(session, request)
    return MentorRequestPublic.of(request)


async def _check_pair(
    session: AsyncSession, roster: Roster, programme_id: UUID, mentee_id: UUID, mentor_id: UUID
) -> Explained:
    """409 if the mentor cannot take a mentee now, 422 naming each breached rule."""
    mentor_row = await participant_repo.get(session, programme_id, mentor_id, for_update=True)
    if mentor_row is None or mentor_row.role is not Role.MENTOR:
        raise NotFound(f"Mentor {mentor_id} not found.", code="participant_not_found")
    mentor = roster.mentor(mentor_id)
    if mentor is None:
        raise Conflict("The mentor is no longer taking part.", code="mentor_unavailable")
    if mentor.capacity < 1:
        raise Conflict("The mentor has no free place.", code="mentor_full")
    mentee = roster.participant(mentee_id)
    assert mentee is not None
    breaches = engine.breaches(roster.policy, mentee, mentor, roster.exclusions)
    if breaches:
        raise Unprocessable(
            "This pair breaks the programme's rules: "
            + "; ".join(str(b["reason"]) for b in breaches),
            code="constraint_breach",
            errors=breaches,
        )
    return engine.explained(roster.policy, mentee, mentor)


async def list_requests(
    ctx: Context,
    principal: Principal,
    programme_id: UUID,
    *,
    status: RequestStatus | None,
    cursor: str | None,
    limit: int,
) -> Page[MentorRequestPublic]:
    """Managers see all; participants the requests they sent or received."""
    async with ctx.database.transaction() as session:
        caller = await caller_in(session, principal, programme_id)
        involving = None if caller.is_manager else caller.require_participant().id
        rows = await repo.list_page(
            session, programme_id, involving=involving, status=status, cursor=cursor, limit=limit
        )
    return Page[MentorRequestPublic](
        items=[MentorRequestPublic.of(r) for r in rows[:limit]],
        next_cursor=next_cursor(rows, limit, lambda r: (r.created_at, r.id)),
    )


async def _visible_request(
    session: AsyncSession, caller: Caller, request_id: UUID, *, for_update: bool = False
) -> MentorRequest:
    row = await repo.get(session, caller.programme.id, request_id, for_update=for_update)
    if row is None or not (caller.is_manager or row.involves(caller.participant_id)):
        raise NotFound(f"Request {request_id} not found.", code="request_not_found")
    return row


async def get_request(
    ctx: Context, principal: Principal, programme_id: UUID, request_id: UUID
) -> MentorRequestPublic:
    async with ctx.database.transaction() as session:
        caller = await caller_in(session, principal, programme_id)
        return MentorRequestPublic.of(await _visible_request(session, caller, request_id))


async def decide(
    ctx: Context,
    principal: Principal,
    programme_id: UUID,
    request_id: UUID,
    *,
    decision: RequestStatus,
    when: dt.datetime,
) -> MentorRequestPublic:
    """``accepted``/``declined`` by the addressed mentor; ``withdrawn`` by the mentee."""
    async with ctx.database.transaction() as session:
        caller = await caller_in(session, principal, programme_id)
        caller.require_participant()
        row = await _visible_request(session, caller, request_id, for_update=True)
        withdrawing = decision is RequestStatus.WITHDRAWN
        decider = row.mentee_id if withdrawing else row.mentor_id
        if caller.participant_id != decider:
            who = "the mentee who sent it" if withdrawing else "the mentor asked"
            raise Forbidden(f"Only {who} may do this.")
        if row.status is not RequestStatus.PENDING:
            raise Conflict(f"The request is {row.status}.", code="request_not_pending")
        relationship_id: UUID | None = None
        at = ctx.now()
        if decision is RequestStatus.ACCEPTED:
            relationship_id = await _start(session, caller, row, caller.programme.today(when), at)
        await repo.decide(session, request_id, decision, at, relationship_id)
        row = replace(row, status=decision, decided_at=at, relationship_id=relationship_id)
    return MentorRequestPublic.of(row)


async def _start(
    session: AsyncSession, caller: Caller, request: MentorRequest, today: dt.date, at: dt.datetime
) -> UUID:
    """Re-check the pair as of now and create the active relationship with its events."""
    programme = caller.programme
    if today > programme.ends_on:
        raise Conflict("The programme has ended.", code="programme_ended")
    roster = await load_roster(session, programme)
    _waiting(roster, request.mentee_id)
    explained = await _check_pair(
        session, roster, programme.id, request.mentee_id, request.mentor_id
    )
    starts_on = max(today, programme.starts_on)
    row, members = new_relationship(
        programme,
        mentor_id=request.mentor_id,
        mentees=[(request.mentee_id, explained.explanation)],
        format=MentoringFormat.PAIR,
        score=explained.score,
        request_id=request.id,
        started_on=starts_on,
        at=at,
    )
    await relationship_repo.insert_many(session, [row], members)
    named = [
        replace(m, subject=roster.standings[m.participant_id].participant.subject) for m in members
    ]
    await add_events(
        session,
        [
            events.match_proposed(row, [request.mentee_id], [explained.explanation]),
            events.relationship_started(row, named),
        ],
    )
    return row.id
