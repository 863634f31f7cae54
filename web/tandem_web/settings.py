"""The web app's settings (environment ``TANDEM_WEB_*``)."""

from __future__ import annotations

from typing import Literal

from pydantic import AnyHttpUrl, Field, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict


class WebSettings(BaseSettings):
    model_config = SettingsConfigDict(
        env_prefix="TANDEM_WEB_", env_nested_delimiter="__", extra="forbid"
    )

    environment: Literal["local", "test", "production"] = "local"
    http_host: str = "127.0.0.1"
    http_port: int = Field(default=8005, ge=1, le=65535)
    # Where the services' public APIs are (the only way the web app reaches them).
    matching_url: AnyHttpUrl = AnyHttpUrl("http://127.0.0.1:8001")
    messaging_url: AnyHttpUrl = AnyHttpUrl("http://127.0.0.1:8002")
    meetings_url: AnyHttpUrl = AnyHttpUrl("http://127.0.0.1:8003")
    analytics_url: AnyHttpUrl = AnyHttpUrl("http://127.0.0.1:8004")
    # The embedded default's sign-in page that mints demo users' tokens with the local
    # key: for a laptop, never for a real programme.
    local_sign_in: bool = True

    @model_validator(mode="after")
    def _no_local_sign_in_in_production(self) -> WebSettings:
        if self.environment == "production" and self.local_sign_in:
            raise ValueError(
                "local_sign_in mints tokens with the local key: it cannot run in production "
                "(set TANDEM_WEB_LOCAL_SIGN_IN=false and configure the OIDC provider)"
            )
        return self
