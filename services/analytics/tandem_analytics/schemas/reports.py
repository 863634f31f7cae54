"""A programme's weekly report on the wire: the dashboard's counts as the week closed."""

from __future__ import annotations

from datetime import date, datetime
from uuid import UUID

from pydantic import BaseModel, Field

from tandem_analytics.domain.reports import Report
from tandem_analytics.schemas.dashboard import ModePublic


class ReportPublic(BaseModel):
    id: UUID
    programme_id: UUID
    period_start: date = Field(description="The ISO week's Monday (UTC).")
    period_end: date = Field(description="Its Sunday (inclusive).")
    computed_at: datetime = Field(description="When the figures were read, after the week.")
    relationships: int = Field(description="Relationships started by then.")
    active: int
    completed: int
    ended_early: int
    drop_out_rate: float | None = Field(description="Ended early, of those that ended.")
    messages_in_week: int = Field(description="Messages posted in the report's week.")
    response_time_p50_hours: float | None
    response_time_p90_hours: float | None
    response_adherence: float | None
    cadence_adherence: float | None
    isolated_participants: int = Field(
        description="How many were isolated (a report is kept: it counts, never names)."
    )
    meetings_by_mode: list[ModePublic]

    @classmethod
    def of(cls, r: Report) -> ReportPublic:
        f = r.figures
        return cls(
            id=r.id,
            programme_id=r.programme_id,
            period_start=r.week.start,
            period_end=r.week.end,
            computed_at=r.computed_at,
            relationships=f.relationships,
            active=f.active,
            completed=f.completed,
            ended_early=f.ended_early,
            drop_out_rate=f.drop_out_rate,
            messages_in_week=f.messages_in_week,
            response_time_p50_hours=f.response_p50_hours,
            response_time_p90_hours=f.response_p90_hours,
            response_adherence=f.response_adherence,
            cadence_adherence=f.cadence_adherence,
            isolated_participants=f.isolated,
            meetings_by_mode=[
                ModePublic(mode=m, planned=p, held=h, missed=x) for m, p, h, x in f.meetings_by_mode
            ],
        )


class ReportPage(BaseModel):
    items: list[ReportPublic]
    next_cursor: str | None
