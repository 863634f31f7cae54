"""Events the matching service consumes.

``analytics.matching.weights.suggested``: the latest suggestion is kept per programme and
shown to its managers beside the current weights. ``analytics.relationship.at_risk`` is
not acted on here: a flagged relationship still runs (messaging tells its manager), and
re-matching is offered when it actually ends early (:mod:`tandem_matching.service.rematching`).
"""

from __future__ import annotations

from tandem_contracts.analytics import MatchingWeightsSuggested
from tandem_kit.kafka import HandlerContext, Handlers
from tandem_kit.runtime import Runtime
from tandem_matching.service import suggested_weights
from tandem_matching.settings import MatchingSettings


def build_handlers(runtime: Runtime[MatchingSettings]) -> Handlers:
    async def weights_suggested(event: MatchingWeightsSuggested, hc: HandlerContext) -> None:
        await suggested_weights.weights_suggested(hc.session, event, hc.envelope.time)

    return Handlers().on(MatchingWeightsSuggested, weights_suggested)
