"""The learned drop-out model: a discrete-time hazard fitted by logistic regression.

Every active week of a finished relationship is one sample: its features at the end of
the week, and whether the relationship ended early within the next
:data:`HORIZON_WEEKS` weeks. The fitted probability is then "ends early soon", which is
what an early flag needs (a label of "ever ends early" would mark a pair's first week as
risky for what it only does months later). Features are standardised first, so the
coefficient × standardised value of each feature is its share of the score: the
features that add most are the flag's reasons.

The model is used for a programme only where it beats the rules on held-out data: the
earliest finished relationships train, the latest are held out (a later cohort scored
by a model of earlier ones, as in real use), and both are compared by AUC on the same
samples. The rules are restated over the same weekly features
(:func:`rules_equivalent_score`), so imported histories can be compared too.

The fitted model is plain numbers (:class:`RiskModel`), so it is stored as JSON and
scored without scikit-learn; a pickle is never loaded.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from uuid import UUID

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import brier_score_loss, precision_recall_curve, roc_auc_score
from sklearn.preprocessing import StandardScaler

from tandem_analytics.domain.risk_features import (
    FEATURE_NAMES,
    Outcome,
    RelationshipHistory,
    RiskFeatures,
    features_at,
)
from tandem_contracts.analytics import RiskReasonCode

HORIZON_WEEKS = 6
MIN_FINISHED = 20  # fewer finished relationships than this: rules alone
HELD_OUT_SHARE = 0.3
TOP_REASONS = 3

# Each feature's plain-words family (the codes messaging words for the manager); the
# programme week is context, never a reason.
REASON_OF: dict[str, RiskReasonCode | None] = {
    "days_since_two_way_contact": RiskReasonCode.CONTACT_DECLINING,
    "share_of_weeks_with_contact": RiskReasonCode.CONTACT_DECLINING,
    "mentor_latency": RiskReasonCode.RESPONSE_SLOWING,
    "mentee_latency": RiskReasonCode.RESPONSE_SLOWING,
    "mentor_latency_trend": RiskReasonCode.RESPONSE_SLOWING,
    "mentee_latency_trend": RiskReasonCode.RESPONSE_SLOWING,
    "reciprocity": RiskReasonCode.LOW_RECIPROCITY,
    "meetings_attended_share": RiskReasonCode.MEETINGS_BELOW_PLAN,
    "no_shows": RiskReasonCode.REPEATED_NO_SHOWS,
    "face_to_face_mix_gap": RiskReasonCode.MEETINGS_BELOW_PLAN,
    "check_in_score": RiskReasonCode.LOW_CHECK_IN_SCORES,
    "time_zone_gap_hours": RiskReasonCode.TIME_ZONE_GAP,
    "programme_week": None,
}


@dataclass(frozen=True, slots=True)
class RulesThresholds:
    """The rules' thresholds, as the programme would set them (issue 12's defaults)."""

    no_contact_days: float = 14.0
    agreed_response_hours: float = 48.0
    no_shows: float = 2.0
    attended_share: float = 0.5


def rules_equivalent_score(
    features: RiskFeatures, thresholds: RulesThresholds = RulesThresholds()
) -> float:
    """The rules over the weekly features: the share of them that fire (0, .25, ... 1).

    No two-way contact for N days; a side answering slower than twice the agreed time;
    two no-shows; planned meetings mostly not held. A relationship is flagged by the
    rules when any fires (score > 0). The risk helper's rules work on the raw events;
    this is their restatement where only the weekly history exists (imports, the
    simulator), so the model is always compared with the same rules on the same data.
    """
    slow = math.log1p(2 * thresholds.agreed_response_hours)
    fired = (
        features.days_since_two_way_contact >= thresholds.no_contact_days,
        max(features.mentor_latency, features.mentee_latency) > slow,
        features.no_shows >= thresholds.no_shows,
        features.meetings_attended_share < thresholds.attended_share,
    )
    return sum(fired) / len(fired)


@dataclass(frozen=True, slots=True)
class Sample:
    relationship_id: UUID
    week: int
    features: RiskFeatures
    ends_early_soon: bool
    days_to_end: int | None  # ended early: days from this week's end to the end


def samples_of(history: RelationshipHistory, horizon_weeks: int = HORIZON_WEEKS) -> list[Sample]:
    """The weeks the relationship was still active at their end, labelled."""
    if history.outcome is None:
        return []
    end_day = (
        (history.ended_on - history.started_on).days
        if history.ended_on is not None
        else len(history.weeks) * 7
    )
    early = history.outcome is Outcome.ENDED_EARLY
    out: list[Sample] = []
    for week in range(len(history.weeks)):
        day_now = (week + 1) * 7
        if day_now > end_day:
            break
        left = end_day - day_now
        out.append(
            Sample(
                history.relationship_id,
                week,
                features_at(history, week),
                early and left <= horizon_weeks * 7,
                left if early else None,
            )
        )
    return out


@dataclass(frozen=True, slots=True)
class ModelReason:
    code: RiskReasonCode
    feature: str
    value: float  # the feature's own figure (days, log hours, a share, a count)
    contribution: float  # coefficient × standardised value


@dataclass(frozen=True, slots=True)
class RiskModel:
    """A fitted model as plain numbers: standardisation, coefficients, the flag threshold."""

    feature_names: tuple[str, ...]
    means: tuple[float, ...]
    scales: tuple[float, ...]
    coefficients: tuple[float, ...]
    intercept: float
    threshold: float
    horizon_weeks: int = HORIZON_WEEKS

    def _contributions(self, features: RiskFeatures) -> list[float]:
        if self.feature_names != FEATURE_NAMES:
            raise ValueError("the model was fitted on other features")
        values = features.vector()
        return [
            c * (x - m) / s
            for c, x, m, s in zip(self.coefficients, values, self.means, self.scales, strict=True)
        ]

    def probability(self, features: RiskFeatures) -> float:
        z = self.intercept + sum(self._contributions(features))
        return 1.0 / (1.0 + math.exp(-z)) if z >= 0 else math.exp(z) / (1.0 + math.exp(z))

    def flags(self, features: RiskFeatures) -> bool:
        return self.probability(features) >= self.threshold

    def reasons(self, features: RiskFeatures, top: int = TOP_REASONS) -> list[ModelReason]:
        """The features that raised the score most, one per plain-words code."""
        values = features.vector()
        ranked = sorted(
            zip(self.feature_names, values, self._contributions(features), strict=True),
            key=lambda item: item[2],
            reverse=True,
        )
        out: list[ModelReason] = []
        for name, value, contribution in ranked:
            code = REASON_OF[name]
            if contribution <= 0 or code is None or any(r.code is code for r in out):
                continue
            out.append(ModelReason(code, name, value, contribution))
            if len(out) == top:
                break
        return out


def fit(samples: Sequence[Sample]) -> RiskModel:
    """Standardise, fit, and pick the flag threshold that maximises F1 on the samples."""
    x = np.array([s.features.vector() for s in samples], dtype=float)
    y = np.array([s.ends_early_soon for s in samples], dtype=int)
    if len(set(y.tolist())) < 2:
        raise ValueError("the samples hold one outcome only")
    scaler = StandardScaler().fit(x)
    scales = np.where(scaler.scale_ > 0, scaler.scale_, 1.0)
    regression = LogisticRegression(C=1.0, max_iter=2000).fit((x - scaler.mean_) / scales, y)
    model = RiskModel(
        FEATURE_NAMES,
        tuple(float(v) for v in scaler.mean_),
        tuple(float(v) for v in scales),
        tuple(float(v) for v in regression.coef_[0]),
        float(regression.intercept_[0]),
        0.5,
    )
    probabilities = [model.probability(s.features) for s in samples]
    precision, recall, cut = precision_recall_curve(y, probabilities)
    f1 = 2 * precision * recall / np.maximum(precision + recall, 1e-12)
    best = int(np.argmax(f1[:-1])) if len(cut) else 0
    threshold = float(cut[best]) if len(cut) else 0.5
    return RiskModel(
        model.feature_names,
        model.means,
        model.scales,
        model.coefficients,
        model.intercept,
        threshold,
    )


@dataclass(frozen=True, slots=True)
class Scores:
    """AUC and Brier score of the model and of the rules on the same held-out samples."""

    samples: int
    positives: int
    model_auc: float
    rules_auc: float
    model_brier: float
    rules_brier: float


def score(
    model: RiskModel,
    samples: Sequence[Sample],
    rules: Callable[[RiskFeatures], float] = rules_equivalent_score,
) -> Scores:
    y = [int(s.ends_early_soon) for s in samples]
    model_p = [model.probability(s.features) for s in samples]
    rules_p = [rules(s.features) for s in samples]
    return Scores(
        len(y),
        sum(y),
        float(roc_auc_score(y, model_p)),
        float(roc_auc_score(y, rules_p)),
        float(brier_score_loss(y, model_p)),
        float(brier_score_loss(y, rules_p)),
    )


class Decision(StrEnum):
    MODEL = "model"  # beats the rules on held-out data
    RULES_BETTER = "rules_better"
    TOO_LITTLE_HISTORY = "too_little_history"


@dataclass(frozen=True, slots=True)
class Training:
    decision: Decision
    finished: int
    trained_on: int
    held_out: int
    scores: Scores | None
    model: RiskModel | None  # fitted on every finished relationship, when decided MODEL


def train(
    histories: Sequence[RelationshipHistory],
    rules: Callable[[RiskFeatures], float] = rules_equivalent_score,
) -> Training:
    """Fit on the earlier finished relationships, compare on the later, decide."""
    finished = sorted(
        (h for h in histories if h.outcome is not None),
        key=lambda h: (h.started_on, str(h.relationship_id)),
    )
    held = max(1, round(len(finished) * HELD_OUT_SHARE))
    earlier, later = finished[:-held], finished[-held:]
    train_samples = [s for h in earlier for s in samples_of(h)]
    test_samples = [s for h in later for s in samples_of(h)]

    def rules_alone(scores: Scores | None = None) -> Training:
        decision = Decision.TOO_LITTLE_HISTORY if scores is None else Decision.RULES_BETTER
        return Training(decision, len(finished), len(earlier), len(later), scores, None)

    if len(finished) < MIN_FINISHED or not _both(train_samples) or not _both(test_samples):
        return rules_alone()
    scores = score(fit(train_samples), test_samples, rules)
    if scores.model_auc <= scores.rules_auc:
        return rules_alone(scores)
    everything = fit(train_samples + test_samples)
    return Training(Decision.MODEL, len(finished), len(earlier), len(later), scores, everything)


def _both(samples: Sequence[Sample]) -> bool:
    return len({s.ends_early_soon for s in samples}) == 2
