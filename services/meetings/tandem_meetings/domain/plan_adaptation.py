"""How a relationship's members change its plan: online only, and the programme's reach.

- If any member can only meet online (``Modality.online_only``), every face-to-face or
  either-way activity is held online for that relationship (``online_only``).
- Otherwise a face-to-face or either-way activity stays so only if the members are within
  the programme's reach (``Reach``): the same country (the profiles' countries) and, for
  ``same_city``, the same city (the contacts' cities, compared without case or spacing).
  Out of reach, or where a member's country or city is not known, the activity is
  **proposed online instead** (``out_of_reach_city``, ``out_of_reach_country``,
  ``location_unknown``): the plan keeps the relationship meeting rather than leaving a
  face-to-face activity nobody can attend. The members may still schedule it face to
  face if they want to (the plan proposes, it does not forbid).

The reasons name no one and no place: the manager sees them in the plan view.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from tandem_meetings.domain.plans import ActivityMode

SAME_CITY = "same_city"
SAME_COUNTRY = "same_country"


class Adaptation(StrEnum):
    ONLINE_ONLY = "online_only"
    OUT_OF_REACH_CITY = "out_of_reach_city"
    OUT_OF_REACH_COUNTRY = "out_of_reach_country"
    LOCATION_UNKNOWN = "location_unknown"


REASONS: dict[Adaptation, str] = {
    Adaptation.ONLINE_ONLY: (
        "A member can only meet online, so this relationship holds its face-to-face "
        "activities online."
    ),
    Adaptation.OUT_OF_REACH_CITY: (
        "The members do not live in the same city (the programme meets face to face within "
        "a city), so this is proposed online."
    ),
    Adaptation.OUT_OF_REACH_COUNTRY: (
        "The members do not live in the same country (the programme meets face to face "
        "within a country), so this is proposed online."
    ),
    Adaptation.LOCATION_UNKNOWN: (
        "Not every member's country and city is known, so the programme's reach for face-to-"
        "face meetings cannot be checked; this is proposed online."
    ),
}


@dataclass(frozen=True, slots=True)
class MemberSetting:
    """What decides how a member can meet: their modality, country and city, if known."""

    online_only: bool
    country: str | None
    city: str | None


def _city(text: str | None) -> str | None:
    if text is None:
        return None
    folded = " ".join(text.split()).casefold()
    return folded or None


def reach_adaptation(reach: str, members: Sequence[MemberSetting]) -> Adaptation | None:
    """Why the members are not within ``reach`` of each other; None when they are."""
    if len(members) < 2:
        return None
    countries = {m.country for m in members}
    if None in countries:
        return Adaptation.LOCATION_UNKNOWN
    if len(countries) > 1:
        return Adaptation.OUT_OF_REACH_COUNTRY
    if reach == SAME_COUNTRY:
        return None
    cities = {_city(m.city) for m in members}
    if None in cities:
        return Adaptation.LOCATION_UNKNOWN
    return Adaptation.OUT_OF_REACH_CITY if len(cities) > 1 else None


def relationship_adaptation(reach: str, members: Sequence[MemberSetting]) -> Adaptation | None:
    """What happens to this relationship's in-person activities (None: they stay)."""
    if any(m.online_only for m in members):
        return Adaptation.ONLINE_ONLY
    return reach_adaptation(reach, members)


def adapted_mode(
    mode: ActivityMode, adaptation: Adaptation | None
) -> tuple[ActivityMode, Adaptation | None]:
    """An activity's mode for the relationship and the adaptation it shows (if changed)."""
    if adaptation is None or mode is ActivityMode.ONLINE:
        return mode, None
    return ActivityMode.ONLINE, adaptation


def reason_of(code: str | None) -> str | None:
    if code is None:
        return None
    try:
        return REASONS[Adaptation(code)]
    except ValueError:
        return None
