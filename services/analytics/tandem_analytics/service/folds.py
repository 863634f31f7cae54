"""What analytics derives from one consumed event: the part a rebuild replays.

The read models (``service/readmodels.py``, which also keeps the event in the store a
rebuild reads), the criterion scores and outcomes that match weights learn from, and
check-ins' own copy of relationships, members and countries. Nothing here publishes or
mails: what the live consumer does beyond this (a flag cleared by an end, new weights
suggested) is analytics' own state, which a rebuild copies as it stands.
"""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from tandem_analytics.service import check_in_relationships, match_weights, readmodels
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
    if isinstance(event, MatchProposed):
        await match_weights.match_proposed(session, event)
    elif isinstance(event, RelationshipStarted):
        await check_in_relationships.relationship_started(session, event)
    elif isinstance(event, RelationshipEnded):
        await match_weights.outcome_recorded(session, event)
        await check_in_relationships.relationship_ended(session, event, envelope.time)
    elif isinstance(event, ParticipantRegistered | ParticipantUpdated):
        await check_in_relationships.profile_stated(session, event)
