"""What every use case is given: the database, the typed settings, the keyring and the clock."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from tandem_kit.clock import Clock
from tandem_kit.crypto import Keyring
from tandem_kit.db.database import Database
from tandem_kit.runtime import Runtime
from tandem_meetings.domain.meetings import MeetingRules
from tandem_meetings.service.sealing import CONTENT_NAMESPACE
from tandem_meetings.settings import MeetingsSettings

_KEYRINGS: dict[tuple[str, str], Keyring] = {}


def keyring_for(settings: MeetingsSettings) -> Keyring:
    """One keyring per configured master key (read, or generated, once per process)."""
    secret = settings.master_key.get_secret_value() if settings.master_key else ""
    cache_key = (secret, str(settings.master_key_path))
    if cache_key not in _KEYRINGS:
        _KEYRINGS[cache_key] = Keyring(settings.master_key_bytes(), namespace=CONTENT_NAMESPACE)
    return _KEYRINGS[cache_key]


@dataclass(frozen=True, slots=True)
class Context:
    database: Database
    settings: MeetingsSettings
    clock: Clock
    keyring: Keyring

    @classmethod
    def of(cls, runtime: Runtime[MeetingsSettings]) -> Context:
        settings = runtime.settings
        return cls(runtime.database, settings, runtime.clock, keyring_for(settings))

    def now(self) -> datetime:
        return self.clock()

    @property
    def meeting_rules(self) -> MeetingRules:
        s = self.settings
        return MeetingRules(s.meeting_min_minutes, s.meeting_max_minutes, s.meeting_max_days_ahead)
