"""The web app's settings (environment ``TANDEM_WEB_*``)."""

from __future__ import annotations

from typing import Literal

from pydantic import AnyHttpUrl, Field, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from tandem_kit.settings import AuthSettings

LOOPBACK = frozenset({"127.0.0.1", "localhost", "::1"})


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
    # The local key the local sign-in mints with (the services verify with the same).
    auth: AuthSettings = AuthSettings()
    # Sessions: the web app's only database, each session sealed under this key.
    session_database: str = ".data/web/sessions.db"
    session_key_file: str = ".data/web/session.key"
    session_idle_minutes: int = Field(default=30, ge=1, le=24 * 60)
    session_absolute_hours: int = Field(default=8, ge=1, le=7 * 24)
    # Sign-in with the OIDC provider at auth.issuer (api/oidc_sign_in.py): the web app's
    # client there (confidential: the secret never leaves this process). Unset: no OIDC.
    oidc_client_id: str | None = None
    oidc_client_secret: str | None = None
    # Messaging's edit window (its TANDEM_MESSAGING_EDIT_WINDOW_MINUTES): a message shows
    # its edit and delete forms this long after posting; messaging still decides (409).
    message_edit_window_minutes: int = Field(default=15, ge=0, le=24 * 60)
    # Secure cookies everywhere but loopback (a laptop's plain http).
    cookie_secure: bool | None = None

    @property
    def secure_cookies(self) -> bool:
        if self.cookie_secure is not None:
            return self.cookie_secure
        return self.environment == "production" or self.http_host not in LOOPBACK

    @model_validator(mode="after")
    def _no_local_sign_in_in_production(self) -> WebSettings:
        if self.environment == "production" and self.local_sign_in:
            raise ValueError(
                "local_sign_in mints tokens with the local key: it cannot run in production "
                "(set TANDEM_WEB_LOCAL_SIGN_IN=false and configure the OIDC provider)"
            )
        return self
