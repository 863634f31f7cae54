"""The programme figures analytics exports to Prometheus, and the bound on their series.

A figure is labelled by programme and country only (never a person or a relationship),
so its series are the programme x country pairs; ``bounded`` keeps at most a configured
number of them, the largest programmes first, so a platform with many small programmes
cannot flood Prometheus.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from uuid import UUID


@dataclass(frozen=True, slots=True)
class ProgrammeFigures:
    """One programme's figures for the relationships whose mentee lives in ``country``.

    Counts add up over countries; the response-time quantiles are the country's own
    (None: no reply measured yet).
    """

    programme_id: UUID
    country: str
    started_relationships: int = 0
    active_relationships: int = 0
    at_risk_relationships: int = 0
    ended_early_relationships: int = 0
    completed_relationships: int = 0
    messages_last_week: int = 0
    meetings_online: int = 0
    meetings_face_to_face: int = 0
    response_time_p50_seconds: float | None = None
    response_time_p90_seconds: float | None = None
    isolated_participants: int = 0
    checkins_sent: int = 0
    checkins_answered: int = 0


@dataclass(frozen=True, slots=True)
class Bounded:
    kept: tuple[ProgrammeFigures, ...]
    dropped: int


def bounded(figures: Sequence[ProgrammeFigures], max_series: int) -> Bounded:
    """At most ``max_series`` rows: whole programmes, the most relationships first.

    A programme is kept or left out whole (half a programme's countries would make its
    totals wrong); ties go to the lower programme id, so the choice is stable.
    """
    by_programme: dict[UUID, list[ProgrammeFigures]] = {}
    for row in figures:
        by_programme.setdefault(row.programme_id, []).append(row)
    order = sorted(
        by_programme.items(),
        key=lambda item: (-sum(r.started_relationships for r in item[1]), str(item[0])),
    )
    kept: list[ProgrammeFigures] = []
    for _, rows in order:
        if len(kept) + len(rows) <= max_series:
            kept.extend(sorted(rows, key=lambda r: r.country))
    return Bounded(tuple(kept), len(figures) - len(kept))
