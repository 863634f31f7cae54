"""Analytics' suggested match weights, kept and shown beside the programme's current ones.

Only the latest suggestion is kept; an older one arriving late (by its event time) does
not replace a newer one. Nothing changes the programme's weights: the manager decides
(PATCH the programme's policy).
"""

from __future__ import annotations

from datetime import datetime
from uuid import UUID

from sqlalchemy.ext.asyncio import AsyncSession

from tandem_contracts.analytics import MatchingWeightsSuggested
from tandem_kit.auth import Principal
from tandem_kit.errors import NotFound
from tandem_matching.adapters import suggested_weights as repo
from tandem_matching.domain.suggested_weights import Suggestion
from tandem_matching.schemas.suggested_weights import SuggestedWeightsPublic
from tandem_matching.service.access import manager_in
from tandem_matching.service.context import Context


async def weights_suggested(
    session: AsyncSession, event: MatchingWeightsSuggested, at: datetime
) -> None:
    """``at``: the event's own time."""
    current = await repo.latest(session, event.programme_id)
    if current is not None and current.received_at > at:
        return
    weights = {w.criterion: w.suggested for w in event.weights}
    suggestion = Suggestion(
        event.suggestion_id, weights, event.relationships_used, event.outcome, at
    )
    await repo.keep(session, event.programme_id, suggestion)


async def get_suggested(
    ctx: Context, principal: Principal, programme_id: UUID
) -> SuggestedWeightsPublic:
    async with ctx.database.transaction() as session:
        caller = await manager_in(session, principal, programme_id)
        suggestion = await repo.latest(session, programme_id)
    if suggestion is None:
        raise NotFound(
            "Analytics has suggested no weights for this programme yet.",
            code="no_suggestion",
        )
    raw = caller.programme.policy.get("weights")
    current = {str(k): float(v) for k, v in raw.items()} if isinstance(raw, dict) else {}
    return SuggestedWeightsPublic.of(suggestion, current)
