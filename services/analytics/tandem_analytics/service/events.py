"""The events analytics publishes, built here and nowhere else, from records.

A use case adds them with ``tandem_kit.outbox.add_event(session, ...)`` in its own
transaction; see docs/adding-an-event.md. Their ids derive from the flag
(``domain.risk_flags.event_id``), so an evaluation that runs twice queues one event.
"""

from __future__ import annotations

from datetime import datetime
from uuid import UUID

from tandem_analytics.domain.match_weights import SuggestedWeights
from tandem_analytics.domain.reports import Report
from tandem_analytics.domain.risk_flags import RiskFlag
from tandem_contracts.analytics import (
    ClearedBy,
    CriterionWeight,
    MatchingWeightsSuggested,
    ProgrammeReportReady,
    RelationshipAtRisk,
    RelationshipRiskCleared,
)


def relationship_at_risk(
    flag: RiskFlag, *, nudge_members: bool, score: float | None = None
) -> RelationshipAtRisk:
    return RelationshipAtRisk(
        programme_id=flag.programme_id,
        relationship_id=flag.relationship_id,
        flag_id=flag.id,
        source=flag.source,
        score=score,
        reasons=list(flag.reasons),
        flagged_at=flag.raised_at,
        nudge_members=nudge_members,
    )


def relationship_risk_cleared(
    flag: RiskFlag, cleared_by: ClearedBy, at: datetime
) -> RelationshipRiskCleared:
    return RelationshipRiskCleared(
        programme_id=flag.programme_id,
        relationship_id=flag.relationship_id,
        flag_id=flag.id,
        cleared_by=cleared_by,
        cleared_at=at,
    )


# --- learned match weights ----------------------------------------------------------
def matching_weights_suggested(
    programme_id: UUID, suggestion_id: UUID, suggested: SuggestedWeights
) -> MatchingWeightsSuggested:
    """``current`` is left to matching, which holds the programme's weights."""
    return MatchingWeightsSuggested(
        programme_id=programme_id,
        suggestion_id=suggestion_id,
        weights=[CriterionWeight(criterion=c, suggested=w) for c, w in suggested.weights],
        relationships_used=suggested.relationships_used,
        outcome="completion",
    )


# --- weekly reports -------------------------------------------------------------------
def programme_report_ready(report: Report) -> ProgrammeReportReady:
    return ProgrammeReportReady(
        programme_id=report.programme_id,
        report_id=report.id,
        period_start=report.week.start,
        period_end=report.week.end,
    )
