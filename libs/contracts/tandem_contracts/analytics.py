"""Events published by the analytics service on ``tandem.analytics.v1``.

Codes and figures only: a flag says which rule or model feature raised it, never what a
member wrote; messaging turns the codes into the manager's words (and, if the programme
wants it, a gentle nudge to the members), matching offers re-matching when the
relationship then ends early.
"""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from typing import ClassVar
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field

from tandem_contracts.base import Event


class AnalyticsEvent(Event):
    producer: ClassVar = "analytics"


class RiskReasonCode(StrEnum):
    """Why a relationship is at risk: one code per rule, one per model feature family."""

    NO_TWO_WAY_CONTACT = "no_two_way_contact"
    MESSAGE_UNANSWERED = "message_unanswered"
    ACTIVITY_WINDOW_MISSED = "activity_window_missed"
    REPEATED_NO_SHOWS = "repeated_no_shows"
    AGREEMENT_NOT_ACCEPTED = "agreement_not_accepted"
    PARTICIPANT_ISOLATED = "participant_isolated"
    # the learned model's top contributions, by feature family
    CONTACT_DECLINING = "contact_declining"
    RESPONSE_SLOWING = "response_slowing"
    LOW_RECIPROCITY = "low_reciprocity"
    MEETINGS_BELOW_PLAN = "meetings_below_plan"
    LOW_CHECK_IN_SCORES = "low_check_in_scores"
    TIME_ZONE_GAP = "time_zone_gap"


class RiskSource(StrEnum):
    RULES = "rules"
    MODEL = "model"


class SuggestedAction(StrEnum):
    """What the manager could do about a reason (messaging words it)."""

    CONTACT_MEMBERS = "contact_members"
    REMIND_TO_REPLY = "remind_to_reply"
    HELP_SCHEDULE = "help_schedule"
    CHECK_ATTENDANCE = "check_attendance"
    HELP_AGREE = "help_agree"
    REACH_OUT_TO_PARTICIPANT = "reach_out_to_participant"
    CONSIDER_REMATCHING = "consider_rematching"


class RiskReason(BaseModel):
    """One reason: its code, the figure behind it against its threshold, an action."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    code: RiskReasonCode
    value: float | None = Field(
        default=None, description="The figure that raised it (days, hours, a count, a weight)."
    )
    threshold: float | None = Field(default=None, description="The programme's threshold.")
    participant_id: UUID | None = Field(
        default=None, description="The member the reason is about, when it is one member's."
    )
    action: SuggestedAction


class RelationshipAtRisk(AnalyticsEvent):
    """A relationship was flagged (once per flag; a flag stays until it is cleared)."""

    event_type: ClassVar = "tandem.relationship.at_risk.v1"

    relationship_id: UUID
    flag_id: UUID
    source: RiskSource
    score: float | None = Field(
        default=None, ge=0, le=1, description="The model's drop-out probability, if it flagged."
    )
    reasons: list[RiskReason] = Field(min_length=1, max_length=12)
    flagged_at: datetime = Field(description="UTC: the event time the flag was raised at.")
    nudge_members: bool = Field(
        default=False, description="The programme wants the members gently nudged."
    )


class ClearedBy(StrEnum):
    CONDITIONS_CLEARED = "conditions_cleared"
    MANAGER_DISMISSED = "manager_dismissed"
    RELATIONSHIP_ENDED = "relationship_ended"


class RelationshipRiskCleared(AnalyticsEvent):
    event_type: ClassVar = "tandem.relationship.risk_cleared.v1"

    relationship_id: UUID
    flag_id: UUID
    cleared_by: ClearedBy
    cleared_at: datetime = Field(description="UTC.")


class ProgrammeReportReady(AnalyticsEvent):
    """A programme's periodic report is ready to fetch from analytics' API."""

    event_type: ClassVar = "tandem.programme.report.ready.v1"

    report_id: UUID
    period_start: date
    period_end: date


class CriterionWeight(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    criterion: str = Field(min_length=1, max_length=64)
    current: float | None = Field(default=None, ge=0)
    suggested: float = Field(ge=0)


class MatchingWeightsSuggested(AnalyticsEvent):
    """Weights learned from the programme's finished relationships; the manager decides."""

    event_type: ClassVar = "tandem.matching.weights.suggested.v1"

    suggestion_id: UUID
    weights: list[CriterionWeight] = Field(min_length=1, max_length=32)
    relationships_used: int = Field(ge=0)
    outcome: str = Field(
        max_length=32, description="What the weights were fitted to (e.g. `completion`)."
    )
