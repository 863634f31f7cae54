"""Use cases of check-ins: the worker's due rounds, a member's answers (the API with her
token, or a one-click link), and the manager's figures."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from uuid import UUID

from sqlalchemy.ext.asyncio import AsyncSession

from tandem_analytics.adapters import check_in_plans as plan_repo
from tandem_analytics.adapters import check_in_relationships as relationship_repo
from tandem_analytics.adapters import check_ins as repo
from tandem_analytics.domain.check_in_plans import SCALE
from tandem_analytics.domain.check_ins import (
    MIN_GROUP,
    Answer,
    AnswerInvalid,
    CheckIn,
    RoundFigures,
    check_answers,
    due_rounds,
    summarise,
)
from tandem_analytics.service import check_in_links as links
from tandem_analytics.service import check_in_mails as mails
from tandem_analytics.service import check_in_sealing as sealing
from tandem_analytics.service import outcomes
from tandem_analytics.service.check_in_access import manager_of, members_only
from tandem_analytics.service.context import Context
from tandem_kit.auth import Principal
from tandem_kit.errors import BadRequest, Conflict, NotFound, Unprocessable

# Check-in ids are derived from what they are, so two workers make the same row.
_IDS = uuid.UUID("5b0f7f3e-3c1e-4f55-9a51-0d6c2b7c1a10")


@dataclass(frozen=True, slots=True)
class CheckInView:
    check_in: CheckIn
    answered: tuple[str, ...]
    open_until: datetime


@dataclass(frozen=True, slots=True)
class LinkView:
    """What a link does: answer ``question`` with ``value``, or record ``status``."""

    what: str
    item_id: UUID
    question: str | None
    value: int | None
    status: str | None
    used: bool
    expires_at: datetime


def no_check_in() -> NotFound:
    return NotFound("No such check-in.", code="check_in_not_found")


def _open_until(ctx: Context, check_in: CheckIn) -> datetime:
    return check_in.created_at + timedelta(days=ctx.settings.check_in_link_lifetime_days)


async def send_due(ctx: Context, now: datetime) -> int:
    """Create and mail every member's due check-ins (idempotent: one per member and
    round); forget link nonces whose links have expired."""
    created = 0
    async with ctx.database.transaction() as session:
        plans = {p.programme_id: p for p in await plan_repo.every_plan(session)}
        for relationship in await relationship_repo.scheduled(session, list(plans)):
            plan, schedule = plans[relationship.programme_id], relationship.schedule
            assert schedule is not None  # scheduled() returns started ones only
            due = due_rounds(plan, schedule, now.date(), ctx.settings.check_in_send_window_days)
            if not due:
                continue
            existing = await repo.existing_rounds(session, relationship.id)
            for round_ in due:
                for member in relationship.members:
                    if (member.participant_id, round_.key) in existing:
                        continue
                    check_in = CheckIn(
                        id=uuid.uuid5(
                            _IDS, f"{relationship.id}/{member.participant_id}/{round_.key}"
                        ),
                        programme_id=relationship.programme_id,
                        relationship_id=relationship.id,
                        participant_id=member.participant_id,
                        round_key=round_.key,
                        kind=round_.kind,
                        questions=plan.questions(round_.kind),
                        due_on=round_.due_on,
                        created_at=now,
                    )
                    if await repo.create(session, check_in):
                        await mails.mail_check_in(ctx, session, plan, check_in, now)
                        created += 1
        await repo.forget_expired_nonces(session, now)
    return created


async def _own(session: AsyncSession, principal: Principal, check_in: CheckIn) -> None:
    """The caller is the check-in's member (her token still granting her role); else 403
    to the programme's managers, 404 to anyone else."""
    if check_in.relationship_id is not None and check_in.participant_id is not None:
        relationship = await relationship_repo.by_id(session, check_in.relationship_id)
        member = relationship.member(principal.subject) if relationship else None
        if (
            member is not None
            and member.participant_id == check_in.participant_id
            and principal.acts_as(member.role, check_in.programme_id)
        ):
            return
    if principal.may_manage(check_in.programme_id):
        raise members_only()
    raise no_check_in()


