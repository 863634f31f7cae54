"""What the directory knows: programmes, their managers, participants and their contacts."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from uuid import UUID

from tandem_contracts.common import Role
from tandem_kit.i18n import MailOverride, Wording


@dataclass(frozen=True, slots=True)
class Contact:
    """Someone a service can write to (a manager or a participant)."""

    subject: str
    display_name: str
    email: str
    language: str
    time_zone: str
    linkedin_url: str | None = None  # a participant's, only when they consented to share it
    city: str | None = None  # a participant's, if they gave one (face-to-face places)


@dataclass(frozen=True, slots=True)
class Participant:
    participant_id: UUID
    programme_id: UUID
    role: Role
    contact: Contact
    withdrawn: bool = False


@dataclass(frozen=True, slots=True)
class Programme:
    """A programme as matching announced it; ``name`` is None until its creation arrives."""

    id: UUID
    name: str | None
    countries: tuple[str, ...]
    languages: tuple[str, ...]
    # template id -> language -> the programme's own wording (matching checked it)
    mail_overrides: Mapping[str, Mapping[str, MailOverride]] = field(default_factory=dict)
    # The reference IANA zone of its weeks, deadlines and digests ("UTC" until its
    # creation arrives, and for programmes announced before it was stated).
    time_zone: str = "UTC"
    # How far apart a face-to-face pair or group may live (tandem_contracts.common.Reach):
    # "same_city" until its creation arrives, and for programmes announced before it was.
    face_to_face_reach: str = "same_city"

    @property
    def wording(self) -> Wording:
        """What its mails say: its languages (recipients' fallbacks) and overrides."""
        return Wording(languages=self.languages, overrides=self.mail_overrides)


@dataclass(frozen=True, slots=True)
class Erasure:
    """A participant the directory just forgot, with what it knew of them before."""

    participant_id: UUID
    subject: str | None
    participant: Participant | None  # None if no profile event had arrived
