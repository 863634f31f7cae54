"""Programmes: create, read, and tune the matching policy."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import asdict
from typing import Annotated
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

from tandem_kit.api import RequestModel
from tandem_matching.domain.profiles import (
    DEFAULT_WEIGHTS,
    SWITCHABLE_HARD,
    CountryPolicy,
    Criterion,
    FormatsOffered,
    HardConstraint,
    Reach,
)
from tandem_matching.domain.programmes import Manager, Programme
from tandem_matching.schemas.common import Country, Language, ManagerContact, Name, TimeZone


class GroupSize(RequestModel):
    min: int = Field(default=3, ge=2, le=20)
    max: int = Field(default=6, ge=2, le=20)

    @model_validator(mode="after")
    def _ordered(self) -> GroupSize:
        if self.min > self.max:
            raise ValueError(
                f"group_size.min ({self.min}) must not exceed group_size.max ({self.max}): "
                "a group of min to max mentees"
            )
        return self


class MatchingPolicy(RequestModel):
    """Which criteria are hard constraints, and how the others weigh."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "hard_constraints": ["language", "availability"],
                    "weights": {
                        "skills_goals": 0.4,
                        "sector": 0.1,
                        "availability": 0.2,
                        "language_culture": 0.15,
                        "format_modality": 0.15,
                    },
                    "min_overlap_hours": 2,
                    "face_to_face_reach": "same_city",
                    "country_policy": "any",
                    "mentee_choice": False,
                }
            ]
        }
    )

    hard_constraints: list[HardConstraint] = Field(
        default_factory=lambda: sorted(SWITCHABLE_HARD),
        description="Any of language, availability, face_to_face; the rest are soft.",
    )
    weights: dict[Criterion, float] = Field(
        default_factory=lambda: dict(DEFAULT_WEIGHTS),
        description="Relative weights of the soft criteria (normalised to sum to 1).",
    )
    min_overlap_hours: float = Field(default=2.0, ge=0, le=40)
    saturation_hours: float = Field(
        default=6.0, gt=0, le=40, description="Weekly overlap beyond which more adds nothing."
    )
    face_to_face_reach: Reach = Reach.SAME_CITY
    country_policy: CountryPolicy = CountryPolicy.ANY
    mentee_choice: bool = Field(
        default=False, description="Mentees may pick a mentor from suggestions."
    )

    @model_validator(mode="after")
    def _consistent(self) -> MatchingPolicy:
        not_switchable = set(self.hard_constraints) - SWITCHABLE_HARD
        if not_switchable:
            allowed = ", ".join(sorted(c.value for c in SWITCHABLE_HARD))
            got = ", ".join(sorted(str(c) for c in not_switchable))
            raise ValueError(f"hard_constraints may only name {allowed}; got {got}")
        if any(w < 0 for w in self.weights.values()) or sum(self.weights.values()) <= 0:
            raise ValueError("weights must be >= 0 and at least one positive")
        self.hard_constraints = sorted(set(self.hard_constraints))
        return self


class MailWording(RequestModel):
    """A programme's own wording of one mail in one language: ``$placeholders`` of that
    template only (the template ids and their placeholders: README, Languages)."""

    subject: str = Field(min_length=1, max_length=300, pattern=r"^[^\r\n]+$")
    text: str = Field(min_length=1, max_length=20000)


TemplateId = Annotated[str, StringConstraints(min_length=1, max_length=100)]
MailOverridesIn = dict[TemplateId, dict[Language, MailWording]]
_OVERRIDES = (
    "Replace any mail template per language: {template id: {language: {subject, text}}}. "
    "Template ids and their placeholders: tandem_contracts.mails (README, Languages). "
    "A language with no catalog needs an override of every template."
)


class ProgrammeCreate(RequestModel):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "organisation_id": "6a1f0c4e-3b7a-4d55-9d1e-0c6f0f5b2a11",
                    "name": "Back to work 2026",
                    "countries": ["DE", "AT"],
                    "languages": ["de", "en"],
                    "starts_on": "2026-01-15",
                    "ends_on": "2026-07-15",
                    "formats": "both",
                    "group_size": {"min": 3, "max": 5},
                    "time_zone": "Europe/Berlin",
                    "managers": [
                        {
                            "subject": "mgr-1",
                            "display_name": "Maria Manager",
                            "email": "maria@example.org",
                            "preferred_language": "de",
                            "time_zone": "Europe/Berlin",
                        }
                    ],
                }
            ]
        }
    )

    organisation_id: UUID
    name: Name
    countries: list[Country] = Field(min_length=1, max_length=250)
    languages: list[Language] = Field(min_length=1, max_length=50)
    starts_on: dt.date
    ends_on: dt.date
    formats: FormatsOffered = FormatsOffered.PAIR
    group_size: GroupSize = Field(default_factory=GroupSize)
    policy: MatchingPolicy = Field(default_factory=MatchingPolicy)
    managers: list[ManagerContact] = Field(default_factory=list, max_length=50)
    mail_overrides: MailOverridesIn = Field(default_factory=dict, description=_OVERRIDES)
    time_zone: TimeZone = Field(
        description="The programme's reference IANA time zone (e.g. Europe/Lisbon): its "
        "weeks, deadlines and digests are in it, and its end date ends at midnight there."
    )

    @model_validator(mode="after")
    def _dates(self) -> ProgrammeCreate:
        if self.ends_on <= self.starts_on:
            raise ValueError("ends_on must be after starts_on")
        if len({m.subject for m in self.managers}) != len(self.managers):
            raise ValueError("a manager is named twice")
        return self


class ProgrammeUpdate(RequestModel):
    """Rename a programme or change how it matches (applies to the next run)."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [{"policy": {"hard_constraints": ["language"], "min_overlap_hours": 1}}]
        }
    )

    name: Name | None = None
    policy: MatchingPolicy | None = None
    mail_overrides: MailOverridesIn | None = Field(
        default=None, description=_OVERRIDES + " Replaces the whole set; {} removes them."
    )
    time_zone: TimeZone | None = Field(
        default=None, description="A new reference IANA time zone (announced to every service)."
    )


class ProgrammePublic(BaseModel):
    id: UUID
    organisation_id: UUID
    name: str
    countries: list[str]
    languages: list[str]
    starts_on: dt.date
    ends_on: dt.date
    formats: FormatsOffered
    group_size: GroupSize
    policy: MatchingPolicy
    managers: list[ManagerContact]
    mail_overrides: dict[str, dict[str, MailWording]]
    time_zone: str = Field(description="The programme's reference IANA time zone.")
    created_at: dt.datetime
    updated_at: dt.datetime

    @classmethod
    def of(cls, programme: Programme, managers: Sequence[Manager]) -> ProgrammePublic:
        return cls.model_validate(
            {
                **asdict(programme),
                "group_size": {"min": programme.group_min, "max": programme.group_max},
                "managers": [asdict(m) for m in managers],
            }
        )