async def _record(
    ctx: Context, session: AsyncSession, check_in: CheckIn, answers: dict[str, int]
) -> None:
    now = ctx.now()
    if now >= _open_until(ctx, check_in):
        raise Conflict("This check-in is closed.", code="check_in_closed")
    try:
        check_answers(check_in, answers)
    except AnswerInvalid as error:
        raise Unprocessable(
            str(error),
            code="answer_invalid",
            errors=[{"loc": f"body.answers.{error.question}", "msg": str(error), "type": "answer"}],
        ) from None
    key = await sealing.programme_key(session, ctx.settings, check_in.programme_id)
    for question, value in answers.items():
        sealed = sealing.seal_answer(key, check_in.programme_id, check_in.id, question, value)
        await repo.save_answer(session, check_in.id, question, sealed, now)


async def _view(ctx: Context, session: AsyncSession, check_in_id: UUID) -> CheckInView:
    check_in = await repo.by_id(session, check_in_id)
    assert check_in is not None
    answered = tuple(await repo.answered_questions(session, check_in_id))
    return CheckInView(check_in, answered, _open_until(ctx, check_in))


async def answer(
    ctx: Context, principal: Principal, check_in_id: UUID, answers: dict[str, int]
) -> CheckInView:
    async with ctx.database.transaction() as session:
        check_in = await repo.by_id(session, check_in_id)
        if check_in is None:
            raise no_check_in()
        await _own(session, principal, check_in)
        await _record(ctx, session, check_in, answers)
        return await _view(ctx, session, check_in_id)


async def my_check_ins(ctx: Context, principal: Principal) -> list[CheckInView]:
    """The caller's check-ins in every programme where her token grants her role."""
    async with ctx.database.transaction() as session:
        mine = await relationship_repo.memberships(session, principal.subject)
        allowed = [
            m.participant_id for m, programme in mine if principal.acts_as(m.role, programme)
        ]
        found = await repo.of_participants(session, allowed)
        return [await _view(ctx, session, c.id) for c in found]


async def _claimed_check_in(session: AsyncSession, claim: links.LinkClaim) -> tuple[CheckIn, str]:
    check_in = await repo.by_id(session, claim.item_id)
    if check_in is None or check_in.participant_id != claim.participant_id:
        raise no_check_in()  # gone, or its member was erased
    if not 0 <= claim.index < len(check_in.questions) or claim.value not in SCALE:
        raise BadRequest("This is not a check-in link.", code="link_malformed")
    return check_in, check_in.questions[claim.index]


async def preview_link(ctx: Context, token: str) -> LinkView:
    """What the link would do; changes nothing (mail scanners open links)."""
    claim = links.verify(ctx.settings, token, ctx.now())
    async with ctx.database.transaction() as session:
        used = await repo.nonce_used(session, claim.nonce)
        if claim.what is links.What.OUTCOME:
            status = await outcomes.claimed_status(session, claim)
            return LinkView("outcome", claim.item_id, None, None, status, used, claim.expires_at)
        _, question = await _claimed_check_in(session, claim)
    return LinkView("answer", claim.item_id, question, claim.value, None, used, claim.expires_at)


async def apply_link(ctx: Context, token: str) -> LinkView:
    """Apply the link once: its answer (or status) recorded, its nonce spent."""
    now = ctx.now()
    claim = links.verify(ctx.settings, token, now)
    async with ctx.database.transaction() as session:
        if claim.what is links.What.OUTCOME:
            status = await outcomes.claimed_status(session, claim)
            await _spend(session, claim, now)
            await outcomes.record_claimed(ctx, session, claim)
            return LinkView("outcome", claim.item_id, None, None, status, True, claim.expires_at)
        check_in, question = await _claimed_check_in(session, claim)
        await _spend(session, claim, now)
        await _record(ctx, session, check_in, {question: claim.value})
    return LinkView("answer", claim.item_id, question, claim.value, None, True, claim.expires_at)


async def _spend(session: AsyncSession, claim: links.LinkClaim, now: datetime) -> None:
    if not await repo.use_nonce(session, claim.nonce, now, claim.expires_at):
        raise Conflict("This link was used already.", code="link_used")


async def summary(
    ctx: Context, principal: Principal, programme_id: UUID
) -> tuple[list[RoundFigures], int]:
    """Per round: response rate; per question: figures of groups of MIN_GROUP or more."""
    manager_of(principal, programme_id)
    async with ctx.database.transaction() as session:
        asked = await repo.asked_in(session, programme_id)
        sealed = await repo.sealed_answers(session, programme_id)
        key = await sealing.programme_key(session, ctx.settings, programme_id) if sealed else b""
    answers = [
        Answer(round_key, question, sealing.open_answer(key, programme_id, cid, question, blob))
        for cid, round_key, question, blob in sealed
    ]
    return summarise(asked, answers), MIN_GROUP
