"""Events analytics consumes, each mapped to its use case (run in the inbox's transaction).

Programmes, participants' contacts, withdrawals and erasures go to the kit's directory
(matching's topic and the compacted contacts topic); every other event of matching,
messaging and meetings is kept and folded (``service/folds.py``: the read models, the
match weights' facts, check-ins' copy of relationships and countries), in the same
transaction.
"""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from tandem_analytics.service import erasure, folds, match_weights, readmodels, risk_flags
from tandem_analytics.service.context import Context
from tandem_analytics.settings import AnalyticsSettings
from tandem_contracts import EVENT_TYPES, Event
from tandem_contracts.matching import ProgrammeCreated, RelationshipEnded
from tandem_kit.directory import Erasure, register_directory
from tandem_kit.kafka import HandlerContext, Handlers
from tandem_kit.runtime import Runtime


async def consumed(event: Event, hc: HandlerContext) -> None:
    # What the event derives (replayed by a rebuild), then what only the live consumer
    # does: an end clears its open flag at the end's event time and fits the match
    # weights again (their outbox events are news once, never replayed).
    await folds.fold(hc.session, hc.envelope, event)
    if isinstance(event, RelationshipEnded):
        await risk_flags.relationship_ended(hc.session, event.relationship_id, hc.envelope.time)
        await match_weights.suggest_after_end(hc.session, event.programme_id, hc.envelope.time)


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
    return handlers
