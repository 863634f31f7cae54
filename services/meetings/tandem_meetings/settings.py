"""Settings of the meetings service (environment prefix ``TANDEM_MEETINGS_``)."""

from __future__ import annotations

from pydantic import Field
from pydantic_settings import SettingsConfigDict

from tandem_kit.settings import ServiceSettings


class MeetingsSettings(ServiceSettings):
    model_config = SettingsConfigDict(
        env_prefix="TANDEM_MEETINGS_",
        env_nested_delimiter="__",
        extra="ignore",
        validate_default=True,
    )

    service_name: str = "meetings"
    http_port: int = Field(default=8003, ge=1, le=65535)
    database_url: str = "sqlite+aiosqlite:///.data/meetings.db"
