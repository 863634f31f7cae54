"""A programme's drop-out risk thresholds on the wire (durations in fractional days)."""

from __future__ import annotations

from dataclasses import asdict
from datetime import datetime

from pydantic import BaseModel, Field

from tandem_analytics.domain.risk_rules import RiskThresholds
from tandem_kit.api.strict import RequestModel

# Durations are fractional days from just under an hour (0.04) to a year: a smaller
# figure is a 422, so that no manager flags a whole programme within minutes by a slip of
# the decimal point. A demo gets minutes from the deployment's time scale instead
# (TANDEM_ANALYTICS_RISK_DEMO_DAY_SECONDS makes each of these days shorter).
_LEAST_DAYS = 0.04
_OFF = " `null` switches the rule off."


class RiskThresholdsIn(RequestModel):
    """Every field: PUT replaces the whole set (send the defaults back to keep them)."""

    no_contact_days: float | None = Field(
        ge=_LEAST_DAYS, le=366, description="Days without two-way contact that flag." + _OFF
    )
    unanswered_factor: float | None = Field(
        ge=0.1,
        le=20,
        description="A message is unanswered past this multiple of the agreed response "
        "time." + _OFF,
    )
    default_response_days: float = Field(
        ge=_LEAST_DAYS, le=366, description="The response time, in days, before one is agreed."
    )
    missed_windows: int | None = Field(
        ge=1, le=50, description="Planned activities whose window passed without a meeting." + _OFF
    )
    window_grace_days: float = Field(
        ge=0, le=366, description="Days after a window closes before it counts as missed."
    )
    no_shows: int | None = Field(ge=1, le=50, description="No-shows of one member." + _OFF)
    agreement_days: float | None = Field(
        ge=_LEAST_DAYS,
        le=366,
        description="Days from the start without an accepted agreement." + _OFF,
    )
    isolation_days: float | None = Field(
        ge=_LEAST_DAYS,
        le=366,
        description="Days a member has had no contact and no meeting." + _OFF,
    )
    nudge_members: bool = Field(
        description="Besides the managers, gently nudge the members of a flagged relationship."
    )

    def to_record(self) -> RiskThresholds:
        return RiskThresholds(**self.model_dump())


class RiskThresholdsPublic(BaseModel):
    no_contact_days: float | None
    unanswered_factor: float | None
    default_response_days: float
    missed_windows: int | None
    window_grace_days: float
    no_shows: int | None
    agreement_days: float | None
    isolation_days: float | None
    nudge_members: bool
    default: bool = Field(description="The defaults: no manager has set thresholds yet.")
    updated_at: datetime | None = None
    day_seconds: float = Field(
        description="How long a day of these thresholds lasts, in seconds: 86400, except "
        "on a demo or test deployment whose time scale shortens it (60: a day is a minute)."
    )

    @classmethod
    def of(
        cls, thresholds: RiskThresholds, updated_at: datetime | None, *, day_seconds: float
    ) -> RiskThresholdsPublic:
        return cls(
            **asdict(thresholds),
            default=updated_at is None,
            updated_at=updated_at,
            day_seconds=day_seconds,
        )
