"""Service settings shared by every Tandem service.

Each service subclasses :class:`ServiceSettings` with its own environment prefix
(``TANDEM_MATCHING_``, ``TANDEM_MESSAGING_`` …) so that one machine can run all
four with different values. Values are validated at start-up: a bad value stops
the process with a clear message instead of failing later at the first request.
Nested groups use ``__``: ``TANDEM_MATCHING_AUTH__ISSUER``.
"""

from __future__ import annotations

import base64
import binascii
import logging
import os
from pathlib import Path
from typing import Literal
from urllib.parse import urlsplit

from pydantic import BaseModel, Field, SecretStr, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

log = logging.getLogger(__name__)

MASTER_KEY_BYTES = 32


class AuthSettings(BaseModel):
    """Bearer-token verification (OIDC-compatible); see :mod:`tandem_kit.auth`."""

    issuer: str = Field(default="tandem-local", min_length=1)
    audience: str = Field(default="tandem", min_length=1)
    # Pinned: a token signed with any other algorithm is rejected, whatever its header says.
    algorithms: list[Literal["RS256", "ES256"]] = Field(default=["RS256"], min_length=1)
    # Production: the identity provider's JWKS document (https, or http on loopback only).
    jwks_url: str | None = None
    # Embedded default: a local RSA key pair (created on first use by `tandem-token`).
    local_key_path: str = ".data/keys/jwt-signing-key.pem"
    leeway_seconds: int = Field(default=30, ge=0, le=300)
    # JWKS cache: keys are refetched after this long, or on an unknown `kid` at most
    # once per `jwks_min_refresh_seconds` (so forged kids cannot hammer the provider).
    jwks_cache_seconds: int = Field(default=600, ge=0, le=86_400)
    jwks_min_refresh_seconds: float = Field(default=30.0, ge=0, le=3_600)
    jwks_timeout_seconds: float = Field(default=5.0, gt=0, le=60)

    @field_validator("jwks_url")
    @classmethod
    def _secure_jwks_url(cls, value: str | None) -> str | None:
        if value is None or value == "":
            return None
        parsed = urlsplit(value)
        loopback = parsed.hostname in {"127.0.0.1", "localhost", "::1"}
        if parsed.scheme == "https" or (parsed.scheme == "http" and loopback):
            if not parsed.hostname:
                raise ValueError("jwks_url has no host")
            return value
        raise ValueError("jwks_url must use https:// (plain http only on 127.0.0.1/localhost)")


class SmtpSettings(BaseModel):
    """Outgoing mail; the relay delivers mails queued in the mail outbox."""

    host: str = "127.0.0.1"
    port: int = Field(default=1025, ge=1, le=65535)
    username: str | None = None
    password: str | None = None
    starttls: bool = False
    sender: str = "Tandem <no-reply@tandem.local>"


