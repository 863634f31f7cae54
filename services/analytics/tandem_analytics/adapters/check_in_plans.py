"""The SQL of programmes' check-in plans and of their data keys."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from uuid import UUID

from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncSession

from tandem_analytics.adapters.tables import check_in_keys, check_in_plans
from tandem_analytics.domain.check_in_plans import CheckInPlan, Consent, OwnQuestion
from tandem_kit.crypto import Sealed


def _insert(session: AsyncSession, table: Any) -> Any:
    if session.get_bind().dialect.name == "postgresql":
        return postgresql_insert(table)
    return sqlite_insert(table)


def _to_json(plan: CheckInPlan) -> dict[str, Any]:
    return {
        "pulse_every_weeks": plan.pulse_every_weeks,
        "pulse_questions": list(plan.pulse_questions),
        "midpoint": plan.midpoint,
        "final": plan.final,
        "own_questions": [{"id": q.id, "texts": dict(q.texts)} for q in plan.own_questions],
        "consent": plan.consent.value,
        "languages": list(plan.languages),
    }


def _from_json(programme_id: UUID, raw: dict[str, Any]) -> CheckInPlan:
    return CheckInPlan(
        programme_id=programme_id,
        pulse_every_weeks=raw["pulse_every_weeks"],
        pulse_questions=tuple(raw["pulse_questions"]),
        midpoint=raw["midpoint"],
        final=raw["final"],
        own_questions=tuple(OwnQuestion(q["id"], dict(q["texts"])) for q in raw["own_questions"]),
        consent=Consent(raw["consent"]),
        languages=tuple(raw["languages"]),
    )


async def save(session: AsyncSession, plan: CheckInPlan, now: datetime) -> None:
    raw = _to_json(plan)
    statement = _insert(session, check_in_plans).values(
        programme_id=plan.programme_id, plan=raw, updated_at=now
    )
    await session.execute(
        statement.on_conflict_do_update(
            index_elements=["programme_id"], set_={"plan": raw, "updated_at": now}
        )
    )


async def of_programme(session: AsyncSession, programme_id: UUID) -> CheckInPlan | None:
    raw = await session.scalar(
        select(check_in_plans.c.plan).where(check_in_plans.c.programme_id == programme_id)
    )
    return None if raw is None else _from_json(programme_id, raw)


async def every_plan(session: AsyncSession) -> list[CheckInPlan]:
    rows = await session.execute(
        select(check_in_plans.c.programme_id, check_in_plans.c.plan).order_by(
            check_in_plans.c.programme_id
        )
    )
    return [_from_json(r.programme_id, r.plan) for r in rows]


async def wrapped_key(session: AsyncSession, programme_id: UUID) -> Sealed | None:
    row = (
        await session.execute(
            select(check_in_keys).where(check_in_keys.c.programme_id == programme_id)
        )
    ).one_or_none()
    return None if row is None else Sealed(row.wrapped_key_nonce, row.wrapped_key_ciphertext)


async def keep_key(session: AsyncSession, programme_id: UUID, wrapped: Sealed) -> None:
    """Store the programme's key unless another transaction stored one first."""
    await session.execute(
        _insert(session, check_in_keys)
        .values(
            programme_id=programme_id,
            wrapped_key_nonce=wrapped.nonce,
            wrapped_key_ciphertext=wrapped.ciphertext,
        )
        .on_conflict_do_nothing(index_elements=["programme_id"])
    )
