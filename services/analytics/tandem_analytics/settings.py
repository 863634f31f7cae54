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

    # --- read models (service/readmodels.py) and their rebuild (service/rebuild.py) ---
    # `tandem-analytics rebuild` builds this fresh database from the consumed-events store
    # of database_url (the live one); the operator then points database_url at it.
    rebuild_database_url: str | None = None
    # A participant is isolated after this many days without a message or a meeting (and
    # when they never posted): the dashboard's default until the programme sets its own.
    isolation_days: int = Field(default=21, ge=1, le=365)

    # Drop-out risk: how often the rules look at every active relationship (a demo with
    # thresholds of minutes sets a few seconds).
    risk_evaluation_interval_seconds: float = Field(default=300.0, gt=0, le=24 * 3600)

    # The drop-out model's CSV import of finished relationships (one row per week: 5 MiB
    # is some 60,000 rows, a few thousand relationships).
    training_data_max_bytes: int = Field(default=5 * 1024 * 1024, ge=1024, le=16 * 1024 * 1024)
