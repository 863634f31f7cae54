"""Registering, reading, updating and withdrawing participants."""

from __future__ import annotations

from dataclasses import replace
from uuid import UUID

from sqlalchemy.ext.asyncio import AsyncSession

from tandem_contracts.matching import EndedBy, EndReason
from tandem_kit.api import Page, next_cursor
from tandem_kit.auth import Principal
from tandem_kit.errors import Conflict, Forbidden, NotFound, Unprocessable
from tandem_kit.outbox import add_event, add_events
from tandem_matching.adapters import mentee_choice as request_repo
from tandem_matching.adapters import participants as repo
from tandem_matching.domain.participants import Participant, ParticipantStatus
from tandem_matching.domain.profiles import Role
from tandem_matching.schemas.participants import (
    ParticipantCreate,
    ParticipantPublic,
    ParticipantUpdate,
    check_role_fields,
)
from tandem_matching.service import events
from tandem_matching.service.access import Caller, caller_in
from tandem_matching.service.context import Context
from tandem_matching.service.ids import new_id
from tandem_matching.service.profiles import new_participant, programme_fit_errors, with_changes
from tandem_matching.service.relationships import close_open_relationships


def public(participant: Participant, busy: bool) -> ParticipantPublic:
    return ParticipantPublic.of(participant, waiting=participant.is_active and not busy)


async def visible_participant(
    session: AsyncSession, caller: Caller, participant_id: UUID, *, for_update: bool = False
) -> Participant:
    """The participant, if the caller manages the programme or is that participant; else 404."""
    row = await repo.get(session, caller.programme.id, participant_id, for_update=for_update)
    if row is None or not caller.may_see_participant(participant_id):
        raise NotFound(f"Participant {participant_id} not found.", code="participant_not_found")
    return row


def _unfit(errors: list[str]) -> Unprocessable:
    return Unprocessable(
        "The profile does not fit the programme: " + "; ".join(errors),
        code="profile_not_in_programme",
        errors=[{"msg": e} for e in errors],
    )


async def register(
    ctx: Context, principal: Principal, programme_id: UUID, body: ParticipantCreate
) -> ParticipantPublic:
    """Self-registration needs the role's grant; a manager may register anyone."""
    async with ctx.database.transaction() as session:
        caller = await caller_in(session, principal, programme_id)
        subject = body.subject or principal.subject
        if subject != principal.subject:
            if not caller.is_manager:
                raise Forbidden("Only a manager may register someone else.")
        elif not principal.has_role(body.role, str(programme_id)) and not caller.is_manager:
            raise Forbidden(f"Your token does not grant the role {body.role} here.")
        row = new_participant(
            body,
            participant_id=new_id(),
            programme_id=programme_id,
            subject=subject,
            role=Role(body.role),
            at=ctx.now(),
        )
        errors = programme_fit_errors(row, caller.programme)
        if errors:
            raise _unfit(errors)
        if await repo.by_subject(session, programme_id, subject) is not None:
            raise Conflict(
                f"{subject} is already registered in this programme.", code="already_registered"
            )
        await repo.insert_many(session, [row])
        # The contact is sealed under her key in the outbox until the relay sends it.
        await add_events(
            session,
            [events.participant_facts(row), events.participant_contact(row)],
            about=events.whose_contact,
        )
    return public(row, busy=False)


async def list_participants(
    ctx: Context,
    principal: Principal,
    programme_id: UUID,
    *,
    role: str | None,
    status: str | None,
    country: str | None,
    unmatched: bool | None,
    cursor: str | None,
    limit: int,
) -> Page[ParticipantPublic]:
    """Managers list and filter everyone; a participant gets a page holding only themselves."""
    async with ctx.database.transaction() as session:
        caller = await caller_in(session, principal, programme_id)
        only = None
        if not caller.is_manager:
            only = caller.require_participant().id
        rows = await repo.list_page(
            session,
            programme_id,
            role=role,
            status=status,
            country=country,
            unmatched=unmatched,
            only_id=only,
            cursor=cursor,
            limit=limit,
        )
        kept = rows[:limit]
        busy = await repo.busy_ids(session, [r.id for r in kept])
    return Page[ParticipantPublic](
        items=[public(r, r.id in busy) for r in kept],
        next_cursor=next_cursor(rows, limit, lambda r: (r.created_at, r.id)),
    )


async def get_participant(
    ctx: Context, principal: Principal, programme_id: UUID, participant_id: UUID
) -> ParticipantPublic:
    async with ctx.database.transaction() as session:
        caller = await caller_in(session, principal, programme_id)
        row = await visible_participant(session, caller, participant_id)
        busy = await repo.busy_ids(session, [participant_id])
    return public(row, participant_id in busy)


async def update_participant(
    ctx: Context,
    principal: Principal,
    programme_id: UUID,
    participant_id: UUID,
    body: ParticipantUpdate,
) -> ParticipantPublic:
    async with ctx.database.transaction() as session:
        caller = await caller_in(session, principal, programme_id)
        row = await visible_participant(session, caller, participant_id, for_update=True)
        if not row.is_active:
            raise Conflict(f"The participant is {row.status}.", code="participant_inactive")
        merged = with_changes(row, body.model_dump(mode="json", exclude_unset=True), ctx.now())
        try:
            check_role_fields(
                row.role, skills=merged.skills, goals=merged.goals, capacity=merged.capacity
            )
        except ValueError as error:
            raise Unprocessable(str(error), code="invalid_profile") from error
        errors = programme_fit_errors(merged, caller.programme)
        if errors:
            raise _unfit(errors)
        await repo.save(session, merged)
        await add_events(
            session,
            [events.participant_facts(merged, updated=True), events.participant_contact(merged)],
            about=events.whose_contact,
        )
        busy = await repo.busy_ids(session, [participant_id])
    return public(merged, participant_id in busy)


async def withdraw(
    ctx: Context, principal: Principal, programme_id: UUID, participant_id: UUID
) -> ParticipantPublic:
    """Leave the programme: open relationships close, pending requests end."""
    async with ctx.database.transaction() as session:
        caller = await caller_in(session, principal, programme_id)
        row = await visible_participant(session, caller, participant_id, for_update=True)
        if not row.is_active:
            raise Conflict(f"The participant is {row.status}.", code="participant_inactive")
        at = ctx.now()
        by_self = participant_id == caller.participant_id
        ended_by = EndedBy(row.role.value) if by_self else EndedBy.MANAGER
        await close_open_relationships(
            session, participant_id, ended_by, EndReason.PARTICIPANT_WITHDREW, at=at
        )
        await request_repo.close_pending_of(session, participant_id, at)
        row = replace(row, status=ParticipantStatus.WITHDRAWN, withdrawn_at=at, updated_at=at)
        await repo.save(session, row)
        await add_event(session, events.participant_withdrawn(row))
    return public(row, busy=False)
