"""Employment outcomes on the wire: a mentee's status, the manager's figures by country."""

from __future__ import annotations

from datetime import date, datetime
from uuid import UUID

from pydantic import BaseModel, Field

from tandem_analytics.domain.outcomes import CountryFigures, Stage, Status
from tandem_kit.api import RequestModel


class OutcomeInput(RequestModel):
    status: Status
    stage: Stage | None = Field(
        default=None,
        description="closure, month_3 or month_6; by default the latest whose date has come.",
    )


class OutcomePublic(BaseModel):
    relationship_id: UUID
    stage: Stage
    due_on: date
    status: Status
    recorded_at: datetime


class CountryFiguresPublic(BaseModel):
    country: str
    stage: Stage
    asked: int
    answered: int
    suppressed: bool = Field(description="Fewer than min_group answers: no figures.")
    statuses: dict[str, int] | None

    @classmethod
    def from_record(cls, figures: CountryFigures) -> CountryFiguresPublic:
        return cls.model_validate(figures, from_attributes=True)


class OutcomeSummaryPublic(BaseModel):
    programme_id: UUID
    min_group: int
    countries: list[CountryFiguresPublic]
