"""A participant's own profile as the page edits it: matching's record as the form's
text, the form's text as the change matching takes, and matching's refusals placed
next to the field they concern (the person's typing is always kept)."""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

# The fields the form shows as text, in matching's names. Availability is the weekly
# editor's (meetings'), so it is left out here and keeps its value in matching.
TEXT_FIELDS = (
    "display_name",
    "email",
    "preferred_language",
    "country",
    "time_zone",
    "languages",
    "city",
    "sector",
    "skills",
    "goals",
    "preferred_format",
    "modality",
    "capacity",
    "linkedin_url",
)
REQUIRED = ("display_name", "email", "preferred_language", "country", "time_zone")
OPTIONAL = ("city", "sector", "linkedin_url")  # empty: cleared (null)
LISTS = ("languages", "skills", "goals")  # comma-separated on the form
FORMATS = ("pair", "group", "either")
MODALITIES = ("online_only", "face_to_face", "either")
MENTOR_ONLY = frozenset({"skills", "capacity"})
MENTEE_ONLY = frozenset({"goals"})
GENERAL = "_"  # an error about the profile as a whole, shown above the form
# Matching's rules that name no field (its programme-fit and role checks), by their start.
_FIELD_OF_TEXT = (
    ("country", "country"),
    ("speaks none", "languages"),
    ("capacity", "capacity"),
    ("goals", "goals"),
    ("skills", "skills"),
)


class ProfileShown(StrEnum):
    SHOWN = "shown"
    MISSING = "missing"  # not a participant of this programme (matching's 404/403)
    INACTIVE = "inactive"  # withdrawn or erased: matching's 409
    UNAVAILABLE = "unavailable"


STATUS = {
    ProfileShown.SHOWN: 200,
    ProfileShown.MISSING: 404,
    ProfileShown.INACTIVE: 409,
    ProfileShown.UNAVAILABLE: 503,
}


@dataclass(frozen=True, slots=True)
class ProfileRecord:
    participant_id: uuid.UUID
    programme_id: uuid.UUID
    role: str
    status: str
    values: Mapping[str, str]  # each field as the form's text
    linkedin_consent: bool

    def applies(self, name: str) -> bool:
        """Whether the field is this role's (mentors list skills, mentees goals)."""
        if name in MENTOR_ONLY:
            return self.role == "mentor"
        if name in MENTEE_ONLY:
            return self.role == "mentee"
        return True


@dataclass(frozen=True, slots=True)
class ProfilePage:
    shown: ProfileShown
    zone: str
    record: ProfileRecord | None = None
    errors: Mapping[str, str] = field(default_factory=dict)

    @property
    def status(self) -> int:
        if self.shown is ProfileShown.SHOWN and self.errors:
            return 422
        return STATUS[self.shown]


def as_text(value: object) -> str:
    """One of matching's values as the form shows it."""
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return ", ".join(str(v) for v in value)
    return str(value)


def listed(text: str) -> list[str]:
    return [part.strip() for part in text.split(",") if part.strip()]


def changes(
    role: str, typed: Mapping[str, str], consent: bool
) -> tuple[dict[str, Any], dict[str, str]]:
    """The change matching is asked for (its ``ParticipantUpdate`` as JSON), and the
    errors found before asking (a capacity that is not a number, a choice not offered).
    Everything else is matching's to judge."""
    body: dict[str, Any] = {"linkedin_consent": consent}
    errors: dict[str, str] = {}
    for name in REQUIRED:
        body[name] = typed.get(name, "").strip()
    for name in OPTIONAL:
        body[name] = typed.get(name, "").strip() or None
    body["languages"] = listed(typed.get("languages", ""))
    body["skills" if role == "mentor" else "goals"] = listed(
        typed.get("skills" if role == "mentor" else "goals", "")
    )
    for name, offered in (("preferred_format", FORMATS), ("modality", MODALITIES)):
        chosen = typed.get(name, "")
        if chosen in offered:
            body[name] = chosen
        else:
            errors[name] = "Choose one of the options."
    if role == "mentor":
        capacity = typed.get("capacity", "").strip()
        if capacity.isdigit():
            body["capacity"] = int(capacity)
        else:
            errors["capacity"] = "Enter a whole number."
    return body, errors


def field_of(error: Mapping[str, object]) -> str:
    """The form field one of matching's error items is about (GENERAL when none)."""
    loc = error.get("loc")
    if isinstance(loc, list) and len(loc) >= 2 and loc[0] == "body" and loc[1] in TEXT_FIELDS:
        return str(loc[1])
    if isinstance(loc, list) and len(loc) >= 2 and loc[1] == "linkedin_consent":
        return "linkedin_consent"
    text = str(error.get("msg", ""))
    for start, name in _FIELD_OF_TEXT:
        if text.startswith(start):
            return name
    return GENERAL


def errors_by_field(items: Iterable[Mapping[str, object]], detail: str) -> dict[str, str]:
    """Matching's 422 as a message per field (the first one each); its detail when no
    item says more."""
    found: dict[str, str] = {}
    for item in items:
        found.setdefault(field_of(item), str(item.get("msg", "")) or detail)
    return found or {GENERAL: detail}
