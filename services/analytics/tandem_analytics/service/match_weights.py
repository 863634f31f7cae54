"""Learn match weights from finished relationships and publish them as a suggestion.

``match.proposed`` gives a relationship's criterion scores, ``relationship.ended`` its
outcome (in either order: a replay or a reordering gives the same rows). After each end,
once the programme has enough finished relationships, the weights are fitted again and
published (``matching.weights.suggested``) when they moved since the last suggestion.
The suggestion id is derived from the programme and the relationships used, so a
redelivered end that changes nothing publishes nothing, and a replay the same ids.
"""

from __future__ import annotations

import asyncio
from datetime import datetime
from uuid import NAMESPACE_URL, UUID, uuid5

from sqlalchemy.ext.asyncio import AsyncSession

from tandem_analytics.adapters import match_weights as repo
from tandem_analytics.domain.match_weights import suggest, worth_publishing
from tandem_analytics.service import events
from tandem_contracts.matching import MatchProposed, RelationshipEnded
from tandem_kit.outbox import add_event

_SUGGESTIONS = uuid5(NAMESPACE_URL, "tandem:analytics:match-weights")


async def match_proposed(session: AsyncSession, event: MatchProposed) -> None:
    if event.criterion_scores:  # older producers carry none: nothing to learn from
        await repo.set_scores(
            session, event.relationship_id, event.programme_id, event.criterion_scores
        )


async def outcome_recorded(session: AsyncSession, event: RelationshipEnded) -> None:
    """The end's outcome beside the scores (a fact of the event: a rebuild replays it)."""
    completed = event.outcome == "completed"
    await repo.set_outcome(session, event.relationship_id, event.programme_id, completed)


async def suggest_after_end(session: AsyncSession, programme_id: UUID, at: datetime) -> None:
    """Fit again and publish if the weights moved (live only: a rebuild copies the last
    suggestion instead of publishing it again). ``at``: the end event's own time."""
    finished = await repo.finished_of(session, programme_id)
    suggested = await asyncio.to_thread(suggest, finished)
    if suggested is None:
        return
    if not worth_publishing(suggested, await repo.last_suggestion(session, programme_id)):
        return
    suggestion_id = uuid5(_SUGGESTIONS, f"{programme_id}:{suggested.relationships_used}")
    weights = dict(suggested.weights)
    await repo.save_suggestion(
        session, programme_id, suggestion_id, weights, suggested.relationships_used, at
    )
    await add_event(
        session,
        events.matching_weights_suggested(programme_id, suggestion_id, suggested),
        event_id=suggestion_id,
    )
