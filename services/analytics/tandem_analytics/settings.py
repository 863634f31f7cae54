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
