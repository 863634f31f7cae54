"""Participant records: built from validated input, updated, checked against the
programme, and turned into the engine's profiles."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import replace
from typing import Any
from uuid import UUID

from tandem_matching.domain.participants import Participant, ParticipantStatus
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
from tandem_matching.schemas.common import Window
from tandem_matching.schemas.participants import ProfileFields
from tandem_matching.schemas.programmes import MatchingPolicy


def _windows(windows: list[Window]) -> tuple[AvailabilityWindow, ...]:
    return tuple(AvailabilityWindow(w.weekday, w.start, w.end) for w in windows)


def new_participant(
    profile: ProfileFields,
    *,
    participant_id: UUID,
    programme_id: UUID,
    subject: str,
    role: Role,
    at: dt.datetime,
) -> Participant:
    """An active participant from a registration or an import row."""
    return Participant(
        id=participant_id,
        programme_id=programme_id,
        subject=subject,
        role=role,
        status=ParticipantStatus.ACTIVE,
        display_name=profile.display_name,
        email=profile.email,
        preferred_language=profile.preferred_language,
        country=profile.country,
        time_zone=profile.time_zone,
        languages=tuple(dict.fromkeys(profile.languages)),
        city=profile.city,
        availability=_windows(profile.availability),
        sector=profile.sector,
        skills=tuple(sorted(set(profile.skills))),
        goals=tuple(sorted(set(profile.goals))),
        preferred_format=profile.preferred_format,
        modality=profile.modality,
        capacity=profile.capacity,
        linkedin_url=profile.linkedin_url,
        linkedin_consent=profile.linkedin_consent,
        created_at=at,
        updated_at=at,
        withdrawn_at=None,
        erased_at=None,
    )


def with_changes(
    participant: Participant, changes: Mapping[str, Any], at: dt.datetime
) -> Participant:
    """The participant after a profile update (``changes``: the fields the request set)."""
    values = dict(changes)
    for listed in ("skills", "goals"):
        if values.get(listed) is not None:
            values[listed] = tuple(sorted(set(values[listed])))
    if values.get("languages") is not None:
        values["languages"] = tuple(values["languages"])
    if values.get("availability") is not None:
        values["availability"] = tuple(
            AvailabilityWindow(w["weekday"], w["start"], w["end"]) for w in values["availability"]
        )
    if values.get("preferred_format") is not None:
        values["preferred_format"] = FormatPreference(values["preferred_format"])
    if values.get("modality") is not None:
        values["modality"] = Modality(values["modality"])
    return replace(participant, **values, updated_at=at)


def programme_fit_errors(participant: Participant, programme: Programme) -> list[str]:
    """Why a profile does not fit the programme it registers into (empty: it fits)."""
    errors = []
    if participant.country not in programme.countries:
        errors.append(
            f"country {participant.country} is not one of the programme's "
            f"({', '.join(programme.countries)})"
        )
    if not set(participant.languages or ()) & set(programme.languages):
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


def engine_profile(participant: Participant, *, capacity: int | None = None) -> Profile:
    """The engine's view of an active participant; ``capacity`` overrides (places left)."""
    p = participant
    assert p.country is not None, "an erased participant"
    assert p.time_zone is not None, "an erased participant"
    return Profile(
        id=p.id,
        role=p.role,
        country=p.country,
        timezone=p.time_zone,
        languages=p.languages or (),
        availability=p.availability or (),
        city=p.city,
        sector=p.sector,
        skills=frozenset(p.skills or ()),
        goals=frozenset(p.goals or ()),
        preferred_format=p.preferred_format or FormatPreference.EITHER,
        modality=p.modality or Modality.EITHER,
        capacity=capacity if capacity is not None else (p.capacity or 0),
        linkedin_url=p.linkedin_url,
        linkedin_consent=p.linkedin_consent,
    )
