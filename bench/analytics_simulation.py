"""``bench/analytics_simulation.py``: the drop-out model against the rules, on simulated data.

A simulated programme (tests/support/risk_simulation.py: its hazard is documented there)
takes in ``--cohorts`` intakes of ``--per-cohort`` pairs, 13 weeks apart. The model is
trained, with the service's own code (``risk_model.train``: earlier relationships fit,
later ones held out, the decision), on every cohort but the last; the last cohort is then
scored week by week as it would be live. Figures, for the rules and for the model:

- AUC and Brier score over the last cohort's active relationship-weeks, the label being
  "ends early within the model's horizon". The rules are the risk helper's own
  (``domain/risk_rules.py``, default thresholds) on signals built from the same events
  (``signals_at``); their score is the share of the six rules that fire, so its Brier
  score is that of an uncalibrated score;
- precision at k: each week, the manager's caseload of k highest scores among the active
  relationships, the share of them that end early within the horizon (mean over weeks;
  ties in the rules' score broken by a seeded draw);
- lead time: for each relationship that ended early, the days from its first flag
  (rules: any rule fires; model: the probability reaches its fitted threshold) to its
  end; the median, with the share of early ends flagged at all and the share of
  completed relationships ever flagged (false alarms), so that a flag-everything rule
  cannot pass for a good one.

The events are the real contract events; their weekly histories are folded from them by
event time in the simulator (analytics' read models had not landed when this was
written) and go through the service's pure feature code. Simulated data proves the
pipeline, not real-world accuracy.

Run: ``uv run python bench/analytics_simulation.py [--seed 12] [--cohorts 4]
[--per-cohort 200] [--caseload 10]``.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

from sklearn.metrics import brier_score_loss, roc_auc_score

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tandem_analytics.domain.risk_features import (
    Outcome,
    RelationshipHistory,
)
from tandem_analytics.domain.risk_model import (
    Sample,
    samples_of,
    train,
)
from tandem_analytics.domain.risk_rules import RiskThresholds, evaluate
from tests.support.risk_simulation import (
    SimulatedRelationship,
    history_of,
    signals_at,
    simulate_programme,
)

RULES = 6  # the risk helper's rules (domain/risk_rules.py), each a reason code


def rules_scorer(
    relationships: list[SimulatedRelationship],
) -> Callable[[Sample], float]:
    """The risk helper's rules at a relationship-week: the share of its rules that fire."""
    by_id = {r.relationship_id: r for r in relationships}
    thresholds = RiskThresholds()

    def scored(sample: Sample) -> float:
        reasons = evaluate(signals_at(by_id[sample.relationship_id], sample.week), thresholds)
        return len({reason.code for reason in reasons}) / RULES

    return scored


def precision_at_k(samples: list[Sample], scores: list[float], k: int, seed: int) -> float:
    tie = random.Random(seed)
    by_week: dict[int, list[tuple[float, float, bool]]] = defaultdict(list)
    for s, score in zip(samples, scores, strict=True):
        by_week[s.week].append((score, tie.random(), s.ends_early_soon))
    shares = []
    for rows in by_week.values():
        if len(rows) < k:
            continue
        top = sorted(rows, reverse=True)[:k]
        shares.append(sum(1 for row in top if row[2]) / k)
    return statistics.fmean(shares) if shares else float("nan")


def lead_times(
    histories: list[RelationshipHistory], flags: Callable[[Sample], bool]
) -> tuple[list[int], float, float]:
    """Days from the first flag to an early end; share of early ends flagged; false alarms."""
    leads: list[int] = []
    early = completed = alarmed = 0
    for history in histories:
        first = next((s for s in samples_of(history, 10**6) if flags(s)), None)
        if history.outcome is Outcome.ENDED_EARLY:
            early += 1
            if first is not None and first.days_to_end is not None:
                leads.append(first.days_to_end)
        else:
            completed += 1
            alarmed += first is not None
    return leads, len(leads) / max(early, 1), alarmed / max(completed, 1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=12)
    parser.add_argument("--cohorts", type=int, default=4)
    parser.add_argument("--per-cohort", type=int, default=200)
    parser.add_argument("--caseload", type=int, default=10, help="k of precision at k")
    args = parser.parse_args()

    began = time.perf_counter()
    simulated = simulate_programme(args.seed, args.cohorts, args.per_cohort)
    events = sum(len(r.events) for r in simulated)
    histories = [history_of(r) for r in simulated]
    last = args.cohorts - 1
    earlier = [h for h, r in zip(histories, simulated, strict=True) if r.cohort < last]
    later = [h for h, r in zip(histories, simulated, strict=True) if r.cohort == last]
    training = train(earlier)
    model = training.model
    if model is None:
        print(f"decision: {training.decision.value} (rules alone); nothing to compare")
        return
    samples = [s for h in later for s in samples_of(h)]
    y = [int(s.ends_early_soon) for s in samples]
    rules = rules_scorer([r for r in simulated if r.cohort == last])
    model_p = [model.probability(s.features) for s in samples]
    rules_p = [rules(s) for s in samples]
    rules_leads, rules_recall, rules_alarms = lead_times(later, lambda s: rules(s) > 0)
    model_leads, model_recall, model_alarms = lead_times(later, lambda s: model.flags(s.features))
    early = sum(1 for h in histories if h.outcome is Outcome.ENDED_EARLY)

    print("Drop-out risk on simulated programmes (simulated data proves the pipeline,")
    print("not real-world accuracy)")
    print(
        f"  {len(simulated)} relationships in {args.cohorts} cohorts, {events} contract events, "
        f"{early / len(histories):.0%} ended early; seed {args.seed}"
    )
    held = training.scores
    assert held is not None
    print(
        f"  trained on cohorts 0-{last - 1}: decision {training.decision.value} "
        f"(held-out within them: model AUC {held.model_auc:.3f}, the rules restated over "
        f"the weekly features {held.rules_auc:.3f}); "
        f"threshold {model.threshold:.3f}, horizon {model.horizon_weeks} weeks"
    )
    print(f"  scored cohort {last}: {len(samples)} relationship-weeks, {sum(y)} positive")
    print(f"  {'':24}{'rules':>10}{'model':>10}")
    rows = [
        ("AUC", roc_auc_score(y, rules_p), roc_auc_score(y, model_p)),
        ("Brier score", brier_score_loss(y, rules_p), brier_score_loss(y, model_p)),
        (
            f"precision at k={args.caseload}",
            precision_at_k(samples, rules_p, args.caseload, args.seed),
            precision_at_k(samples, model_p, args.caseload, args.seed),
        ),
        (
            "median lead time (days)",
            statistics.median(rules_leads) if rules_leads else float("nan"),
            statistics.median(model_leads) if model_leads else float("nan"),
        ),
        ("early ends flagged", rules_recall, model_recall),
        ("completed ever flagged", rules_alarms, model_alarms),
    ]
    for name, rules_value, model_value in rows:
        print(f"  {name:24}{rules_value:>10.3f}{model_value:>10.3f}")
    gain = rows[0][2] - rows[0][1]
    print(
        f"  targets: model AUC >= rules + 0.05: {'met' if gain >= 0.05 else 'NOT met'} "
        f"({gain:+.3f}); median lead time >= 14 days: "
        f"{'met' if model_leads and statistics.median(model_leads) >= 14 else 'NOT met'}"
    )
    print(f"  took {time.perf_counter() - began:.1f} s")


if __name__ == "__main__":
    main()
