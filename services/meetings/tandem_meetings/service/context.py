"""What every use case is given: the database, the typed settings, the keyring and the clock."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from tandem_kit.clock import Clock
from tandem_kit.crypto import Keyring
from tandem_kit.db.database import Database
from tandem_kit.runtime import Runtime
from tandem_meetings.domain.meetings import MeetingRules
from tandem_meetings.domain.rsvp_links import derive_rsvp_secret
from tandem_meetings.domain.video_links import VideoProvider, provider_from_settings
from tandem_meetings.service.sealing import CONTENT_NAMESPACE
from tandem_meetings.settings import MeetingsSettings

_KEYRINGS: dict[tuple[str, str], Keyring] = {}
_SECRETS: dict[tuple[str, str], bytes] = {}


def _cache_key(settings: MeetingsSettings) -> tuple[str, str]:
    secret = settings.master_key.get_secret_value() if settings.master_key else ""
    return secret, str(settings.master_key_path)


def keyring_for(settings: MeetingsSettings) -> Keyring:
    """One keyring (and RSVP secret) per configured master key, read once per process."""
    key = _cache_key(settings)
    if key not in _KEYRINGS:
        master = settings.master_key_bytes()
        _KEYRINGS[key] = Keyring(master, namespace=CONTENT_NAMESPACE)
        _SECRETS[key] = derive_rsvp_secret(master)
    return _KEYRINGS[key]


# Makes the video provider; may raise ProviderUnavailable (the meeting's link then waits).
VideoFactory = Callable[[], VideoProvider]


@dataclass(frozen=True, slots=True)
class Context:
    database: Database
    settings: MeetingsSettings
    clock: Clock
    keyring: Keyring
    # The configured provider unless a test passes its own (create_app(video=...)).
    video: VideoFactory

    @classmethod
    def of(cls, runtime: Runtime[MeetingsSettings], video: VideoFactory | None = None) -> Context:
        settings = runtime.settings
        return cls(
            runtime.database,
            settings,
            runtime.clock,
            keyring_for(settings),
            video or (lambda: provider_from_settings(settings)),
        )

    @property
    def rsvp_secret(self) -> bytes:
        """The RSVP links' signing key, derived from the master key (no second secret)."""
        return _SECRETS[_cache_key(self.settings)]

    def now(self) -> datetime:
        return self.clock()

    @property
    def meeting_rules(self) -> MeetingRules:
        s = self.settings
        return MeetingRules(s.meeting_min_minutes, s.meeting_max_minutes, s.meeting_max_days_ahead)
