"""A programme's participant as stored: their profile and where they stand.

The engine reads a participant as a :class:`~tandem_matching.domain.profiles.Profile`;
this is the whole record. Every personal field is None once the participant is erased:
the record stays as the anonymous id relationships and proposals still point to.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum
from uuid import UUID

from tandem_matching.domain.profiles import AvailabilityWindow, FormatPreference, Modality, Role


class ParticipantStatus(StrEnum):
    ACTIVE = "active"
    WITHDRAWN = "withdrawn"
    ERASED = "erased"


@dataclass(frozen=True, slots=True)
class Participant:
    id: UUID
    programme_id: UUID
    subject: str | None
    role: Role
    status: ParticipantStatus
    display_name: str | None
    email: str | None
    preferred_language: str | None
    country: str | None
    time_zone: str | None
    languages: tuple[str, ...] | None
    city: str | None
    availability: tuple[AvailabilityWindow, ...] | None
    sector: str | None
    skills: tuple[str, ...] | None
    goals: tuple[str, ...] | None
    preferred_format: FormatPreference | None
    modality: Modality | None
    capacity: int | None
    linkedin_url: str | None
    linkedin_consent: bool
    created_at: dt.datetime
    updated_at: dt.datetime
    withdrawn_at: dt.datetime | None
    erased_at: dt.datetime | None

    @property
    def is_active(self) -> bool:
        return self.status is ParticipantStatus.ACTIVE

    @property
    def shared_linkedin_url(self) -> str | None:
        """The LinkedIn URL, only when its owner consented to share it."""
        return self.linkedin_url if self.linkedin_consent else None


@dataclass(frozen=True, slots=True)
class Standing:
    """An active participant with what occupies them: ``busy`` when in a proposed or active
    relationship (a mentee also while a re-matching offer holds them out); ``mentees`` held
    in a mentor's open relationships."""

    participant: Participant
    busy: bool
    mentees: int
