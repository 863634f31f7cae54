"""Settings of the analytics service (environment prefix ``TANDEM_ANALYTICS_``)."""

from __future__ import annotations

from pydantic import Field
from pydantic_settings import SettingsConfigDict

from tandem_kit.settings import ServiceSettings


class AnalyticsSettings(ServiceSettings):
    model_config = SettingsConfigDict(
        env_prefix="TANDEM_ANALYTICS_",
        env_nested_delimiter="__",
        extra="ignore",
        validate_default=True,
    )

    service_name: str = "analytics"
    http_port: int = Field(default=8004, ge=1, le=65535)
    database_url: str = "sqlite+aiosqlite:///.data/analytics.db"

    # --- programme figures on /metrics (service/programme_metrics.py) ---
    # How often they are read from the read models, and the most programme x country
    # series they may make (whole programmes, the largest first; README: Operations).
    programme_metrics_interval_seconds: float = Field(default=30.0, gt=0, le=3600)
    programme_metrics_max_series: int = Field(default=2000, ge=1, le=100_000)
