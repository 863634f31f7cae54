"""Participant rows: built from validated input, checked against the programme, and
turned into the engine's profiles."""

from __future__ import annotations

import datetime as dt
from typing import Any

from tandem_matching.domain.profiles import (
    AvailabilityWindow,
    Criterion,
    FormatPreference,
    Modality,
    Profile,
    ProgrammePolicy,
    Role,
)
from tandem_matching.domain.programmes import Programme
from tandem_matching.schemas.participants import ProfileFields
from tandem_matching.schemas.programmes import MatchingPolicy

PROFILE_COLUMNS = tuple(ProfileFields.model_fields)


def participant_row(
    profile: ProfileFields,
    *,
    participant_id: str,
    programme_id: str,
    subject: str,
    role: str,
    at: dt.datetime,
) -> dict[str, Any]:
    values = profile.model_dump(mode="json", include=set(PROFILE_COLUMNS))
    values["languages"] = list(dict.fromkeys(values["languages"]))
    values["skills"] = sorted(set(values["skills"]))
    values["goals"] = sorted(set(values["goals"]))
    return {
        **values,
        "id": participant_id,
        "programme_id": programme_id,
        "subject": subject,
        "role": role,
        "status": "active",
        "created_at": at,
        "updated_at": at,
        "withdrawn_at": None,
        "erased_at": None,
    }


def programme_fit_errors(values: dict[str, Any], programme: Programme) -> list[str]:
    """Why a profile does not fit the programme it registers into (empty: it fits)."""
    errors = []
    if values["country"] not in programme.countries:
        errors.append(
            f"country {values['country']} is not one of the programme's "
            f"({', '.join(programme.countries)})"
        )
    if not set(values["languages"]) & set(programme.languages):
        errors.append(
            f"speaks none of the programme's languages ({', '.join(programme.languages)})"
        )
    return errors


def policy_of(programme: Programme) -> ProgrammePolicy:
    """The engine's policy from the stored one (validated again: it is JSON at rest)."""
    p = MatchingPolicy.model_validate(programme.policy)
    return ProgrammePolicy(
        weights={Criterion(k): float(v) for k, v in p.weights.items()},
        hard=frozenset(p.hard_constraints),
        min_overlap_hours=p.min_overlap_hours,
        saturation_hours=p.saturation_hours,
        reach=p.face_to_face_reach,
        country_policy=p.country_policy,
        formats=programme.formats,
        group_size=(programme.group_min, programme.group_max),
    )


def engine_profile(row: dict[str, Any], *, capacity: int | None = None) -> Profile:
    """The engine's view of a participant row; ``capacity`` overrides (remaining places)."""
    return Profile(
        id=row["id"],
        role=Role(row["role"]),
        country=row["country"],
        timezone=row["time_zone"],
        languages=tuple(row["languages"]),
        availability=tuple(
            AvailabilityWindow(w["weekday"], w["start"], w["end"]) for w in row["availability"]
        ),
        city=row["city"],
        sector=row["sector"],
        skills=frozenset(row["skills"]),
        goals=frozenset(row["goals"]),
        preferred_format=FormatPreference(row["preferred_format"]),
        modality=Modality(row["modality"]),
        capacity=capacity if capacity is not None else (row["capacity"] or 0),
        linkedin_url=row["linkedin_url"],
        linkedin_consent=row["linkedin_consent"],
    )
