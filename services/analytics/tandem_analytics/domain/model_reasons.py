"""The learned model's reasons as a flag's reasons: a code, the figure in plain units,
and what the manager could do.

The model ranks features by how much each raised the score (``RiskModel.reasons``);
here each becomes a :class:`RiskReason` whose value a manager can read: days, hours,
a share or a count, never a standardised or logarithmic figure. A model has no
threshold per feature, so ``threshold`` stays empty.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from tandem_analytics.domain.risk_model import ModelReason
from tandem_contracts.analytics import RiskReason, RiskReasonCode, SuggestedAction

ACTIONS = {
    RiskReasonCode.CONTACT_DECLINING: SuggestedAction.CONTACT_MEMBERS,
    RiskReasonCode.RESPONSE_SLOWING: SuggestedAction.REMIND_TO_REPLY,
    RiskReasonCode.LOW_RECIPROCITY: SuggestedAction.CONTACT_MEMBERS,
    RiskReasonCode.MEETINGS_BELOW_PLAN: SuggestedAction.HELP_SCHEDULE,
    RiskReasonCode.REPEATED_NO_SHOWS: SuggestedAction.CHECK_ATTENDANCE,
    RiskReasonCode.LOW_CHECK_IN_SCORES: SuggestedAction.CONTACT_MEMBERS,
    RiskReasonCode.TIME_ZONE_GAP: SuggestedAction.HELP_SCHEDULE,
}
# Latencies are log(1 + hours) inside the model, trends their difference: shown as
# hours, and as the factor "answers take n times as long" respectively.
_LOG_HOURS = {"mentor_latency", "mentee_latency"}
_LOG_TRENDS = {"mentor_latency_trend", "mentee_latency_trend"}


def plain_value(feature: str, value: float) -> float:
    if feature in _LOG_HOURS:
        value = math.expm1(value)
    elif feature in _LOG_TRENDS:
        value = math.exp(value)
    return round(value, 2)


def risk_reasons(reasons: Sequence[ModelReason]) -> tuple[RiskReason, ...]:
    return tuple(
        RiskReason(
            code=r.code,
            value=plain_value(r.feature, r.value),
            action=ACTIONS.get(r.code, SuggestedAction.CONTACT_MEMBERS),
        )
        for r in reasons
    )
