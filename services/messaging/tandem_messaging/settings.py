"""Settings of the messaging service (environment prefix ``TANDEM_MESSAGING_``)."""

from __future__ import annotations

from pydantic import Field
from pydantic_settings import SettingsConfigDict

from tandem_kit.settings import ServiceSettings


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
    # Without master_key (local, test): the development master key is kept here.
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
    # Managers' digests of agreements waiting for their review: at most one mail per
    # period (periods of this many minutes from midnight UTC), checked this often.
    manager_digest_period_minutes: int = Field(default=60, ge=5, le=24 * 60)
    manager_digest_interval_seconds: float = Field(default=60.0, gt=0, le=3600)
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
