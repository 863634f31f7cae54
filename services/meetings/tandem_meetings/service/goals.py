"""Use cases of a relationship's goals: seed, list, show, add, change, milestones.

Goals are the members' business: managers get a 403 on every goal route (their view is
``manager_view``: counts and states). Titles are sealed under the relationship's key.
Every change writes ``goal.progressed`` (counts and states) in its own transaction.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import date
from uuid import UUID

from sqlalchemy.ext.asyncio import AsyncSession

from tandem_contracts.meetings import GoalState
from tandem_kit.api import Page, keyset_page
from tandem_kit.auth import Principal
from tandem_kit.crypto import Sealed, item_aad, seal_text, unseal_text
from tandem_kit.errors import Conflict, Forbidden, NotFound, Unprocessable
from tandem_kit.outbox import add_event
from tandem_meetings.adapters import goals as repo
from tandem_meetings.domain import goals as life
from tandem_meetings.domain.goals import Goal, GoalCount, GoalStateConflict, Milestone
from tandem_meetings.domain.relationships import Member, Relationship
from tandem_meetings.schemas.goals import (
    GoalCreate,
    GoalPublic,
    GoalUpdate,
    MilestoneCreate,
    MilestonePublic,
    MilestoneUpdate,
)
from tandem_meetings.service import access, events
from tandem_meetings.service.context import Context
from tandem_meetings.service.sealing import CONTENT_NAMESPACE, relationship_key

GOAL_WORDS = (
    "A relationship's goals are its members' words; managers see counts and states only "
    "(`GET /v1/relationships/{id}/manager-view`)."
)


@contextmanager
def _domain_errors() -> Iterator[None]:
    try:
        yield
    except GoalStateConflict as error:
        raise Conflict(error.detail, code=error.code) from error


def _no_goal() -> NotFound:
    return NotFound("No such goal in this relationship.", code="goal_not_found")


def _aad(goal: Goal | Milestone, kind: str) -> bytes:
    return item_aad(CONTENT_NAMESPACE, kind, goal.relationship_id, goal.id, "title")


def _seal(key: bytes, kind: str, relationship_id: UUID, item_id: UUID, text: str) -> Sealed:
    return seal_text(
        key, text, item_aad(CONTENT_NAMESPACE, kind, relationship_id, item_id, "title")
    )


def _milestone_public(key: bytes, m: Milestone) -> MilestonePublic:
    return MilestonePublic(
        id=m.id,
        goal_id=m.goal_id,
        title=unseal_text(key, m.title, _aad(m, "milestone")),
        due_date=m.due_date,
        done=m.done,
        done_at=m.done_at,
        created_at=m.created_at,
        updated_at=m.updated_at,
    )


def public(key: bytes, goal: Goal, milestones: Sequence[Milestone]) -> GoalPublic:
    """The goal with its words opened (members only: the caller holds the key)."""
    counted = life.count(goal, milestones)
    return GoalPublic(
        id=goal.id,
        relationship_id=goal.relationship_id,
        token=goal.token,
        title=unseal_text(key, goal.title, _aad(goal, "goal")) if goal.title else None,
        target_date=goal.target_date,
        state=goal.state,
        milestones=[_milestone_public(key, m) for m in milestones],
        milestones_total=counted.milestones_total,
        milestones_done=counted.milestones_done,
        created_by=goal.created_by,
        created_at=goal.created_at,
        updated_at=goal.updated_at,
    )


async def _member_of(
    session: AsyncSession, principal: Principal, relationship_id: UUID, *, write: bool
) -> tuple[Relationship, Member]:
    relationship, me = await access.relationship_party(
        session, principal, relationship_id, for_update=write
    )
    if me is None:
        raise Forbidden(GOAL_WORDS, code="members_only")
    if write and not relationship.active:
        raise Conflict(
            "This relationship has ended: its goals are kept as they were.",
            code="relationship_ended",
        )
    return relationship, me


def _check_date(relationship: Relationship, value: date | None, field: str) -> None:
    if value is not None and value < relationship.starts_on:
        raise Unprocessable(
            f"{field} is before the relationship started ({relationship.starts_on}).",
            code="date_before_start",
            errors=[
                {"loc": f"body.{field}", "msg": "before the relationship's start", "type": "date"}
            ],
        )


async def _progressed(ctx: Context, session: AsyncSession, goal: Goal) -> None:
    """``goal.progressed`` for this goal, with the relationship's counts after the change."""
    states = [g.state for g in await repo.goals_of(session, [goal.relationship_id])]
    milestones = (await repo.milestones_of(session, [goal.id])).get(goal.id, [])
    await add_event(
        session,
        events.goal_progressed(
            goal.programme_id,
            goal.relationship_id,
            life.count(goal, milestones),
            life.tally(states),
            ctx.now(),
        ),
    )


