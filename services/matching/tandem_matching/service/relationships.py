"""The relationship life cycle: proposed → active → completed | ended_early; proposed → declined.

Accepting and declining are each member's own act. A relationship starts when
every member accepted; one decline declines it, and its mentees wait again (the
declined mentor is not proposed to them again). Ending early is open to the
members and the programme's managers; completion at the programme's end is the
worker's (:func:`complete_due`), with ``ended_by`` system.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from tandem_contracts.matching import EndedBy, EndReason
from tandem_kit.auth import Principal
from tandem_kit.db import Database
from tandem_kit.errors import Conflict, NotFound, Unprocessable
from tandem_kit.outbox import add_event, add_events
from tandem_kit.pagination import Page
from tandem_matching.adapters import relationships as repo
from tandem_matching.adapters.paging import next_cursor
from tandem_matching.schemas.relationships import (
    SYSTEM_REASONS,
    RelationshipEnd,
    RelationshipPublic,
)
from tandem_matching.service import events
from tandem_matching.service.access import Caller, caller_in
from tandem_matching.service.clock import new_id, now


async def _visible(
    session: AsyncSession, caller: Caller, relationship_id: str, *, for_update: bool = False
) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """The relationship and its members; 404 unless the caller manages or belongs to it."""
    row = await repo.get(session, caller.programme["id"], relationship_id, for_update=for_update)
    if row is None:
        raise NotFound(f"Relationship {relationship_id} not found.", code="relationship_not_found")
    members = (await repo.members_of(session, [relationship_id]))[relationship_id]
    if not caller.is_manager and not any(
        m["participant_id"] == caller.participant_id for m in members
    ):
        raise NotFound(f"Relationship {relationship_id} not found.", code="relationship_not_found")
    return row, members


async def list_relationships(
    db: Database,
    principal: Principal,
    programme_id: str,
    *,
    status: str | None,
    cursor: str | None,
    limit: int,
) -> Page[RelationshipPublic]:
    """Managers see the programme's relationships; participants only their own."""
    async with db.transaction() as session:
        caller = await caller_in(session, principal, programme_id)
        if not caller.is_manager:
            caller.require_participant()
        member = None if caller.is_manager else caller.participant_id
        rows = await repo.list_page(
            session, programme_id, status=status, member_id=member, cursor=cursor, limit=limit
        )
        kept = rows[:limit]
        members = await repo.members_of(session, [r["id"] for r in kept])
    return Page[RelationshipPublic](
        items=[RelationshipPublic.of(r, members[r["id"]]) for r in kept],
        next_cursor=next_cursor(rows, limit),
    )


async def get_relationship(
    db: Database, principal: Principal, programme_id: str, relationship_id: str
) -> RelationshipPublic:
    async with db.transaction() as session:
        caller = await caller_in(session, principal, programme_id)
        row, members = await _visible(session, caller, relationship_id)
    return RelationshipPublic.of(row, members)


async def respond(
    db: Database,
    principal: Principal,
    programme_id: str,
    relationship_id: str,
    *,
    accept: bool,
    today: dt.date,
) -> RelationshipPublic:
    """A member accepts or declines a proposed relationship."""
    async with db.transaction() as session:
        caller = await caller_in(session, principal, programme_id)
        me = caller.require_participant()
        row, members = await _visible(session, caller, relationship_id, for_update=True)
        if row["status"] != "proposed":
            raise Conflict(
                f"The relationship is {row['status']}, not proposed.",
                code="relationship_not_proposed",
            )
        mine = next(m for m in members if m["participant_id"] == me["id"])
        if mine["response"] != "pending":
            raise Conflict(
                f"You already {mine['response']} this relationship.", code="already_responded"
            )
        if today > caller.programme["ends_on"]:
            raise Conflict("The programme has ended.", code="programme_ended")
        at = now()
        response = "accepted" if accept else "declined"
        await repo.set_response(session, relationship_id, me["id"], response, at)
        mine.update(response=response, responded_at=at)
        changes: dict[str, Any] = {"updated_at": at}
        if not accept:
            changes["status"] = "declined"
        elif all(m["response"] == "accepted" for m in members):
            starts_on = max(today, caller.programme["starts_on"])
            changes.update(status="active", starts_on=starts_on)
            await add_event(session, events.relationship_started(row, members, starts_on))
        await repo.update_relationship(session, relationship_id, changes)
        row.update(changes)
    return RelationshipPublic.of(row, members)


