"""Events analytics consumes, each mapped to its use case (run in the inbox's transaction).

Programmes, participants' contacts, withdrawals and erasures go to the kit's directory
(matching's topic and the compacted contacts topic); every other event of matching,
messaging and meetings is kept and folded into the read models
(``service/readmodels.py``); relationships, their ends and participants' countries
also reach check-ins (``service/check_in_relationships.py``), in the same transaction.
Runs of messages, forum posts, agreements, meetings and goals have a batch handler
(``service/readmodel_batches.py``) that leaves what the one-by-one handler leaves.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy.ext.asyncio import AsyncSession

from tandem_analytics.service import (
    check_in_relationships,
    erasure,
    match_weights,
    readmodel_batches,
    readmodels,
    risk_flags,
)
from tandem_analytics.service.context import Context
from tandem_analytics.settings import AnalyticsSettings
from tandem_contracts import EVENT_TYPES, Envelope, Event
from tandem_contracts.matching import (
    MatchProposed,
    ParticipantRegistered,
    ParticipantUpdated,
    ProgrammeCreated,
    RelationshipEnded,
    RelationshipStarted,
)
from tandem_kit.directory import Erasure, register_directory
from tandem_kit.kafka import BatchContext, HandlerContext, Handlers
from tandem_kit.runtime import Runtime


async def consumed(event: Event, hc: HandlerContext) -> None:
    await readmodels.consume(hc.session, hc.envelope, event)
    await _beside_read_models(hc.session, hc.envelope, event)


async def _beside_read_models(session: AsyncSession, envelope: Envelope, event: Event) -> None:
    """What an event does besides the read models (the event as it came, unscrubbed)."""
    if isinstance(event, RelationshipEnded):
        # Its flag clears at the end's event time (the envelope's: the event has no other).
        await risk_flags.relationship_ended(session, event.relationship_id, envelope.time)
    # learned match weights: a proposal's criterion scores, then its outcome
    if isinstance(event, MatchProposed):
        await match_weights.match_proposed(session, event)
    elif isinstance(event, RelationshipEnded):
        await match_weights.relationship_ended(session, event, envelope.time)
    # Check-ins keep their own copy of relationships and members, for scheduling.
    if isinstance(event, RelationshipStarted):
        await check_in_relationships.relationship_started(session, event)
    elif isinstance(event, RelationshipEnded):
        await check_in_relationships.relationship_ended(session, event, envelope.time)
    elif isinstance(event, ParticipantRegistered | ParticipantUpdated):
        await check_in_relationships.profile_stated(session, event)


async def consumed_together(events: Sequence[Event], bc: BatchContext) -> None:
    """What ``consumed`` does for each of a run's events: the read models for the run, then
    each event's other effects. Only for ``readmodel_batches.BATCHED``, whose other
    effects (check-ins' copy) read neither the read models nor the event store, so that
    doing them after the run's read models leaves what doing them in turn leaves."""
    await readmodel_batches.consume_many(bc.session, bc.envelopes, events)
    for event, envelope in zip(events, bc.envelopes, strict=True):
        await _beside_read_models(bc.session, envelope, event)


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
