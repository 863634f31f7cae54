"""What analytics derives from one consumed event: the part a rebuild replays.

The read models (``service/readmodels.py``, which also keeps the event in the store a
rebuild reads), the criterion scores and outcomes that match weights learn from, and
check-ins' own copy of relationships, members and countries. Nothing here publishes or
mails: what the live consumer does beyond this (a flag cleared by an end, new weights
suggested) is analytics' own state, which a rebuild copies as it stands.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy.ext.asyncio import AsyncSession

from tandem_analytics.service import (
    check_in_relationships,
    match_weights,
    readmodel_batches,
    readmodels,
)
from tandem_contracts import Envelope, Event
from tandem_contracts.matching import (
    MatchProposed,
    ParticipantRegistered,
    ParticipantUpdated,
    RelationshipEnded,
    RelationshipStarted,
)


async def fold(session: AsyncSession, envelope: Envelope, event: Event) -> None:
    await readmodels.consume(session, envelope, event)
    await _beside_read_models(session, envelope, event)


async def fold_many(
    session: AsyncSession, envelopes: Sequence[Envelope], events: Sequence[Event]
) -> None:
    """A run of ``readmodel_batches.BATCHED`` events: the read models for the run, then
    each event's other facts. Those (check-ins' copy) read neither the read models nor
    the event store, so doing them after the run leaves what doing them in turn leaves."""
    await readmodel_batches.consume_many(session, envelopes, events)
    for event, envelope in zip(events, envelopes, strict=True):
        await _beside_read_models(session, envelope, event)


async def _beside_read_models(session: AsyncSession, envelope: Envelope, event: Event) -> None:
    """What an event derives besides the read models (the event as it came, unscrubbed)."""
    if isinstance(event, MatchProposed):
        await match_weights.match_proposed(session, event)
    elif isinstance(event, RelationshipStarted):
        await check_in_relationships.relationship_started(session, event)
    elif isinstance(event, RelationshipEnded):
        await match_weights.outcome_recorded(session, event)
        await check_in_relationships.relationship_ended(session, event, envelope.time)
    elif isinstance(event, ParticipantRegistered | ParticipantUpdated):
        await check_in_relationships.profile_stated(session, event)
