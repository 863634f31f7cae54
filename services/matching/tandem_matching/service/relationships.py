"""Relationship use cases; the life cycle itself is :mod:`tandem_matching.domain.relationships`.

Accepting and declining are each member's own act. A relationship starts when
every member accepted; one decline declines it, and its mentees wait again (the
declined mentor is not proposed to them again). Ending early is open to the
members and the programme's managers, and offers its mentees re-matching
(:mod:`tandem_matching.service.rematching`); completion at the programme's end is the
worker's (:func:`complete_due`), with ``ended_by`` system.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from uuid import UUID
from zoneinfo import ZoneInfo

from sqlalchemy.ext.asyncio import AsyncSession

from tandem_contracts.common import MentoringFormat
from tandem_contracts.matching import EndedBy, EndReason
from tandem_kit.api import Page, next_cursor
from tandem_kit.auth import Principal
from tandem_kit.errors import Conflict, NotFound, Unprocessable
from tandem_kit.outbox import add_event, add_events
from tandem_matching.adapters import relationships as repo
from tandem_matching.domain import relationships as life
from tandem_matching.domain.programmes import Programme
from tandem_matching.domain.relationships import (
    SYSTEM_REASONS,
    Member,
    MemberResponse,
    Relationship,
    RelationshipStatus,
    TransitionRefused,
)
from tandem_matching.schemas.relationships import RelationshipEnd, RelationshipPublic
from tandem_matching.service import events, rematching
from tandem_matching.service.access import Caller, caller_in
from tandem_matching.service.context import Context
from tandem_matching.service.ids import new_id


def _refused(refusal: TransitionRefused) -> Conflict:
    return Conflict(str(refusal), code=refusal.code)


async def _visible(
    session: AsyncSession, caller: Caller, relationship_id: UUID, *, for_update: bool = False
) -> tuple[Relationship, list[Member]]:
    """The relationship and its members; 404 unless the caller manages or belongs to it."""
    found = await repo.get(session, caller.programme.id, relationship_id, for_update=for_update)
    if found is None:
        raise NotFound(f"Relationship {relationship_id} not found.", code="relationship_not_found")
    members = (await repo.members_of(session, [relationship_id]))[relationship_id]
    if not caller.is_manager and not any(
        m.participant_id == caller.participant_id for m in members
    ):
        raise NotFound(f"Relationship {relationship_id} not found.", code="relationship_not_found")
    return found, members


async def list_relationships(
    ctx: Context,
    principal: Principal,
    programme_id: UUID,
    *,
    status: RelationshipStatus | None,
    cursor: str | None,
    limit: int,
) -> Page[RelationshipPublic]:
    """Managers see the programme's relationships; participants only their own."""
    async with ctx.database.transaction() as session:
        caller = await caller_in(session, principal, programme_id)
        if not caller.is_manager:
            caller.require_participant()
        member = None if caller.is_manager else caller.participant_id
        found = await repo.list_page(
            session, programme_id, status=status, member_id=member, cursor=cursor, limit=limit
        )
        kept = found[:limit]
        members = await repo.members_of(session, [r.id for r in kept])
    return Page[RelationshipPublic](
        items=[RelationshipPublic.of(r, members[r.id]) for r in kept],
        next_cursor=next_cursor(found, limit, lambda r: (r.created_at, r.id)),
    )


async def get_relationship(
    ctx: Context, principal: Principal, programme_id: UUID, relationship_id: UUID
) -> RelationshipPublic:
    async with ctx.database.transaction() as session:
        caller = await caller_in(session, principal, programme_id)
        found, members = await _visible(session, caller, relationship_id)
    return RelationshipPublic.of(found, members)


async def respond(
    ctx: Context,
    principal: Principal,
    programme_id: UUID,
    relationship_id: UUID,
    *,
    accept: bool,
    at: dt.datetime,
) -> RelationshipPublic:
    """A member accepts or declines a proposed relationship."""
    async with ctx.database.transaction() as session:
        caller = await caller_in(session, principal, programme_id)
        me = caller.require_participant()
        found, members = await _visible(session, caller, relationship_id, for_update=True)
        programme = caller.programme
        try:
            answer = life.respond(
                found,
                members,
                me.id,
                accept=accept,
                today=programme.today(at),
                programme_starts_on=programme.starts_on,
                programme_ends_on=programme.ends_on,
                at=ctx.now(),
            )
        except TransitionRefused as refusal:
            raise _refused(refusal) from refusal
        mine = answer.member
        assert mine.responded_at is not None
        await repo.set_response(
            session, relationship_id, mine.participant_id, mine.response, mine.responded_at
        )
        await repo.save(session, answer.relationship)
        if answer.started:
            await add_event(
                session, events.relationship_started(answer.relationship, answer.members)
            )
    return RelationshipPublic.of(answer.relationship, answer.members)