# --- seeding (relationship.started) ----------------------------------------------------------


async def seed_goals(
    ctx: Context, session: AsyncSession, relationship: Relationship, tokens: Sequence[str]
) -> list[Goal]:
    """The mentee's profile goals as the relationship's first goals, each once (a token
    already a goal is skipped, so a redelivery or a late profile adds nothing twice)."""
    now = ctx.now()
    added: list[Goal] = []
    for token in life.seed_tokens(tokens, await repo.tokens_of(session, relationship.id)):
        goal = Goal(
            id=uuid.uuid4(),
            relationship_id=relationship.id,
            programme_id=relationship.programme_id,
            token=token,
            title=None,
            target_date=None,
            state=GoalState.OPEN,
            created_by=None,
            created_at=now,
            updated_at=now,
        )
        if await repo.add_seeded_goal(session, goal):
            added.append(goal)
    for goal in added:
        await _progressed(ctx, session, goal)
    return added


# --- read ----------------------------------------------------------------------------------------


async def list_goals(
    ctx: Context, principal: Principal, relationship_id: UUID, *, cursor: str | None, limit: int
) -> Page[GoalPublic]:
    async with ctx.database.transaction() as session:
        relationship, _ = await _member_of(session, principal, relationship_id, write=False)
        rows = await repo.page_of_relationship(session, relationship.id, cursor, limit)
        milestones = await repo.milestones_of(session, [g.id for g in rows[:limit]])
        key = relationship_key(ctx.keyring, relationship)
    return keyset_page(
        rows,
        limit,
        key=lambda g: (g.created_at, g.id),
        item=lambda g: public(key, g, milestones.get(g.id, [])),
    )


async def get_goal(
    ctx: Context, principal: Principal, relationship_id: UUID, goal_id: UUID
) -> GoalPublic:
    async with ctx.database.transaction() as session:
        relationship, _ = await _member_of(session, principal, relationship_id, write=False)
        goal = await repo.goal_of(session, relationship.id, goal_id)
        if goal is None:
            raise _no_goal()
        milestones = (await repo.milestones_of(session, [goal.id])).get(goal.id, [])
        return public(relationship_key(ctx.keyring, relationship), goal, milestones)


# --- write ---------------------------------------------------------------------------------------


def _new_milestones(
    key: bytes, goal: Goal, bodies: Iterable[MilestoneCreate], ctx: Context
) -> list[Milestone]:
    now = ctx.now()
    made = []
    for body in bodies:
        milestone_id = uuid.uuid4()
        made.append(
            Milestone(
                id=milestone_id,
                goal_id=goal.id,
                relationship_id=goal.relationship_id,
                title=_seal(key, "milestone", goal.relationship_id, milestone_id, body.title),
                due_date=body.due_date,
                done=False,
                done_at=None,
                created_at=now,
                updated_at=now,
            )
        )
    return made


async def add_goal(
    ctx: Context, principal: Principal, relationship_id: UUID, body: GoalCreate
) -> GoalPublic:
    async with ctx.database.transaction() as session:
        relationship, me = await _member_of(session, principal, relationship_id, write=True)
        _check_date(relationship, body.target_date, "target_date")
        for index, milestone in enumerate(body.milestones):
            _check_date(relationship, milestone.due_date, f"milestones.{index}.due_date")
        key = relationship_key(ctx.keyring, relationship)
        now, goal_id = ctx.now(), uuid.uuid4()
        goal = Goal(
            id=goal_id,
            relationship_id=relationship.id,
            programme_id=relationship.programme_id,
            token=None,
            title=_seal(key, "goal", relationship.id, goal_id, body.title),
            target_date=body.target_date,
            state=GoalState.OPEN,
            created_by=me.participant_id,
            created_at=now,
            updated_at=now,
        )
        milestones = _new_milestones(key, goal, body.milestones, ctx)
        await repo.add_goal(session, goal)
        await repo.add_milestones(session, milestones)
        await _progressed(ctx, session, goal)
        return public(key, goal, milestones)


