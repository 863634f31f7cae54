"""A programme's breakdowns on the wire."""

from __future__ import annotations

from pydantic import BaseModel, Field

from tandem_analytics.domain.breakdowns import Group


class GroupPublic(BaseModel):
    dimension: str = Field(description="country | reach | format | modality")
    value: str = Field(
        description="A country code (a relationship counts in each of its members' "
        "countries); same_country | cross_country; pair | group; online | face_to_face | "
        "blended (online when a member meets online only)."
    )
    relationships: int
    active: int
    completed: int
    ended_early: int
    drop_out_rate: float | None
    messages: int

    @classmethod
    def from_record(cls, g: Group) -> GroupPublic:
        return cls(
            dimension=g.dimension,
            value=g.value,
            relationships=g.relationships,
            active=g.active,
            completed=g.completed,
            ended_early=g.ended_early,
            drop_out_rate=g.drop_out_rate,
            messages=g.messages,
        )


class BreakdownsPublic(BaseModel):
    groups: list[GroupPublic]