class ServiceSettings(BaseSettings):
    """Settings every service has; subclasses add their own and set ``env_prefix``."""

    model_config = SettingsConfigDict(
        env_prefix="TANDEM_",
        env_nested_delimiter="__",
        extra="ignore",
        validate_default=True,
    )

    service_name: str = "tandem"
    environment: Literal["local", "test", "production"] = "local"
    http_host: str = "127.0.0.1"
    http_port: int = Field(default=8000, ge=1, le=65535)
    database_url: str = "sqlite+aiosqlite:///.data/tandem.db"
    database_pool_size: int = Field(default=5, ge=1, le=100)
    kafka_bootstrap_servers: str = "127.0.0.1:9092"
    kafka_client_id: str | None = None
    # Default ``tandem.<service>``; tests give each app its own group.
    kafka_consumer_group: str | None = None
    # Outbox relay: how many rows per batch and how long to sleep when idle.
    outbox_batch_size: int = Field(default=500, ge=1, le=10_000)
    outbox_poll_interval_seconds: float = Field(default=0.2, gt=0, le=60)
    # Consumers: attempts per event before it is dead-lettered, and the first backoff.
    consumer_max_attempts: int = Field(default=5, ge=1, le=50)
    consumer_retry_backoff_seconds: float = Field(default=0.2, ge=0, le=60)
    # Records per poll, and so the most a batch handler (Handlers.on_batch) gets at once.
    consumer_batch_size: int = Field(default=200, ge=1, le=1000)
    # /readyz reports a consumer that has had lag on a partition and not moved it for this long.
    consumer_stall_seconds: float = Field(default=60.0, gt=0, le=3600)
    auth: AuthSettings = AuthSettings()
    smtp: SmtpSettings = SmtpSettings()
    # Which parts one process runs: the default runs all three (see DESIGN.md).
    run_api: bool = True
    run_relay: bool = True
    run_consumers: bool = True
    # Apply pending migrations when the process starts (the embedded default);
    # production runs `tandem-<service> migrate` as a separate step instead.
    migrate_on_start: bool = True
    # Request bodies (tandem_kit.guard): the default limit per endpoint, and JSON depth.
    # At most 64 MiB: a body is held in memory while it is validated.
    max_body_bytes: int = Field(default=1024 * 1024, ge=1024, le=64 * 1024 * 1024)
    max_json_depth: int = Field(default=32, ge=4, le=512)
    # Idempotency-Key (tandem_kit.idempotency): how long a stored answer is replayed,
    # and how often the expired ones are deleted.
    idempotency_retention_seconds: int = Field(default=86_400, ge=60, le=30 * 86_400)
    idempotency_cleanup_interval_seconds: float = Field(default=600.0, gt=0, le=86_400)
    # Wraps every data key the service keeps (AES-256-GCM): each person's (their personal
    # fields, tandem_kit.privacy), each mail's, each conversation's. Base64 of 32 bytes.
    # Production must set it and keep it out of the database's backups; the embedded
    # default creates one at ``master_key_file`` (default .data/<service>-master.key).
    master_key: SecretStr | None = None
    master_key_file: str = ""  # each service names its own; empty: .data/<service>-master.key

    @field_validator("database_url")
    @classmethod
    def _known_driver(cls, value: str) -> str:
        if not value.startswith(("sqlite+aiosqlite://", "postgresql+asyncpg://")):
            raise ValueError("database_url must use sqlite+aiosqlite:// or postgresql+asyncpg://")
        return value

    @field_validator("master_key")
    @classmethod
    def _valid_master_key(cls, value: SecretStr | None) -> SecretStr | None:
        if value is not None and value.get_secret_value():
            _decode_master_key(value.get_secret_value())
            return value
        return None

    @model_validator(mode="after")
    def _production_needs_real_identity(self) -> ServiceSettings:
        if self.environment == "production" and not self.auth.jwks_url:
            raise ValueError(
                "production needs auth.jwks_url (the identity provider's keys); "
                "the local signing key is for development only"
            )
        if self.environment == "production" and self.master_key is None:
            raise ValueError(f"{self._env_name('MASTER_KEY')} must be set in production")
        return self

    def _env_name(self, field: str) -> str:
        return f"{self.model_config.get('env_prefix', '')}{field}".upper()

    @property
    def master_key_path(self) -> Path:
        return Path(self.master_key_file or f".data/{self.service_name}-master.key")

    def master_key_bytes(self) -> bytes:
        """The configured key; else (not production) the one persisted at ``master_key_path``."""
        if self.master_key is not None:
            return _decode_master_key(self.master_key.get_secret_value())
        return _local_master_key(self.master_key_path, self._env_name("MASTER_KEY"))

    @property
    def is_sqlite(self) -> bool:
        return self.database_url.startswith("sqlite")


def _decode_master_key(value: str) -> bytes:
    try:
        raw = base64.b64decode(value.strip(), validate=True)
    except (binascii.Error, ValueError) as error:
        raise ValueError("master_key must be base64") from error
    if len(raw) != MASTER_KEY_BYTES:
        raise ValueError(f"master_key must decode to {MASTER_KEY_BYTES} bytes, not {len(raw)}")
    return raw


def _local_master_key(path: Path, variable: str) -> bytes:
    if path.exists():
        return _decode_master_key(path.read_text())
    log.warning(
        "\n%s\nNO %s SET: generated a development master key at %s.\n"
        "Personal data and message content are encrypted with it. Losing it loses them;\n"
        "anyone holding it and the database reads them. Set %s in production.\n%s",
        "!" * 78,
        variable,
        path,
        variable,
        "!" * 78,
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    key = base64.b64encode(os.urandom(MASTER_KEY_BYTES)).decode()
    # Written whole to a private temporary file, then linked into place: the link fails
    # if the key exists, so two processes starting together keep one key, and neither
    # ever reads a key file that is still empty.
    temporary = path.with_name(f".{path.name}.{os.getpid()}.{os.urandom(4).hex()}")
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w") as handle:
        handle.write(key)
    try:
        os.link(temporary, path)
    except FileExistsError:
        return _decode_master_key(path.read_text())
    finally:
        temporary.unlink()
    return _decode_master_key(key)
