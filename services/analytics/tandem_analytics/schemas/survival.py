"""The survival curve on the wire."""

from __future__ import annotations

from pydantic import BaseModel, Field

from tandem_analytics.domain.survival import SurvivalWeek


class SurvivalWeekPublic(BaseModel):
    week: int = Field(description="Programme week since each relationship's start (0 = first).")
    at_risk: int
    ended_early: int
    censored: int = Field(description="Completed, or active and observed only until now.")
    share_active: float = Field(description="Kaplan–Meier: the share still active after it.")

    @classmethod
    def from_record(cls, w: SurvivalWeek) -> SurvivalWeekPublic:
        return cls(
            week=w.week,
            at_risk=w.at_risk,
            ended_early=w.ended_early,
            censored=w.censored,
            share_active=w.share_active,
        )


class SurvivalPublic(BaseModel):
    weeks: list[SurvivalWeekPublic]
