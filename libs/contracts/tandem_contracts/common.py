"""Value types shared by several events."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints


class Role(StrEnum):
    MENTOR = "mentor"
    MENTEE = "mentee"


class MentoringFormat(StrEnum):
    PAIR = "pair"
    GROUP = "group"


class Modality(StrEnum):
    """How a participant can meet.

    For a mentee ``face_to_face`` means *requires* in-person meetings (a hard constraint
    when the programme enables it); ``either`` means open to both, with a soft preference
    for a mentor who could meet in person. For a mentor ``face_to_face`` and ``either`` both
    mean *can meet in person and online*. ``online_only`` never excludes anybody: an
    online-only mentee can be matched with any mentor, wherever they are (and a
    relationship with an online-only member holds its face-to-face activities online).
    """

    ONLINE_ONLY = "online_only"
    FACE_TO_FACE = "face_to_face"
    EITHER = "either"


class Reach(StrEnum):
    """How far apart the members of a face-to-face pair or group may live."""

    SAME_CITY = "same_city"
    SAME_COUNTRY = "same_country"


LanguageCode = Annotated[str, StringConstraints(pattern=r"^[a-z]{2,3}(-[A-Z]{2})?$")]
# Matching's vocabulary of skills and goals: snake_case ids (cv, interviews, networking …),
# never free text.
GoalToken = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]{1,39}$")]
CountryCode = Annotated[str, StringConstraints(pattern=r"^[A-Z]{2}$")]


class Contact(BaseModel):
    """What a service needs to write to or schedule with a person, and nothing more.

    Travels to the services that mail or schedule; each keeps it only until the
    person is erased.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    subject: str = Field(description="The person's identity: the bearer token's `sub`.")
    display_name: str
    email: str
    preferred_language: LanguageCode = "en"
    time_zone: str = Field(description="IANA time zone, e.g. Europe/Berlin.")


class MailOverride(BaseModel):
    """A manager's wording of one mail template in one language (``tandem_contracts.mails``):
    ``$placeholders`` from the template's own set, no plural forms."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    subject: str = Field(min_length=1, max_length=300)
    text: str = Field(min_length=1, max_length=20000)


# template id -> language tag -> the manager's wording
MailOverrides = dict[str, dict[LanguageCode, MailOverride]]


class AvailabilityWindow(BaseModel):
    """A weekly window in the participant's own time zone."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    weekday: int = Field(ge=0, le=6, description="0 = Monday")
    start: str = Field(pattern=r"^([01]\d|2[0-3]):[0-5]\d$")
    end: str = Field(pattern=r"^([01]\d|2[0-4]):[0-5]\d$")
