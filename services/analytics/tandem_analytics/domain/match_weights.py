"""Suggested match weights: how each criterion's score relates to completion.

``match.proposed`` carries each soft criterion's own score (0-1, before its weight).
Over a programme's finished relationships, a logistic regression of "completed" (against
"ended early") on the standardised criterion scores says how much a standard deviation
of each criterion moves the odds of completing. The suggested weight of a criterion is
its positive coefficient's share of all positive coefficients: a criterion that does not
go with completion (zero or negative) is suggested at 0. It is a suggestion on observed
data, not a cause: the manager sees it beside the current weights and decides.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
from sklearn.linear_model import LogisticRegression

MIN_FINISHED = 20
MIN_EACH_OUTCOME = 5
CHANGE_WORTH_PUBLISHING = 0.01  # a suggestion moving no weight by more than this is the same


@dataclass(frozen=True, slots=True)
class FinishedMatch:
    scores: Mapping[str, float]
    completed: bool


@dataclass(frozen=True, slots=True)
class SuggestedWeights:
    weights: tuple[tuple[str, float], ...]  # (criterion, weight), weights summing to 1
    coefficients: tuple[tuple[str, float], ...]  # per standard deviation, log-odds
    relationships_used: int


def suggest(finished: Sequence[FinishedMatch]) -> SuggestedWeights | None:
    """None while there are too few finished relationships (or of one outcome only), or
    when no criterion goes with completion."""
    usable = [f for f in finished if f.scores]
    completed = sum(1 for f in usable if f.completed)
    if len(usable) < MIN_FINISHED or min(completed, len(usable) - completed) < MIN_EACH_OUTCOME:
        return None
    criteria = sorted({name for f in usable for name in f.scores})
    # a criterion a relationship's proposal did not score counts as its programme mean
    x = np.array([[f.scores.get(c, np.nan) for c in criteria] for f in usable], dtype=float)
    means = np.nanmean(x, axis=0)
    x = np.where(np.isnan(x), means, x)
    scales = x.std(axis=0)
    varied = scales > 1e-9
    z = np.zeros_like(x)
    z[:, varied] = (x[:, varied] - means[varied]) / scales[varied]
    y = np.array([int(f.completed) for f in usable])
    coefficients = LogisticRegression(C=1.0, max_iter=2000).fit(z, y).coef_[0]
    coefficients = np.where(varied, coefficients, 0.0)
    positive = np.clip(coefficients, 0.0, None)
    if positive.sum() <= 0:
        return None
    weights = positive / positive.sum()
    return SuggestedWeights(
        tuple((c, round(float(w), 4)) for c, w in zip(criteria, weights, strict=True)),
        tuple((c, round(float(k), 4)) for c, k in zip(criteria, coefficients, strict=True)),
        len(usable),
    )


def worth_publishing(new: SuggestedWeights, last: Mapping[str, float] | None) -> bool:
    if last is None:
        return True
    names = {c for c, _ in new.weights} | set(last)
    now = dict(new.weights)
    return any(abs(now.get(c, 0.0) - last.get(c, 0.0)) > CHANGE_WORTH_PUBLISHING for c in names)
