"""Settings of the matching service (environment prefix ``TANDEM_MATCHING_``)."""

from __future__ import annotations

from pydantic import Field
from pydantic_settings import SettingsConfigDict

from tandem_kit.settings import ServiceSettings

# The largest import file an operator may allow: below the import routes' 32 MiB body
# limit (``api/imports.py``), which also carries the multipart framing.
IMPORT_FILE_CEILING = 30 * 1024 * 1024


class MatchingSettings(ServiceSettings):
    model_config = SettingsConfigDict(
        env_prefix="TANDEM_MATCHING_",
        env_nested_delimiter="__",
        extra="ignore",
        validate_default=True,
    )

    service_name: str = "matching"
    http_port: int = Field(default=8001, ge=1, le=65535)
    database_url: str = "sqlite+aiosqlite:///.data/matching.db"
    # Without master_key (local, test): the development master key is kept here.
    master_key_file: str = ".data/matching-master.key"

    # Match runs: the worker polls for queued runs, solves each in a child process
    # and gives up on a run that takes longer than the timeout.
    match_runs_enabled: bool = True
    match_run_poll_seconds: float = Field(default=1.0, gt=0, le=60)
    match_run_timeout_seconds: float = Field(default=600.0, gt=0, le=86_400)
    # A run whose heartbeat is older than this belonged to a process that died.
    match_run_stale_seconds: float = Field(default=120.0, gt=0, le=86_400)

    # Completion of relationships at their programme's end.
    completion_enabled: bool = True
    completion_interval_seconds: float = Field(default=3600.0, gt=0, le=86_400)

    # A marker appended to every partition of the compacted contacts topic this often,
    # so that a quiet partition's segment still rolls and the cleaner removes the
    # contacts an erasure tombstoned (README, "Contact details in Kafka").
    contacts_roll_interval_seconds: float = Field(default=600.0, gt=0, le=3600)

    # Bulk imports: the largest upload accepted, in bytes and in rows. The file must fit
    # in the import routes' body limit (IMPORT_FILE_CEILING plus the multipart framing),
    # and every row of an import is validated in one request.
    import_max_bytes: int = Field(default=10 * 1024 * 1024, ge=1024, le=IMPORT_FILE_CEILING)
    import_max_rows: int = Field(default=20_000, ge=1, le=100_000)
