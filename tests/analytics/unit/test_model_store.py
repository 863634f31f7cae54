"""The fitted model is stored as JSON numbers and comes back the same, or not at all."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest
from pydantic import ValidationError

from tandem_analytics.adapters.risk_model_store import training_from_json, training_to_json
from tandem_analytics.domain.risk_model import Decision, samples_of, train
from tests.support.risk_simulation import history_of, simulate_programme


def test_the_json_round_trip_keeps_every_number_and_every_score() -> None:
    histories = [history_of(r) for r in simulate_programme(seed=3, cohorts=2, per_cohort=40)]
    training = train(histories)
    assert training.decision is Decision.MODEL
    assert training.model is not None

    text = json.dumps(training_to_json(training))  # what the JSON column holds
    back = training_from_json(json.loads(text))
    assert back == training
    assert back.model is not None
    for sample in samples_of(histories[0]):
        assert back.model.probability(sample.features) == training.model.probability(
            sample.features
        )

    rules_alone = train(histories[:5])
    assert training_from_json(json.loads(json.dumps(training_to_json(rules_alone)))) == rules_alone

    body = training_to_json(training)
    with pytest.raises(ValueError, match="format"):
        training_from_json({**body, "format": 99})
    tampered = {**body, "model": {**body["model"], "coefficients": "import os"}}
    with pytest.raises(ValidationError):
        training_from_json(tampered)
    assert replace(training, decision=Decision.RULES_BETTER) != back
