"""Events analytics consumes, each mapped to its use case (run in the inbox's transaction).

Programmes, participants' contacts, withdrawals and erasures go to the kit's directory
(matching's topic and the compacted contacts topic); every other event of matching,
messaging and meetings is kept and folded (``service/folds.py``: the read models, the
match weights' facts, check-ins' copy of relationships and countries), in the same
transaction. Runs of messages, forum posts, agreements, meetings and goals have a batch
handler (``service/readmodel_batches.py``) that leaves what the one-by-one handler leaves.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy.ext.asyncio import AsyncSession

from tandem_analytics.service import (
    erasure,
    folds,
    match_weights,
    readmodel_batches,
    readmodels,
    risk_flags,
)
from tandem_analytics.service.context import Context
from tandem_analytics.settings import AnalyticsSettings
from tandem_contracts import EVENT_TYPES, Envelope, Event
from tandem_contracts.matching import ProgrammeCreated, RelationshipEnded
from tandem_kit.directory import Erasure, register_directory
from tandem_kit.kafka import BatchContext, HandlerContext, Handlers
from tandem_kit.runtime import Runtime


async def consumed(event: Event, hc: HandlerContext) -> None:
    # What the event derives (replayed by a rebuild), then what only the live consumer does.
    await folds.fold(hc.session, hc.envelope, event)
    await _live_only(hc.session, hc.envelope, event)


async def consumed_together(events: Sequence[Event], bc: BatchContext) -> None:
    """What ``consumed`` does for each of a run's events (``readmodel_batches.BATCHED``)."""
    await folds.fold_many(bc.session, bc.envelopes, events)
    for event, envelope in zip(events, bc.envelopes, strict=True):
        await _live_only(bc.session, envelope, event)


async def _live_only(session: AsyncSession, envelope: Envelope, event: Event) -> None:
    """An end clears its open flag at the end's event time and fits the match weights
    again: their outbox events are news once, so a rebuild copies the state instead."""
    if isinstance(event, RelationshipEnded):
        await risk_flags.relationship_ended(session, event.relationship_id, envelope.time)
        await match_weights.suggest_after_end(session, event.programme_id, envelope.time)


def build_handlers(runtime: Runtime[AnalyticsSettings]) -> Handlers:
    ctx = Context.of(runtime)

    async def participant_erased(session: AsyncSession, erased: Erasure) -> None:
        await erasure.participant_erased(session, erased)

    directory = register_directory(Handlers(), clock=ctx.now, on_erased=participant_erased)
    describe = directory[ProgrammeCreated.event_type]

    # programme.created: the directory's record first, then the read models' (its
    # organisation, for the roll-up), in the one inbox transaction.
    async def programme_created(event: ProgrammeCreated, hc: HandlerContext) -> None:
        await describe(event, hc)
        await consumed(event, hc)

    handlers = Handlers().on(ProgrammeCreated, programme_created)
    for event_type, handler in directory.items():
        if event_type != ProgrammeCreated.event_type:
            handlers = handlers.on(EVENT_TYPES[event_type], handler)
    for record, tombstone in directory.tombstones.items():
        handlers = handlers.on_tombstone(EVENT_TYPES[record], tombstone)
    for event_class in readmodels.CONSUMED:
        handlers = handlers.on(event_class, consumed)
    # Runs of these types fold in one transaction with a few statements for the run.
    for event_class in readmodel_batches.BATCHED:
        handlers = handlers.on_batch(event_class, consumed_together)
    return handlers
