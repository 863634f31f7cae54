"""Programme plans, relationships' plans, planned activities and their proposals."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from uuid import UUID

from sqlalchemy import delete, insert, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from tandem_kit.db.bulk import insert_many
from tandem_meetings.adapters.common import insert_unless_present
from tandem_meetings.adapters.tables import (
    meetings,
    plan_proposals,
    planned_activities,
    programme_plans,
    relationship_members,
    relationship_plans,
    relationships,
)
from tandem_meetings.domain.plans import (
    Activity,
    ActivityMode,
    PlannedActivity,
    Proposal,
    activities_from_json,
    activities_json,
)
from tandem_meetings.domain.policies import Policy, policy_from_json, policy_json


@dataclass(frozen=True, slots=True)
class StoredTemplate:
    activities: tuple[Activity, ...]
    policy: Policy
    updated_at: datetime


@dataclass(frozen=True, slots=True)
class StoredRelationshipPlan:
    relationship_id: UUID
    programme_id: UUID
    activities: tuple[Activity, ...]
    time_zone: str
    adaptation: str | None
    agreement_version: int | None


# --- the programme's template -----------------------------------------------------------


async def template_of(session: AsyncSession, programme_id: UUID) -> StoredTemplate | None:
    row = (
        await session.execute(
            select(programme_plans).where(programme_plans.c.programme_id == programme_id)
        )
    ).first()
    if row is None:
        return None
    return StoredTemplate(
        activities_from_json(row.activities), policy_from_json(row.policy), row.updated_at
    )


async def save_template(
    session: AsyncSession,
    programme_id: UUID,
    activities: Sequence[Activity],
    policy: Policy,
    now: datetime,
) -> None:
    values = {"activities": activities_json(activities), "policy": policy_json(policy)}
    changed = await session.execute(
        update(programme_plans)
        .where(programme_plans.c.programme_id == programme_id)
        .values(**values, updated_at=now)
    )
    if not getattr(changed, "rowcount", 0):
        await session.execute(
            insert(programme_plans).values(programme_id=programme_id, **values, updated_at=now)
        )


# --- a relationship's plan --------------------------------------------------------------


async def add_relationship_plan(
    session: AsyncSession, plan: StoredRelationshipPlan, now: datetime
) -> bool:
    """Keep the plan unless the relationship has one (True if it is new)."""
    return await insert_unless_present(
        session,
        relationship_plans,
        {
            "relationship_id": plan.relationship_id,
            "programme_id": plan.programme_id,
            "activities": activities_json(plan.activities),
            "time_zone": plan.time_zone,
            "adaptation": plan.adaptation,
            "agreement_version": plan.agreement_version,
            "created_at": now,
            "updated_at": now,
        },
        ["relationship_id"],
    )


async def add_relationship_plans(
    session: AsyncSession, plans: Sequence[StoredRelationshipPlan], now: datetime
) -> None:
    """Plans of relationships new in this transaction, in one statement (one that has a
    plan already fails it: the batch is then handled start by start)."""
    if plans:
        await insert_many(
            session,
            relationship_plans,
            [
                {
                    "relationship_id": plan.relationship_id,
                    "programme_id": plan.programme_id,
                    "activities": activities_json(plan.activities),
                    "time_zone": plan.time_zone,
                    "adaptation": plan.adaptation,
                    "agreement_version": plan.agreement_version,
                    "created_at": now,
                    "updated_at": now,
                }
                for plan in plans
            ],
        )


async def relationship_plan(
    session: AsyncSession, relationship_id: UUID
) -> StoredRelationshipPlan | None:
    row = (
        await session.execute(
            select(relationship_plans).where(
                relationship_plans.c.relationship_id == relationship_id
            )
        )
    ).first()
    if row is None:
        return None
    return StoredRelationshipPlan(
        relationship_id=row.relationship_id,
        programme_id=row.programme_id,
        activities=activities_from_json(row.activities),
        time_zone=row.time_zone,
        adaptation=row.adaptation,
        agreement_version=row.agreement_version,
    )


async def follow_agreement(
    session: AsyncSession, relationship_id: UUID, version: int, cadence_days: int, now: datetime
) -> None:
    """The relationship follows this agreement version's cadence from now on."""
    await session.execute(
        update(relationships)
        .where(relationships.c.id == relationship_id)
        .values(cadence_days=cadence_days)
    )
    await session.execute(
        update(relationship_plans)
        .where(relationship_plans.c.relationship_id == relationship_id)
        .values(agreement_version=version, updated_at=now)
    )


async def plans_with_member(session: AsyncSession, participant_id: UUID) -> list[UUID]:
    """The active relationships with a plan that this participant is a member of."""
    rows = await session.execute(
        select(relationship_plans.c.relationship_id)
        .join(
            relationship_members,
            relationship_members.c.relationship_id == relationship_plans.c.relationship_id,
        )
        .join(relationships, relationships.c.id == relationship_plans.c.relationship_id)
        .where(
            relationship_members.c.participant_id == participant_id,
            relationships.c.status == "active",
        )
    )
    return [row.relationship_id for row in rows]


