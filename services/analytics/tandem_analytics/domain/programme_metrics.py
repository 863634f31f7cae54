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


# --- from the read models ---------------------------------------------------------------

UNKNOWN_COUNTRY = "unknown"  # a relationship whose mentee's country is not known (yet)
Key = tuple[UUID, str]  # (programme, country): one series of each figure


@dataclass(frozen=True, slots=True)
class RelationshipFacts:
    """One relationship as the figures need it (from rm_relationships and its mentee)."""

    relationship_id: UUID
    programme_id: UUID
    country: str | None
    started: bool
    ended: bool
    outcome: str | None  # completed | ended_early
    at_risk: bool = False
    messages_last_week: int = 0
    meetings_online: int = 0
    meetings_face_to_face: int = 0
    response_seconds: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class ParticipantFacts:
    """A member of an active relationship: isolated when neither a contact nor the start
    of one of their relationships is within the programme's isolation days."""

    programme_id: UUID
    country: str | None
    isolated: bool


def quantile(values: Sequence[int], q: float) -> float | None:
    """The nearest-rank ``q`` quantile (the figure a manager can check by hand)."""
    if not values:
        return None
    ordered = sorted(values)
    rank = max(1, -(-len(ordered) * q // 1))  # ceil(n * q), at least the first
    return float(ordered[int(rank) - 1])


def figures_of(
    relationships: Sequence[RelationshipFacts],
    participants: Sequence[ParticipantFacts],
    programmes: Sequence[UUID] = (),
) -> list[ProgrammeFigures]:
    """Per (programme, country): counts over relationships (the mentee's country) and the
    isolated participants (their own country). A known programme with neither has one
    row of zeros (country "unknown"): a new programme shows 0 active, not nothing."""
    by_key: dict[Key, list[RelationshipFacts]] = {}
    for r in relationships:
        by_key.setdefault((r.programme_id, r.country or UNKNOWN_COUNTRY), []).append(r)
    isolated: dict[Key, int] = {}
    for p in participants:
        key = (p.programme_id, p.country or UNKNOWN_COUNTRY)
        isolated[key] = isolated.get(key, 0) + p.isolated
    keys = by_key.keys() | isolated.keys()
    seen = {programme for programme, _ in keys}
    keys |= {(programme, UNKNOWN_COUNTRY) for programme in programmes if programme not in seen}
    result = []
    for key in sorted(keys, key=lambda k: (str(k[0]), k[1])):
        mine = by_key.get(key, [])
        active = [r for r in mine if r.started and not r.ended]
        responses = [s for r in mine for s in r.response_seconds]
        result.append(
            ProgrammeFigures(
                programme_id=key[0],
                country=key[1],
                started_relationships=sum(r.started for r in mine),
                active_relationships=len(active),
                at_risk_relationships=sum(r.at_risk for r in active),
                ended_early_relationships=sum(r.outcome == "ended_early" for r in mine),
                completed_relationships=sum(r.outcome == "completed" for r in mine),
                messages_last_week=sum(r.messages_last_week for r in mine),
                meetings_online=sum(r.meetings_online for r in mine),
                meetings_face_to_face=sum(r.meetings_face_to_face for r in mine),
                response_time_p50_seconds=quantile(responses, 0.5),
                response_time_p90_seconds=quantile(responses, 0.9),
                isolated_participants=isolated.get(key, 0),
            )
        )
    return result
