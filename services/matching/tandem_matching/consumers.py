"""Events the matching service consumes: none yet.

``analytics.relationship.at_risk`` (offer re-matching for an at-risk relationship)
will be handled here once the analytics service publishes it; until then
``DEFINITION.consumes`` is empty and no consumer runs.
"""

from __future__ import annotations

from tandem_kit.kafka import Handlers
from tandem_kit.runtime import Runtime
from tandem_matching.settings import MatchingSettings


def build_handlers(runtime: Runtime[MatchingSettings]) -> Handlers:
    return Handlers()
