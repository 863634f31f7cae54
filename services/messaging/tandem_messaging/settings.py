"""Settings of the messaging service (environment prefix ``TANDEM_MESSAGING_``)."""

from __future__ import annotations

import base64
import binascii
import logging
import os
from pathlib import Path

from pydantic import Field, SecretStr, field_validator, model_validator
from pydantic_settings import SettingsConfigDict

from tandem_kit.settings import ServiceSettings

log = logging.getLogger(__name__)

MASTER_KEY_BYTES = 32


def _decode_master_key(value: str) -> bytes:
    try:
        raw = base64.b64decode(value.strip(), validate=True)
    except (binascii.Error, ValueError) as error:
        raise ValueError("master_key must be base64") from error
    if len(raw) != MASTER_KEY_BYTES:
        raise ValueError(f"master_key must decode to {MASTER_KEY_BYTES} bytes, not {len(raw)}")
    return raw


class MessagingSettings(ServiceSettings):
    model_config = SettingsConfigDict(
        env_prefix="TANDEM_MESSAGING_",
        env_nested_delimiter="__",
        extra="ignore",
        validate_default=True,
    )

    service_name: str = "messaging"
    http_port: int = Field(default=8002, ge=1, le=65535)
    database_url: str = "sqlite+aiosqlite:///.data/messaging.db"

    # Wraps every conversation's and forum's data key (AES-256-GCM): base64 of 32
    # bytes. Production must set it (and keep it outside the database's backups);
    # the embedded default creates one under .data/ and says so loudly.
    master_key: SecretStr | None = None
    master_key_file: str = ".data/messaging-master.key"

    # How long an ended relationship's conversation stays readable by its members,
    # unless the programme sets its own period.
    default_retention_days: int = Field(default=365, ge=1, le=3650)
    # Authors may edit or delete their own message for this long after posting.
    edit_window_minutes: int = Field(default=15, ge=0, le=24 * 60)
    max_message_chars: int = Field(default=10_000, ge=1, le=100_000)
    max_title_chars: int = Field(default=200, ge=1, le=1000)

    # Daily digests: local hour a member's digest goes out unless they chose another,
    # and how often the worker looks for members whose hour has come.
    digest_default_hour: int = Field(default=18, ge=0, le=23)
    digest_interval_seconds: float = Field(default=60.0, gt=0, le=3600)
    retention_interval_seconds: float = Field(default=3600.0, gt=0, le=86_400)
    # Sent mails name people (and introductions carry LinkedIn links): kept this long,
    # longer than Kafka keeps events (7 days) so a redelivered event cannot mail twice.
    sent_mail_retention_days: int = Field(default=30, ge=8, le=3650)
    run_scheduled_jobs: bool = True
    # The mail relay (runs with the outbox relay): how often it looks for queued mails,
    # and how it retries a mail the SMTP server did not take.
    mail_poll_interval_seconds: float = Field(default=1.0, gt=0, le=60)
    mail_retry_backoff_seconds: float = Field(default=60.0, ge=0, le=3600)
    mail_max_attempts: int = Field(default=8, ge=1, le=50)
    # Where links in mails point (the web front end).
    public_base_url: str = "http://127.0.0.1:8080"

    @field_validator("master_key")
    @classmethod
    def _valid_master_key(cls, value: SecretStr | None) -> SecretStr | None:
        if value is not None and value.get_secret_value():
            _decode_master_key(value.get_secret_value())
            return value
        return None

    @model_validator(mode="after")
    def _production_sets_master_key(self) -> MessagingSettings:
        if self.environment == "production" and self.master_key is None:
            raise ValueError("TANDEM_MESSAGING_MASTER_KEY must be set in production")
        return self

    def master_key_bytes(self) -> bytes:
        """The configured key; else (not production) the one persisted under ``.data/``."""
        if self.master_key is not None:
            return _decode_master_key(self.master_key.get_secret_value())
        return _local_master_key(Path(self.master_key_file))


def _local_master_key(path: Path) -> bytes:
    if path.exists():
        return _decode_master_key(path.read_text())
    log.warning(
        "\n%s\nNO TANDEM_MESSAGING_MASTER_KEY SET: generated a development master key at %s.\n"
        "Message content is encrypted with it. Losing it loses every message; anyone\n"
        "holding it and the database reads them. Set TANDEM_MESSAGING_MASTER_KEY in "
        "production.\n%s",
        "!" * 78,
        path,
        "!" * 78,
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    key = base64.b64encode(os.urandom(MASTER_KEY_BYTES)).decode()
    # Created 0600 and exclusively: two processes starting together keep one key.
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return _decode_master_key(path.read_text())
    with os.fdopen(fd, "w") as handle:
        handle.write(key)
    return _decode_master_key(key)
