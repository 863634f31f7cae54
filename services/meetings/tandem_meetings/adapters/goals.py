"""Goals and milestones of relationships."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from typing import Any
from uuid import UUID

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from tandem_contracts.meetings import GoalState
from tandem_kit.api import keyset
from tandem_kit.crypto import Sealed
from tandem_kit.db.bulk import insert_many
from tandem_meetings.adapters.common import insert_unless_present
from tandem_meetings.adapters.tables import goal_milestones, goals
from tandem_meetings.domain.goals import Goal, Milestone


def _goal(row: Any) -> Goal:
    title = (
        Sealed(row.title_nonce, row.title_ciphertext)
        if row.title_nonce is not None and row.title_ciphertext is not None
        else None
    )
    return Goal(
        id=row.id,
        relationship_id=row.relationship_id,
        programme_id=row.programme_id,
        token=row.token,
        title=title,
        target_date=row.target_date,
        state=GoalState(row.state),
        created_by=row.created_by,
        created_at=row.created_at,
        updated_at=row.updated_at,
    )


def _goal_values(goal: Goal) -> dict[str, Any]:
    return {
        "relationship_id": goal.relationship_id,
        "programme_id": goal.programme_id,
        "token": goal.token,
        "title_nonce": goal.title.nonce if goal.title else None,
        "title_ciphertext": goal.title.ciphertext if goal.title else None,
        "target_date": goal.target_date,
        "state": goal.state.value,
        "created_by": goal.created_by,
        "created_at": goal.created_at,
        "updated_at": goal.updated_at,
    }


def _milestone(row: Any) -> Milestone:
    return Milestone(
        id=row.id,
        goal_id=row.goal_id,
        relationship_id=row.relationship_id,
        title=Sealed(row.title_nonce, row.title_ciphertext),
        due_date=row.due_date,
        done=row.done,
        done_at=row.done_at,
        created_at=row.created_at,
        updated_at=row.updated_at,
    )


def _milestone_values(milestone: Milestone) -> dict[str, Any]:
    return {
        "goal_id": milestone.goal_id,
        "relationship_id": milestone.relationship_id,
        "title_nonce": milestone.title.nonce,
        "title_ciphertext": milestone.title.ciphertext,
        "due_date": milestone.due_date,
        "done": milestone.done,
        "done_at": milestone.done_at,
        "created_at": milestone.created_at,
        "updated_at": milestone.updated_at,
    }


# --- goals -------------------------------------------------------------------------------


goal_record = _goal  # for other repositories' reads (the export)


async def add_goal(session: AsyncSession, goal: Goal) -> None:
    await session.execute(goals.insert().values(id=goal.id, **_goal_values(goal)))


async def add_seeded_goal(session: AsyncSession, goal: Goal) -> bool:
    """A goal from a profile token, unless the relationship has that token already."""
    return await insert_unless_present(
        session, goals, {"id": goal.id, **_goal_values(goal)}, ["relationship_id", "token"]
    )


async def add_seeded_goals(session: AsyncSession, seeded: Sequence[Goal]) -> None:
    """Seeded goals whose tokens the caller found new, in one statement (a token seeded
    meanwhile fails it, and the caller's transaction with it)."""
    if seeded:
        await insert_many(session, goals, [{"id": g.id, **_goal_values(g)} for g in seeded])


async def save_goal(session: AsyncSession, goal: Goal) -> None:
    await session.execute(update(goals).where(goals.c.id == goal.id).values(**_goal_values(goal)))


async def goal_of(
    session: AsyncSession, relationship_id: UUID, goal_id: UUID, *, for_update: bool = False
) -> Goal | None:
    query = select(goals).where(goals.c.id == goal_id, goals.c.relationship_id == relationship_id)
    if for_update:
        query = query.with_for_update()
    row = (await session.execute(query)).first()
    return _goal(row) if row is not None else None


async def page_of_relationship(
    session: AsyncSession, relationship_id: UUID, cursor: str | None, limit: int
) -> list[Goal]:
    query = keyset(
        select(goals).where(goals.c.relationship_id == relationship_id),
        [goals.c.created_at, goals.c.id],
        cursor,
        limit,
    )
    return [_goal(row) for row in await session.execute(query)]


async def goals_of(session: AsyncSession, relationship_ids: Iterable[UUID]) -> list[Goal]:
    ids = list(relationship_ids)
    if not ids:
        return []
    rows = await session.execute(
        select(goals)
        .where(goals.c.relationship_id.in_(ids))
        .order_by(goals.c.created_at, goals.c.id)
    )
    return [_goal(row) for row in rows]


async def tokens_of(session: AsyncSession, relationship_id: UUID) -> list[str | None]:
    rows = await session.scalars(
        select(goals.c.token).where(goals.c.relationship_id == relationship_id)
    )
    return list(rows)


async def known_ids(session: AsyncSession, relationship_id: UUID, ids: Iterable[UUID]) -> set[UUID]:
    """Which of ``ids`` are goals of the relationship."""
    wanted = list(ids)
    if not wanted:
        return set()
    rows = await session.scalars(
        select(goals.c.id).where(goals.c.relationship_id == relationship_id, goals.c.id.in_(wanted))
    )
    return set(rows)


async def forget_author(session: AsyncSession, participant_id: UUID) -> None:
    """An erased member no longer stands as the one who added a goal."""
    await session.execute(
        update(goals).where(goals.c.created_by == participant_id).values(created_by=None)
    )


# --- milestones ----------------------------------------------------------------------------


async def add_milestones(session: AsyncSession, milestones: Sequence[Milestone]) -> None:
    if milestones:
        await session.execute(
            goal_milestones.insert(),
            [{"id": m.id, **_milestone_values(m)} for m in milestones],
        )


async def save_milestone(session: AsyncSession, milestone: Milestone) -> None:
    await session.execute(
        update(goal_milestones)
        .where(goal_milestones.c.id == milestone.id)
        .values(**_milestone_values(milestone))
    )


async def milestone_of(
    session: AsyncSession, goal_id: UUID, milestone_id: UUID
) -> Milestone | None:
    row = (
        await session.execute(
            select(goal_milestones).where(
                goal_milestones.c.id == milestone_id, goal_milestones.c.goal_id == goal_id
            )
        )
    ).first()
    return _milestone(row) if row is not None else None


async def milestones_of(
    session: AsyncSession, goal_ids: Iterable[UUID]
) -> Mapping[UUID, list[Milestone]]:
    found: dict[UUID, list[Milestone]] = defaultdict(list)
    ids = list(goal_ids)
    if ids:
        rows = await session.execute(
            select(goal_milestones)
            .where(goal_milestones.c.goal_id.in_(ids))
            .order_by(goal_milestones.c.created_at, goal_milestones.c.id)
        )
        for row in rows:
            found[row.goal_id].append(_milestone(row))
    return found
