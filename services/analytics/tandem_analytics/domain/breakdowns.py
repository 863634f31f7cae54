"""Per-country, same- against cross-country, per-format and per-modality figures, and the
relationship facts they group (pure: the rows come from the read models)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from uuid import UUID


@dataclass(frozen=True, slots=True)
class RelationshipFacts:
    relationship_id: UUID
    format: str | None
    started_at: datetime | None
    ended_at: datetime | None
    outcome: str | None
    messages: int
    countries: frozenset[str]  # the members' countries, as far as known
    modalities: frozenset[str]  # the members' modalities, as far as known

    @property
    def modality(self) -> str:
        """online when any member meets online only, face_to_face when any requires it,
        blended otherwise."""
        if "online_only" in self.modalities:
            return "online"
        if "face_to_face" in self.modalities:
            return "face_to_face"
        return "blended"

    @property
    def reach(self) -> str:
        return "same_country" if len(self.countries) == 1 else "cross_country"


@dataclass(frozen=True, slots=True)
class Group:
    dimension: str  # country | reach | format | modality
    value: str
    relationships: int
    active: int
    completed: int
    ended_early: int
    messages: int

    @property
    def drop_out_rate(self) -> float | None:
        ended = self.completed + self.ended_early
        return self.ended_early / ended if ended else None


def _group(dimension: str, value: str, rows: list[RelationshipFacts]) -> Group:
    return Group(
        dimension,
        value,
        len(rows),
        sum(1 for r in rows if r.started_at is not None and r.ended_at is None),
        sum(1 for r in rows if r.outcome == "completed"),
        sum(1 for r in rows if r.outcome == "ended_early"),
        sum(r.messages for r in rows),
    )


def breakdowns(relationships: Iterable[RelationshipFacts]) -> list[Group]:
    """Every group of every dimension; a relationship counts in each of its countries."""
    started = [r for r in relationships if r.started_at is not None]
    keys: dict[tuple[str, str], list[RelationshipFacts]] = {}
    for r in started:
        for country in r.countries:
            keys.setdefault(("country", country), []).append(r)
        if r.countries:
            keys.setdefault(("reach", r.reach), []).append(r)
        keys.setdefault(("format", r.format or "unknown"), []).append(r)
        keys.setdefault(("modality", r.modality), []).append(r)
    return [_group(d, v, rows) for (d, v), rows in sorted(keys.items())]
