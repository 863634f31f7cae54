"""Participants: registration, profile updates, the manager's and the participant's view."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import fields
from typing import Any, Literal
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field, model_validator

from tandem_kit.api import RequestModel
from tandem_matching.domain.participants import Participant
from tandem_matching.domain.profiles import FormatPreference, Modality
from tandem_matching.schemas.common import (
    Country,
    Email,
    Language,
    LinkedInUrl,
    Name,
    Subject,
    TimeZone,
    Token,
    Window,
)

RoleName = Literal["mentor", "mentee"]
ParticipantStatus = Literal["active", "withdrawn", "erased"]

_EXAMPLE: dict[str, Any] = {
    "role": "mentee",
    "display_name": "Amira Haddad",
    "email": "amira@example.org",
    "preferred_language": "de",
    "country": "DE",
    "time_zone": "Europe/Berlin",
    "languages": ["de", "ar", "en"],
    "city": "Berlin",
    "availability": [
        {"weekday": 1, "start": "18:00", "end": "20:30"},
        {"weekday": 5, "start": "09:00", "end": "12:00"},
    ],
    "sector": "logistics",
    "goals": ["cv", "interviews", "changing_sector"],
    "preferred_format": "pair",
    "modality": "online_only",
    "linkedin_url": "https://www.linkedin.com/in/amira-haddad",
    "linkedin_consent": True,
}


CAPACITY_MIN, CAPACITY_MAX = 1, 50  # mentees one mentor takes


class ProfileFields(RequestModel):
    """The profile fields a participant can set at registration and change later."""

    display_name: Name
    email: Email
    preferred_language: Language = "en"
    country: Country
    time_zone: TimeZone
    languages: list[Language] = Field(
        min_length=1, max_length=10, description="Working languages, preferred first."
    )
    city: Name | None = Field(default=None, max_length=120)
    availability: list[Window] = Field(default_factory=list, max_length=50)
    sector: Token | None = Field(default=None, examples=["logistics"])
    skills: list[Token] = Field(
        default_factory=list, max_length=30, description="Mentors: what they can help with."
    )
    goals: list[Token] = Field(
        default_factory=list,
        max_length=30,
        description="Mentees: cv, interviews, networking, changing_sector, starting_business …",
    )
    preferred_format: FormatPreference = FormatPreference.EITHER
    modality: Modality = Field(
        default=Modality.EITHER,
        description="online_only (e.g. limited mobility, parents of small children), "
        "face_to_face possible, or either.",
    )
    capacity: int | None = Field(
        default=None,
        ge=CAPACITY_MIN,
        le=CAPACITY_MAX,
        description=f"Mentors: how many mentees they take ({CAPACITY_MIN} to {CAPACITY_MAX}).",
    )
    linkedin_url: LinkedInUrl | None = None
    linkedin_consent: bool = Field(
        default=False, description="Consent to share the LinkedIn URL with matched mentees."
    )


def check_role_fields(
    role: str,
    *,
    skills: Sequence[str] | None,
    goals: Sequence[str] | None,
    capacity: int | None,
) -> None:
    """Mentor-only and mentee-only fields; raises ValueError naming the field."""
    if role == "mentor":
        if goals:
            raise ValueError("goals are for mentees; mentors list skills")
        if capacity is None:
            raise ValueError(
                f"capacity is required for mentors: how many mentees they take, a whole "
                f"number from {CAPACITY_MIN} to {CAPACITY_MAX}"
            )
    else:
        if skills:
            raise ValueError("skills are for mentors; mentees list goals")
        if capacity is not None:
            raise ValueError("capacity is for mentors only: leave it empty for a mentee")


class ParticipantCreate(ProfileFields):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                _EXAMPLE,
                {
                    **_EXAMPLE,
                    "role": "mentor",
                    "subject": "user-42",
                    "goals": [],
                    "capacity": 2,
                    "skills": ["cv", "interviews", "networking"],
                    "display_name": "Jonas Berg",
                    "email": "jonas@example.org",
                    "modality": "face_to_face",
                },
            ]
        }
    )

    role: RoleName
    subject: Subject | None = Field(
        default=None,
        description="Whom to register; only a manager may name someone else (default: you).",
    )

    @model_validator(mode="after")
    def _role_fields(self) -> ParticipantCreate:
        check_role_fields(self.role, skills=self.skills, goals=self.goals, capacity=self.capacity)
        return self


class ParticipantUpdate(RequestModel):
    """Change some profile fields; fields left out keep their value, null clears optional ones."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {"availability": [{"weekday": 2, "start": "19:00", "end": "21:00"}], "city": None}
            ]
        }
    )

    display_name: Name | None = None
    email: Email | None = None
    preferred_language: Language | None = None
    country: Country | None = None
    time_zone: TimeZone | None = None
    languages: list[Language] | None = Field(default=None, min_length=1, max_length=10)
    city: Name | None = Field(default=None, max_length=120)
    availability: list[Window] | None = Field(default=None, max_length=50)
    sector: Token | None = None
    skills: list[Token] | None = Field(default=None, max_length=30)
    goals: list[Token] | None = Field(default=None, max_length=30)
    preferred_format: FormatPreference | None = None
    modality: Modality | None = None
    capacity: int | None = Field(default=None, ge=CAPACITY_MIN, le=CAPACITY_MAX)
    linkedin_url: LinkedInUrl | None = None
    linkedin_consent: bool | None = None

    @model_validator(mode="after")
    def _required_stay_set(self) -> ParticipantUpdate:
        required = {
            "display_name",
            "email",
            "preferred_language",
            "country",
            "time_zone",
            "languages",
            "availability",
            "skills",
            "goals",
            "preferred_format",
            "modality",
            "linkedin_consent",
        }
        cleared = sorted(f for f in self.model_fields_set & required if getattr(self, f) is None)
        if cleared:
            raise ValueError(f"these fields cannot be null: {', '.join(cleared)}")
        if not self.model_fields_set:
            raise ValueError("nothing to update")
        return self


class ParticipantPublic(BaseModel):
    """A participant as the programme's managers see them — and as they see themselves."""

    id: UUID
    programme_id: UUID
    subject: str | None
    role: RoleName
    status: ParticipantStatus
    display_name: str | None
    email: str | None
    preferred_language: str | None
    country: str | None
    time_zone: str | None
    languages: list[str] | None
    city: str | None
    availability: list[Window] | None
    sector: str | None
    skills: list[str] | None
    goals: list[str] | None
    preferred_format: FormatPreference | None
    modality: Modality | None
    capacity: int | None
    linkedin_url: str | None
    linkedin_consent: bool
    waiting: bool = Field(
        description="Active, in no proposed or active relationship, and not held out by an "
        "open or declined re-matching offer: a match run or a mentor request may match them."
    )
    created_at: dt.datetime
    updated_at: dt.datetime
    withdrawn_at: dt.datetime | None
    erased_at: dt.datetime | None

    @classmethod
    def of(cls, participant: Participant, *, waiting: bool) -> ParticipantPublic:
        values = {f.name: getattr(participant, f.name) for f in fields(Participant)}
        if participant.availability is not None:
            values["availability"] = [
                {"weekday": w.weekday, "start": w.start, "end": w.end}
                for w in participant.availability
            ]
        return cls.model_validate({**values, "waiting": waiting})
