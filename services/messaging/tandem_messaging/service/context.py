"""What every use case needs: the database, the settings, the keyring and the clock."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from tandem_kit.clock import Clock
from tandem_kit.crypto import Keyring
from tandem_kit.db.database import Database
from tandem_kit.runtime import Runtime
from tandem_messaging.service.sealing import CONTENT_NAMESPACE
from tandem_messaging.settings import MessagingSettings

_KEYRINGS: dict[tuple[str, str], Keyring] = {}


def keyring_for(settings: MessagingSettings) -> Keyring:
    """One keyring per configured master key (read, or generated, once per process)."""
    secret = settings.master_key.get_secret_value() if settings.master_key else ""
    cache_key = (secret, settings.master_key_file)
    if cache_key not in _KEYRINGS:
        _KEYRINGS[cache_key] = Keyring(settings.master_key_bytes(), namespace=CONTENT_NAMESPACE)
    return _KEYRINGS[cache_key]


@dataclass(frozen=True, slots=True)
class Context:
    database: Database
    settings: MessagingSettings
    keyring: Keyring
    clock: Clock

    @classmethod
    def of(cls, runtime: Runtime[MessagingSettings]) -> Context:
        settings = runtime.settings
        return cls(runtime.database, settings, keyring_for(settings), runtime.clock)

    def now(self) -> datetime:
        return self.clock()

    @property
    def edit_window(self) -> timedelta:
        return timedelta(minutes=self.settings.edit_window_minutes)

    def link(self, path: str) -> str:
        return self.settings.public_base_url.rstrip("/") + path
