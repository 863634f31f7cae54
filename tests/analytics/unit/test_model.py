"""The learned drop-out model on a seeded simulated programme (figures, not timings).

The simulator's hazard depends on behaviour (tests/support/risk_simulation.py), so a
model of the weekly features must rank the weeks before an early end above the rest;
a random score would sit at AUC 0.5. Seeded: the same data and the same figures every
run.
"""

from __future__ import annotations

import math
from dataclasses import replace
from datetime import date
from uuid import uuid4

import pytest
from sklearn.metrics import roc_auc_score

from tandem_analytics.domain.risk_features import (
    FEATURE_NAMES,
    Outcome,
    RelationshipHistory,
    WeekRecord,
    features_at,
)
from tandem_analytics.domain.risk_model import (
    MIN_FINISHED,
    Decision,
    rules_equivalent_score,
    samples_of,
    train,
)
from tandem_contracts.analytics import RiskReasonCode
from tests.support.risk_simulation import history_of, simulate_programme


@pytest.fixture(scope="module")
def programme() -> tuple[list[RelationshipHistory], list[RelationshipHistory]]:
    simulated = simulate_programme(seed=7, cohorts=3, per_cohort=80)
    histories = [history_of(r) for r in simulated]
    earlier = [h for h, r in zip(histories, simulated, strict=True) if r.cohort < 2]
    later = [h for h, r in zip(histories, simulated, strict=True) if r.cohort == 2]
    return earlier, later


def test_the_model_beats_a_random_score_and_the_rules_on_a_later_cohort(
    programme: tuple[list[RelationshipHistory], list[RelationshipHistory]],
) -> None:
    earlier, later = programme
    training = train(earlier)
    assert training.decision is Decision.MODEL, training
    assert training.scores is not None
    assert training.scores.model_auc > training.scores.rules_auc
    assert training.model is not None

    samples = [s for h in later for s in samples_of(h)]
    labels = [s.ends_early_soon for s in samples]
    assert 0 < sum(labels) < len(labels)
    model_auc = roc_auc_score(labels, [training.model.probability(s.features) for s in samples])
    rules_auc = roc_auc_score(labels, [rules_equivalent_score(s.features) for s in samples])
    assert model_auc > 0.6
    assert model_auc > rules_auc


def test_reasons_are_the_largest_positive_contributions_in_plain_codes(
    programme: tuple[list[RelationshipHistory], list[RelationshipHistory]],
) -> None:
    earlier, later = programme
    model = train(earlier).model
    assert model is not None
    riskiest = max(
        (s for h in later for s in samples_of(h)), key=lambda s: model.probability(s.features)
    )
    reasons = model.reasons(riskiest.features)
    assert 1 <= len(reasons) <= 3
    assert len({r.code for r in reasons}) == len(reasons)  # one per plain-words code
    assert all(r.contribution > 0 for r in reasons)
    assert [r.contribution for r in reasons] == sorted(
        (r.contribution for r in reasons), reverse=True
    )
    # the contributions are coefficient x standardised value, summing to the log-odds
    i = FEATURE_NAMES.index(reasons[0].feature)
    value = riskiest.features.vector()[i]
    expected = model.coefficients[i] * (value - model.means[i]) / model.scales[i]
    assert math.isclose(reasons[0].contribution, expected)
    assert all(isinstance(r.code, RiskReasonCode) for r in reasons)


def test_with_too_little_history_the_rules_alone_apply(
    programme: tuple[list[RelationshipHistory], list[RelationshipHistory]],
) -> None:
    earlier, _ = programme
    assert train([]).decision is Decision.TOO_LITTLE_HISTORY
    few = train(earlier[: MIN_FINISHED - 1])
    assert few.decision is Decision.TOO_LITTLE_HISTORY
    assert few.model is None
    all_completed = [replace(h, outcome=Outcome.COMPLETED, ended_on=None) for h in earlier]
    assert train(all_completed).decision is Decision.TOO_LITTLE_HISTORY


def test_features_see_no_later_week() -> None:
    weeks = (
        WeekRecord(
            0,
            3,
            2,
            5.0,
            8.0,
            last_two_way_contact_day=4,
            meetings_planned=1,
            meetings_attended=1,
            face_to_face_planned=1,
            face_to_face_held=1,
        ),
        WeekRecord(1, 1, 0, None, None),
        WeekRecord(2, 0, 0, None, None, no_shows=1, meetings_planned=1, check_in_score=2.0),
    )
    history = RelationshipHistory(uuid4(), uuid4(), date(2025, 1, 6), -7.0, weeks)
    first = features_at(history, 0)
    assert first.days_since_two_way_contact == 3  # day 7 against day 4
    assert first.no_shows == 0
    assert first.check_in_score == 3.0
    third = features_at(history, 2)
    assert third.days_since_two_way_contact == 17
    assert third.share_of_weeks_with_contact == pytest.approx(1 / 3)
    assert third.meetings_attended_share == 0.5
    assert third.no_shows == 1
    assert third.check_in_score == 2.0
    assert third.time_zone_gap_hours == 7.0
    assert third.reciprocity == pytest.approx(2 / 4)
    assert third.mentor_latency == pytest.approx(math.log1p(5.0))  # the last one seen
    with pytest.raises(ValueError, match="outside the history"):
        features_at(history, 3)