async def update_goal(
    ctx: Context, principal: Principal, relationship_id: UUID, goal_id: UUID, body: GoalUpdate
) -> GoalPublic:
    given = body.model_fields_set
    if not given:
        raise Unprocessable(
            "Nothing to change: give a title, a target date or a state.", code="nothing_to_change"
        )
    if "title" in given and body.title is None:
        raise Unprocessable(
            "A goal's title cannot be removed; change it instead.",
            code="title_required",
            errors=[{"loc": "body.title", "msg": "may not be null", "type": "title_required"}],
        )
    async with ctx.database.transaction() as session:
        relationship, _ = await _member_of(session, principal, relationship_id, write=True)
        goal = await repo.goal_of(session, relationship.id, goal_id, for_update=True)
        if goal is None:
            raise _no_goal()
        key = relationship_key(ctx.keyring, relationship)
        now, changed = ctx.now(), goal
        with _domain_errors():
            if given & {"title", "target_date"}:
                life.require_open_for_change(goal)
            if body.state is not None:
                changed = life.progress(changed, body.state, now)
        if "target_date" in given:
            _check_date(relationship, body.target_date, "target_date")
            changed = life.replace_dates(changed, body.target_date, now)
        if body.title is not None:
            changed = life.renamed(
                changed, _seal(key, "goal", goal.relationship_id, goal.id, body.title), now
            )
        if changed != goal:
            await repo.save_goal(session, changed)
            await _progressed(ctx, session, changed)
        milestones = (await repo.milestones_of(session, [goal.id])).get(goal.id, [])
        return public(key, changed, milestones)


async def _open_goal(session: AsyncSession, relationship: Relationship, goal_id: UUID) -> Goal:
    goal = await repo.goal_of(session, relationship.id, goal_id, for_update=True)
    if goal is None:
        raise _no_goal()
    with _domain_errors():
        life.require_open_for_change(goal)
    return goal


async def add_milestone(
    ctx: Context,
    principal: Principal,
    relationship_id: UUID,
    goal_id: UUID,
    body: MilestoneCreate,
) -> MilestonePublic:
    async with ctx.database.transaction() as session:
        relationship, _ = await _member_of(session, principal, relationship_id, write=True)
        goal = await _open_goal(session, relationship, goal_id)
        _check_date(relationship, body.due_date, "due_date")
        key = relationship_key(ctx.keyring, relationship)
        [milestone] = _new_milestones(key, goal, [body], ctx)
        await repo.add_milestones(session, [milestone])
        await _progressed(ctx, session, goal)
        return _milestone_public(key, milestone)


async def update_milestone(
    ctx: Context,
    principal: Principal,
    relationship_id: UUID,
    goal_id: UUID,
    milestone_id: UUID,
    body: MilestoneUpdate,
) -> MilestonePublic:
    given = body.model_fields_set
    if (
        not given
        or ("title" in given and body.title is None)
        or ("done" in given and body.done is None)
    ):
        raise Unprocessable(
            "Give a title, a due date (null clears it) or done (true or false).",
            code="nothing_to_change",
        )
    async with ctx.database.transaction() as session:
        relationship, _ = await _member_of(session, principal, relationship_id, write=True)
        goal = await _open_goal(session, relationship, goal_id)
        milestone = await repo.milestone_of(session, goal.id, milestone_id)
        if milestone is None:
            raise NotFound("No such milestone of this goal.", code="milestone_not_found")
        if "due_date" in given:
            _check_date(relationship, body.due_date, "due_date")
        key, now = relationship_key(ctx.keyring, relationship), ctx.now()
        changed = milestone
        if body.done is not None:
            changed = life.mark_milestone(changed, body.done, now)
        if "due_date" in given:
            changed = life.milestone_due(changed, body.due_date, now)
        if body.title is not None:
            sealed = _seal(key, "milestone", goal.relationship_id, milestone.id, body.title)
            changed = life.milestone_renamed(changed, sealed, now)
        if changed != milestone:
            await repo.save_milestone(session, changed)
            await _progressed(ctx, session, goal)
        return _milestone_public(key, changed)


# --- for the other features -----------------------------------------------------------------


async def require_agenda(
    session: AsyncSession, relationship_id: UUID, goal_ids: Sequence[UUID]
) -> None:
    """A meeting's agenda names goals of its own relationship only (else a 422)."""
    known = await repo.known_ids(session, relationship_id, goal_ids)
    unknown = [g for g in dict.fromkeys(goal_ids) if g not in known]
    if unknown:
        raise Unprocessable(
            "The agenda names goals that are not this relationship's.",
            code="unknown_agenda_goal",
            errors=[
                {"loc": "body.agenda_goal_ids", "msg": str(g), "type": "unknown_goal"}
                for g in unknown
            ],
        )


async def counts_of(
    session: AsyncSession, relationship_ids: Iterable[UUID]
) -> Mapping[UUID, list[GoalCount]]:
    """Each relationship's goals as ids, states and milestone counts (no words)."""
    found: dict[UUID, list[GoalCount]] = {rid: [] for rid in relationship_ids}
    goals = await repo.goals_of(session, found)
    milestones = await repo.milestones_of(session, [g.id for g in goals])
    for goal in goals:
        found[goal.relationship_id].append(life.count(goal, milestones.get(goal.id, [])))
    return found