async def save_adaptation(
    session: AsyncSession,
    relationship_id: UUID,
    adaptation: str | None,
    activities: Sequence[PlannedActivity],
    now: datetime,
) -> None:
    """The relationship's adaptation now, and the activities' modes that follow from it."""
    await session.execute(
        update(relationship_plans)
        .where(relationship_plans.c.relationship_id == relationship_id)
        .values(adaptation=adaptation, updated_at=now)
    )
    for a in activities:
        await session.execute(
            update(planned_activities)
            .where(planned_activities.c.id == a.id)
            .values(mode=a.mode.value, adaptation=a.adaptation)
        )


# --- planned activities -----------------------------------------------------------------


def _planned(row: Any) -> PlannedActivity:
    return PlannedActivity(
        id=row.id,
        relationship_id=row.relationship_id,
        programme_id=row.programme_id,
        key=row.activity_key,
        occurrence=row.occurrence,
        name=row.name,
        planned_mode=ActivityMode(row.planned_mode),
        mode=ActivityMode(row.mode),
        duration_minutes=row.duration_minutes,
        window_start=row.window_start,
        window_end=row.window_end,
        repeats=row.repeats,
        adaptation=row.adaptation,
        created_at=row.created_at,
    )


def _planned_row(activity: PlannedActivity) -> dict[str, Any]:
    return {
        "id": activity.id,
        "relationship_id": activity.relationship_id,
        "programme_id": activity.programme_id,
        "activity_key": activity.key,
        "occurrence": activity.occurrence,
        "name": activity.name,
        "planned_mode": activity.planned_mode.value,
        "mode": activity.mode.value,
        "duration_minutes": activity.duration_minutes,
        "window_start": activity.window_start,
        "window_end": activity.window_end,
        "repeats": activity.repeats,
        "adaptation": activity.adaptation,
        "created_at": activity.created_at,
    }


async def add_planned(session: AsyncSession, activities: Sequence[PlannedActivity]) -> None:
    """All of them in one statement (a relationship's start writes a dozen at once)."""
    if activities:
        await insert_many(session, planned_activities, [_planned_row(a) for a in activities])


async def planned_of(session: AsyncSession, relationship_id: UUID) -> list[PlannedActivity]:
    rows = await session.execute(
        select(planned_activities)
        .where(planned_activities.c.relationship_id == relationship_id)
        .order_by(
            planned_activities.c.window_start,
            planned_activities.c.activity_key,
            planned_activities.c.occurrence,
        )
    )
    return [_planned(row) for row in rows]


async def planned_by_id(session: AsyncSession, activity_id: UUID) -> PlannedActivity | None:
    row = (
        await session.execute(
            select(planned_activities).where(planned_activities.c.id == activity_id)
        )
    ).first()
    return _planned(row) if row is not None else None


async def remove_planned(session: AsyncSession, activity_ids: Sequence[UUID]) -> None:
    if activity_ids:
        ids = list(activity_ids)
        await session.execute(
            delete(plan_proposals).where(plan_proposals.c.planned_activity_id.in_(ids))
        )
        await session.execute(delete(planned_activities).where(planned_activities.c.id.in_(ids)))


async def scheduled_for(
    session: AsyncSession, relationship_id: UUID
) -> dict[UUID, tuple[UUID, datetime, datetime]]:
    """Planned activity id → its scheduled meeting (id, start, end): the latest one."""
    rows = await session.execute(
        select(
            meetings.c.planned_activity_id, meetings.c.id, meetings.c.starts_at, meetings.c.ends_at
        )
        .where(
            meetings.c.relationship_id == relationship_id,
            meetings.c.planned_activity_id.is_not(None),
            meetings.c.status == "scheduled",
        )
        .order_by(meetings.c.starts_at)
    )
    return {row.planned_activity_id: (row.id, row.starts_at, row.ends_at) for row in rows}


# --- proposals --------------------------------------------------------------------------


async def add_proposals(session: AsyncSession, proposals: Sequence[Proposal]) -> None:
    if proposals:
        await insert_many(
            session,
            plan_proposals,
            [
                {
                    "planned_activity_id": p.planned_activity_id,
                    "rank": p.rank,
                    "starts_at": p.starts_at,
                    "ends_at": p.ends_at,
                }
                for p in proposals
            ],
        )


async def proposals_of(
    session: AsyncSession, activity_ids: Iterable[UUID]
) -> dict[UUID, list[Proposal]]:
    ids = list(activity_ids)
    found: dict[UUID, list[Proposal]] = defaultdict(list)
    if not ids:
        return found
    rows = await session.execute(
        select(plan_proposals)
        .where(plan_proposals.c.planned_activity_id.in_(ids))
        .order_by(plan_proposals.c.planned_activity_id, plan_proposals.c.rank)
    )
    for row in rows:
        found[row.planned_activity_id].append(
            Proposal(row.planned_activity_id, row.rank, row.starts_at, row.ends_at)
        )
    return found
