"""Use cases of employment outcomes: asking each mentee at closure and 3 and 6 months
after, her answer (the API or a one-click link), and the manager's figures by country."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any
from uuid import UUID

from sqlalchemy.ext.asyncio import AsyncSession

from tandem_analytics.adapters import check_in_plans as plan_repo
from tandem_analytics.adapters import check_in_relationships as relationship_repo
from tandem_analytics.adapters import outcomes as repo
from tandem_analytics.domain.check_in_plans import Consent
from tandem_analytics.domain.check_in_relationships import Relationship
from tandem_analytics.domain.outcomes import (
    STATUS_CODES,
    CountryFigures,
    Outcome,
    Stage,
    Status,
    current_stage,
    due_stages,
    stage_due,
    summarise,
)
from tandem_analytics.service import check_in_links as links
from tandem_analytics.service import check_in_mails as mails
from tandem_analytics.service import check_in_sealing as sealing
from tandem_analytics.service.check_in_access import manager_of, members_only
from tandem_analytics.service.context import Context
from tandem_kit.auth import Principal
from tandem_kit.errors import BadRequest, Conflict, NotFound

_IDS = uuid.UUID("0e0b1c55-2f57-4c7e-8a3e-3c3b5d1e9f21")
_STATUSES = {code: status for status, code in STATUS_CODES.items()}
_LONGEST = timedelta(days=190)  # the 6-month stage and its window


@dataclass(frozen=True, slots=True)
class OutcomeView:
    relationship_id: UUID
    stage: Stage
    due_on: date
    status: Status
    recorded_at: datetime


def no_outcome() -> NotFound:
    return NotFound("No such outcome request.", code="outcome_not_found")


def _id(relationship_id: UUID, participant_id: UUID, stage: Stage) -> UUID:
    return uuid.uuid5(_IDS, f"{relationship_id}/{participant_id}/{stage.value}")


async def _consent(session: AsyncSession, programme_id: UUID) -> Consent:
    plan = await plan_repo.of_programme(session, programme_id)
    return Consent.AGGREGATE_ONLY if plan is None else plan.consent


async def _ask(
    ctx: Context, session: AsyncSession, relationship: Relationship, mentee: UUID, stage: Stage
) -> UUID | None:
    assert relationship.ended_on is not None
    return await repo.ask(
        session,
        outcome_id=_id(relationship.id, mentee, stage),
        programme_id=relationship.programme_id,
        relationship_id=relationship.id,
        participant_id=mentee,
        stage=stage.value,
        due_on=stage_due(stage, relationship.ended_on),
        country=await relationship_repo.country_of(session, mentee),
        now=ctx.now(),
    )


async def send_due(ctx: Context, now: datetime) -> int:
    """Ask every mentee of an ended relationship at each stage's date (once each)."""
    today, window = now.date(), ctx.settings.check_in_send_window_days
    asked = 0
    async with ctx.database.transaction() as session:
        for relationship in await relationship_repo.ended_between(session, today - _LONGEST, today):
            assert relationship.ended_on is not None
            stages = due_stages(relationship.ended_on, today, window)
            if not stages:
                continue
            consent = await _consent(session, relationship.programme_id)
            for mentee in (m for m in relationship.members if m.role == "mentee"):
                for stage in stages:
                    outcome_id = await _ask(
                        ctx, session, relationship, mentee.participant_id, stage
                    )
                    if outcome_id is None:
                        continue
                    await mails.mail_outcome(
                        ctx,
                        session,
                        outcome_id=outcome_id,
                        programme_id=relationship.programme_id,
                        participant_id=mentee.participant_id,
                        stage=stage,
                        consent=consent.value,
                        now=now,
                    )
                    asked += 1
    return asked


async def _save(ctx: Context, session: AsyncSession, row: Any, status: Status) -> None:
    """Seal and keep the status, with the mentee's country as her profile states it now."""
    programme_id, outcome_id, country = row.programme_id, row.id, row.country
    if row.participant_id is not None:
        country = await relationship_repo.country_of(session, row.participant_id) or country
    key = await sealing.programme_key(session, ctx.settings, programme_id)
    sealed = sealing.seal_status(key, programme_id, outcome_id, status.value)
    await repo.record(session, outcome_id, sealed, country, ctx.now())


async def record(
    ctx: Context,
    principal: Principal,
    relationship_id: UUID,
    status: Status,
    stage: Stage | None,
) -> OutcomeView:
    """The caller's (a mentee's) status for the relationship, at ``stage`` or the latest
    stage whose date has come."""
    async with ctx.database.transaction() as session:
        relationship = await relationship_repo.by_id(session, relationship_id)
        if relationship is None:
            raise NotFound("No such relationship.", code="relationship_not_found")
        me = relationship.member(principal.subject)
        if me is None or not principal.acts_as(me.role, relationship.programme_id):
            if principal.may_manage(relationship.programme_id):
                raise members_only()
            raise NotFound("No such relationship.", code="relationship_not_found")
        if me.role != "mentee":
            raise Conflict("Mentees record their employment outcome.", code="mentees_only")
        if relationship.ended_on is None:
            raise Conflict("The relationship has not ended yet.", code="relationship_not_closed")
        today = ctx.now().date()
        stage = stage or current_stage(relationship.ended_on, today)
        if stage_due(stage, relationship.ended_on) > today:
            raise Conflict(f"The {stage.value} follow-up is not due yet.", code="stage_not_due")
        await _ask(ctx, session, relationship, me.participant_id, stage)
        row = await repo.of_stage(session, relationship.id, me.participant_id, stage.value)
        await _save(ctx, session, row, status)
        return OutcomeView(relationship.id, stage, row.due_on, status, ctx.now())


async def claimed_status(session: AsyncSession, claim: links.LinkClaim) -> str:
    row = await repo.row(session, claim.item_id)
    if row is None or row.participant_id != claim.participant_id:
        raise no_outcome()  # gone, or its mentee was erased
    status = _STATUSES.get(claim.value)
    if status is None:
        raise BadRequest("This is not a check-in link.", code="link_malformed")
    return status.value


async def record_claimed(ctx: Context, session: AsyncSession, claim: links.LinkClaim) -> None:
    row = await repo.row(session, claim.item_id)
    await _save(ctx, session, row, _STATUSES[claim.value])


async def summary(ctx: Context, principal: Principal, programme_id: UUID) -> list[CountryFigures]:
    manager_of(principal, programme_id)
    async with ctx.database.transaction() as session:
        rows = await repo.of_programme(session, programme_id)
        key = await sealing.programme_key(session, ctx.settings, programme_id) if rows else b""
    found = [
        Outcome(
            id=r.id,
            programme_id=r.programme_id,
            relationship_id=r.relationship_id,
            participant_id=r.participant_id,
            stage=Stage(r.stage),
            due_on=r.due_on,
            country=r.country,
            status=None
            if r.status is None
            else Status(sealing.open_status(key, programme_id, r.id, r.status)),
            recorded_at=r.recorded_at,
        )
        for r in rows
    ]
    return summarise(found)