async def end_early(
    ctx: Context,
    principal: Principal,
    programme_id: UUID,
    relationship_id: UUID,
    body: RelationshipEnd,
) -> RelationshipPublic:
    """A member (mentor or mentee) or a manager ends an active relationship."""
    if body.reason in SYSTEM_REASONS:
        raise Unprocessable(
            f"The reason {body.reason} is given by the system only.", code="reserved_reason"
        )
    async with ctx.database.transaction() as session:
        caller = await caller_in(session, principal, programme_id)
        if not caller.is_manager:
            caller.require_participant()
        found, members = await _visible(session, caller, relationship_id, for_update=True)
        by = life.ender(members, caller.participant_id)
        try:
            ended = life.end_early(found, by, body.reason, ctx.now())
        except TransitionRefused as refusal:
            raise _refused(refusal) from refusal
        await repo.save(session, ended)
        await add_event(session, events.relationship_ended(ended))
        await rematching.offer_after_early_end(
            session, ended, members, leaving=None, at=ended.updated_at
        )
    return RelationshipPublic.of(ended, members)


async def close_open_relationships(
    session: AsyncSession,
    participant_id: UUID,
    ended_by: EndedBy,
    reason: EndReason,
    *,
    at: dt.datetime,
) -> int:
    """When a participant leaves: active relationships end early, proposed ones are declined."""
    closed = 0
    for found in await repo.of_participant(session, participant_id, life.OPEN_STATUSES):
        after = life.close(found, ended_by, reason, at)
        if after.status is RelationshipStatus.DECLINED:
            await repo.set_response(session, found.id, participant_id, MemberResponse.DECLINED, at)
        await repo.save(session, after)
        if after.status is RelationshipStatus.ENDED_EARLY:
            await add_event(session, events.relationship_ended(after))
            # The others stay in the programme: they are offered re-matching.
            members = (await repo.members_of(session, [found.id]))[found.id]
            await rematching.offer_after_early_end(
                session, after, members, leaving=participant_id, at=at
            )
        closed += 1
    return closed


async def complete_due(ctx: Context, at: dt.datetime, batch: int = 500) -> int:
    """Complete active relationships whose programme has ended at ``at``: its end date is
    over in the programme's reference time zone (local midnight); one batch."""
    async with ctx.database.transaction() as session:
        completed = []
        # No zone is more than a day ahead of UTC: programmes ending before tomorrow (UTC)
        # are the candidates, each judged by its own date.
        candidates = await repo.programmes_with_active_ending_before(
            session, at.date() + dt.timedelta(days=1)
        )
        ended = [p for p, ends_on, zone in candidates if _local_date(at, zone) > ends_on]
        for found in await repo.active_in_programmes(session, ended, batch):
            done = life.complete(found, ctx.now())
            # Conditional: another replica's worker may have completed it meanwhile.
            if await repo.save(session, done, only_if_status=RelationshipStatus.ACTIVE):
                completed.append(done)
        await add_events(session, [events.relationship_ended(done) for done in completed])
    return len(completed)


def _local_date(at: dt.datetime, zone: str) -> dt.date:
    return at.astimezone(ZoneInfo(zone)).date()


def new_relationship(
    programme: Programme,
    *,
    mentor_id: UUID,
    mentees: Sequence[tuple[UUID, Mapping[str, object] | None]],
    format: MentoringFormat,
    score: float,
    run_id: UUID | None = None,
    request_id: UUID | None = None,
    started_on: dt.date | None = None,
    at: dt.datetime,
) -> tuple[Relationship, tuple[Member, ...]]:
    """A new relationship in ``programme`` with a fresh id (see :func:`life.propose`)."""
    return life.propose(
        relationship_id=new_id(),
        programme_id=programme.id,
        mentor_id=mentor_id,
        mentees=mentees,
        format=format,
        score=score,
        agreed_end_date=programme.ends_on,
        at=at,
        run_id=run_id,
        request_id=request_id,
        started_on=started_on,
    )
