"""Suggested match weights beside the current ones, on the wire."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from uuid import UUID

from pydantic import BaseModel, Field

from tandem_matching.domain.suggested_weights import Suggestion


class WeightLine(BaseModel):
    criterion: str
    current: float | None = Field(description="The programme's weight now, normalised to sum 1.")
    suggested: float | None = Field(description="Analytics' suggestion (sums to 1).")


class SuggestedWeightsPublic(BaseModel):
    suggestion_id: UUID
    outcome: str = Field(description="What the weights were fitted to (`completion`).")
    relationships_used: int = Field(description="Finished relationships they were fitted on.")
    suggested_at: datetime
    weights: list[WeightLine]

    @classmethod
    def of(cls, suggestion: Suggestion, current: Mapping[str, float]) -> SuggestedWeightsPublic:
        total = sum(current.values())
        names = sorted(set(current) | set(suggestion.weights))
        return cls(
            suggestion_id=suggestion.suggestion_id,
            outcome=suggestion.outcome,
            relationships_used=suggestion.relationships_used,
            suggested_at=suggestion.received_at,
            weights=[
                WeightLine(
                    criterion=name,
                    current=round(current[name] / total, 4) if name in current and total else None,
                    suggested=suggestion.weights.get(name),
                )
                for name in names
            ],
        )
