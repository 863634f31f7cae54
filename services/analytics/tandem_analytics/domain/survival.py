"""The share of relationships still active by programme week: the Kaplan–Meier estimator.

An early end is the event; a completed relationship is censored at its end, an active
one at now. Small and exact (a product over the weeks with events), so no library is
pulled in for it: a programme of 10,000 relationships is one sort.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from tandem_analytics.domain.breakdowns import RelationshipFacts

WEEK = timedelta(days=7)


@dataclass(frozen=True, slots=True)
class SurvivalWeek:
    week: int  # programme week since each relationship's start (0 = its first week)
    at_risk: int  # still active at the week's start
    ended_early: int  # ended early during the week
    censored: int  # completed during the week, or active and observed only until now
    share_active: float  # Kaplan–Meier: the share still active at the week's end


def durations(relationships: Iterable[RelationshipFacts], now: datetime) -> list[tuple[int, bool]]:
    """Each started relationship's weeks observed and whether it ended early."""
    out = []
    for r in relationships:
        if r.started_at is None:
            continue
        until = r.ended_at if r.ended_at is not None else now
        weeks = max(0, int((until - r.started_at) / WEEK))
        out.append((weeks, r.outcome == "ended_early"))
    return out


def kaplan_meier(observed: list[tuple[int, bool]]) -> list[SurvivalWeek]:
    if not observed:
        return []
    events = Counter(week for week, ended in observed if ended)
    censored = Counter(week for week, ended in observed if not ended)
    at_risk, share, out = len(observed), 1.0, []
    for week in range(max(week for week, _ in observed) + 1):
        if at_risk:
            share *= 1 - events[week] / at_risk
        out.append(SurvivalWeek(week, at_risk, events[week], censored[week], share))
        at_risk -= events[week] + censored[week]
    return out