async def end_early(
    db: Database,
    principal: Principal,
    programme_id: str,
    relationship_id: str,
    body: RelationshipEnd,
) -> RelationshipPublic:
    """A member (mentor or mentee) or a manager ends an active relationship."""
    if body.reason in SYSTEM_REASONS:
        raise Unprocessable(
            f"The reason {body.reason} is given by the system only.", code="reserved_reason"
        )
    async with db.transaction() as session:
        caller = await caller_in(session, principal, programme_id)
        if not caller.is_manager:
            caller.require_participant()
        row, members = await _visible(session, caller, relationship_id, for_update=True)
        if row["status"] != "active":
            raise Conflict(
                f"The relationship is {row['status']}, not active.", code="relationship_not_active"
            )
        mine = next((m for m in members if m["participant_id"] == caller.participant_id), None)
        ended_by = EndedBy(mine["role"]) if mine else EndedBy.MANAGER
        changes = _ended(row, "ended_early", ended_by, body.reason)
        await repo.update_relationship(session, relationship_id, changes)
        await add_event(
            session, events.relationship_ended(row, "ended_early", ended_by, body.reason)
        )
        row.update(changes)
    return RelationshipPublic.of(row, members)


def _ended(row: dict[str, Any], status: str, by: EndedBy, reason: EndReason) -> dict[str, Any]:
    at = now()
    return {
        "status": status,
        "ended_at": at,
        "ended_by": by.value,
        "end_reason": reason.value,
        "updated_at": at,
    }


async def close_open_relationships(
    session: AsyncSession, participant_id: str, ended_by: EndedBy, reason: EndReason
) -> int:
    """When a participant leaves: active relationships end early, proposed ones are declined."""
    closed = 0
    for row in await repo.of_participant(session, participant_id, ("proposed", "active")):
        if row["status"] == "active":
            await repo.update_relationship(
                session, row["id"], _ended(row, "ended_early", ended_by, reason)
            )
            await add_event(
                session, events.relationship_ended(row, "ended_early", ended_by, reason)
            )
        else:
            await repo.set_response(session, row["id"], participant_id, "declined", now())
            await repo.update_relationship(
                session, row["id"], {"status": "declined", "updated_at": now()}
            )
        closed += 1
    return closed


async def complete_due(db: Database, today: dt.date, batch: int = 500) -> int:
    """Complete active relationships whose programme ended before ``today``; one batch."""
    async with db.transaction() as session:
        completed = []
        for row in await repo.active_past_programme_end(session, today, batch):
            # Conditional: another replica's worker may have completed it meanwhile.
            if await repo.update_relationship(
                session,
                row["id"],
                _ended(row, "completed", EndedBy.SYSTEM, EndReason.PROGRAMME_COMPLETED),
                only_if_status="active",
            ):
                completed.append(row)
        await add_events(
            session,
            [
                events.relationship_ended(
                    row, "completed", EndedBy.SYSTEM, EndReason.PROGRAMME_COMPLETED
                )
                for row in completed
            ],
        )
    return len(completed)


def new_relationship(
    programme: dict[str, Any],
    *,
    mentor_id: str,
    mentees: list[tuple[str, dict[str, Any] | None]],
    format: str,
    score: float,
    run_id: str | None = None,
    request_id: str | None = None,
    started_on: dt.date | None = None,
) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """Rows of a new relationship: ``proposed``, or ``active`` from ``started_on`` when every
    member already agreed (a mentor accepting a mentee's request)."""
    at = now()
    rel_id = new_id()
    active = started_on is not None
    row = {
        "id": rel_id,
        "programme_id": programme["id"],
        "run_id": run_id,
        "request_id": request_id,
        "mentor_id": mentor_id,
        "format": format,
        "status": "active" if active else "proposed",
        "score": score,
        "created_at": at,
        "updated_at": at,
        "starts_on": started_on,
        "agreed_end_date": programme["ends_on"],
        "ended_at": None,
        "ended_by": None,
        "end_reason": None,
    }
    response: dict[str, Any] = {
        "response": "accepted" if active else "pending",
        "responded_at": at if active else None,
    }
    members = [
        {
            "relationship_id": rel_id,
            "participant_id": mentor_id,
            "role": "mentor",
            "explanation": None,
            **response,
        }
    ]
    members += [
        {
            "relationship_id": rel_id,
            "participant_id": mentee_id,
            "role": "mentee",
            "explanation": explained,
            **response,
        }
        for mentee_id, explained in mentees
    ]
    return row, members
