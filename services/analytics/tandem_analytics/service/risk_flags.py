"""Risk flags: the evaluation raises and clears them; managers list and dismiss them.

The evaluation (the ``risk-evaluation`` worker, one transaction per page of active
relationships) applies the programme's thresholds to each relationship's signals at
the clock's now; ``relationship.at_risk`` and ``relationship.risk_cleared`` go through
the outbox in the same transaction, with ids derived from the flag, so a page that
runs twice queues each event once. A flag ends when its reasons have gone, when the
relationship ends (at the end event's time), or when a manager dismisses it.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from uuid import UUID

from sqlalchemy.ext.asyncio import AsyncSession

from tandem_analytics.adapters import risk_flags as repo
from tandem_analytics.adapters import risk_signals
from tandem_analytics.adapters import risk_thresholds as thresholds_repo
from tandem_analytics.domain.risk_flags import RiskFlag, Step, decide, event_id, flag_id
from tandem_analytics.domain.risk_rules import RelationshipSignals, evaluate
from tandem_analytics.schemas.risk_flags import DismissalIn, RiskFlagPage, RiskFlagPublic
from tandem_analytics.service import events, risk_model_scoring
from tandem_analytics.service.context import Context
from tandem_analytics.service.risk_signals import caller_language
from tandem_analytics.service.risk_thresholds import require_manager
from tandem_analytics.service.risk_words import words_for
from tandem_analytics.settings import AnalyticsSettings
from tandem_contracts.analytics import ClearedBy, RiskSource
from tandem_kit.api import next_cursor
from tandem_kit.auth import Principal
from tandem_kit.errors import Conflict, NotFound
from tandem_kit.outbox import add_event
from tandem_kit.runtime import Runtime
from tandem_kit.workers import PeriodicWorker

PAGE = 200


async def evaluate_signals(
    session: AsyncSession, signals: Sequence[RelationshipSignals], *, day_seconds: float
) -> int:
    """Apply the rules to each relationship's signals (a threshold's day lasting
    ``day_seconds``), or the learned model where the programme's training chose it; how
    many flags were raised or cleared (a flag whose figures moved is updated too, but that
    is no news: the worker sleeps after a tick that only followed figures)."""
    ids = [s.relationship_id for s in signals]
    thresholds = await thresholds_repo.thresholds_for(session, {s.programme_id for s in signals})
    open_flags = await repo.open_flags(session, ids)
    held = await repo.held_flags(session, ids)
    as_of = max((s.as_of for s in signals), default=None)
    modelled = await risk_model_scoring.scores(session, signals, as_of) if as_of else {}
    changed = 0
    for s in signals:
        t = thresholds[s.programme_id]
        model = modelled.get(s.relationship_id)
        if model is not None:
            source, reasons, score = RiskSource.MODEL, model.reasons, model.probability
        else:
            source, reasons, score = RiskSource.RULES, evaluate(s, t, day_seconds=day_seconds), None
        current = open_flags.get(s.relationship_id)
        step = decide(current, held.get(s.relationship_id), reasons)
        if step is Step.RAISE:
            flag = RiskFlag(
                id=flag_id(s.relationship_id, s.as_of),
                relationship_id=s.relationship_id,
                programme_id=s.programme_id,
                source=source,
                reasons=reasons,
                raised_at=s.as_of,
            )
            if not await repo.insert(session, flag):
                continue
            await repo.release(session, s.relationship_id)
            event = events.relationship_at_risk(flag, nudge_members=t.nudge_members, score=score)
            await add_event(session, event, event_id=event_id(flag.id, "at_risk"))
        elif step is Step.UPDATE:
            assert current is not None
            await repo.set_reasons(session, current.id, reasons)
        elif step is Step.CLEAR:
            assert current is not None
            await _clear(session, current, ClearedBy.CONDITIONS_CLEARED, s.as_of)
        elif step is Step.RELEASE:
            await repo.release(session, s.relationship_id)
        changed += step in (Step.RAISE, Step.CLEAR)
    return changed


async def evaluation_tick(ctx: Context, now: datetime) -> int:
    """Every active relationship, a page per transaction."""
    changed, after = 0, None
    while True:
        async with ctx.database.transaction() as session:
            signals = await risk_signals.active_signals(session, now, after=after, limit=PAGE)
            changed += await evaluate_signals(
                session, signals, day_seconds=ctx.settings.risk_day_seconds
            )
        if len(signals) < PAGE:
            return changed
        after = signals[-1].relationship_id


def risk_evaluation(runtime: Runtime[AnalyticsSettings]) -> PeriodicWorker:
    ctx = Context.of(runtime)
    return PeriodicWorker(
        "risk-evaluation",
        runtime.settings.risk_evaluation_seconds,
        lambda now: evaluation_tick(ctx, now),
        clock=ctx.clock,
    )


async def relationship_ended(session: AsyncSession, relationship_id: UUID, at: datetime) -> None:
    """In the consumer's transaction: the open flag clears at the end event's time."""
    current = (await repo.open_flags(session, [relationship_id])).get(relationship_id)
    if current is not None:
        await _clear(session, current, ClearedBy.RELATIONSHIP_ENDED, at)
    await repo.release(session, relationship_id)


async def _clear(session: AsyncSession, flag: RiskFlag, by: ClearedBy, at: datetime) -> bool:
    if not await repo.clear(session, flag.id, by, at):
        return False
    event = events.relationship_risk_cleared(flag, by, at)
    await add_event(session, event, event_id=event_id(flag.id, "cleared"))
    return True


async def dismiss(
    ctx: Context,
    principal: Principal,
    programme_id: UUID,
    flag_id_: UUID,
    body: DismissalIn,
    language: str | None,
) -> RiskFlagPublic:
    require_manager(principal, programme_id)
    now = ctx.now()
    async with ctx.database.transaction() as session:
        flag = await repo.flag(session, flag_id_, for_update=True)
        if flag is None or flag.programme_id != programme_id:
            raise NotFound("No such flag in this programme.", code="flag_not_found")
        if not flag.is_open:
            raise Conflict("The flag is already cleared.", code="flag_cleared")
        await repo.clear(
            session,
            flag.id,
            ClearedBy.MANAGER_DISMISSED,
            now,
            dismissal_reason=body.reason,
            dismissed_by=principal.subject,
        )
        event = events.relationship_risk_cleared(flag, ClearedBy.MANAGER_DISMISSED, now)
        await add_event(session, event, event_id=event_id(flag.id, "cleared"))
        cleared = await repo.flag(session, flag.id)
    assert cleared is not None
    words = words_for(language or await caller_language(ctx, principal))
    return RiskFlagPublic.of(cleared, words)


async def list_flags(
    ctx: Context,
    principal: Principal,
    programme_id: UUID,
    *,
    open_only: bool,
    cursor: str | None,
    limit: int,
    language: str | None,
) -> RiskFlagPage:
    require_manager(principal, programme_id)
    async with ctx.database.transaction() as session:
        rows = await repo.page_of_programme(
            session, programme_id, open_only=open_only, cursor=cursor, limit=limit
        )
    words = words_for(language or await caller_language(ctx, principal))
    return RiskFlagPage(
        items=[RiskFlagPublic.of(flag, words) for flag in rows[:limit]],
        next_cursor=next_cursor(rows, limit, lambda f: (f.raised_at, f.id)),
    )
