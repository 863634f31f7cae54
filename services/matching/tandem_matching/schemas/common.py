"""Field types shared by the API schemas: validated codes, contacts, weekly windows."""

from __future__ import annotations

import re
from typing import Annotated
from urllib.parse import urlsplit

from pydantic import (
    AfterValidator,
    Field,
    StringConstraints,
    model_validator,
)

from tandem_contracts.codes import is_country, is_language, is_time_zone
from tandem_contracts.common import GoalToken
from tandem_kit.api import RequestModel

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s.]+$")


def _country(value: str) -> str:
    if not is_country(value):
        raise ValueError(f"{value!r} is not an ISO 3166-1 alpha-2 country code (e.g. DE)")
    return value


def _language(value: str) -> str:
    if not is_language(value):
        raise ValueError(f"{value!r} is not a language code (ISO 639, e.g. de or pt-BR)")
    return value


def _time_zone(value: str) -> str:
    if not is_time_zone(value):
        raise ValueError(f"{value!r} is not an IANA time zone (e.g. Europe/Berlin)")
    return value


def _email(value: str) -> str:
    if not _EMAIL.match(value):
        raise ValueError(f"{value!r} is not an e-mail address")
    return value


def _linkedin(value: str) -> str:
    parts = urlsplit(value)
    if (
        parts.scheme != "https"
        or parts.hostname != "www.linkedin.com"
        or parts.port
        or parts.username
        or parts.password
        or len(parts.path) < 2
    ):
        raise ValueError("must be a profile URL starting with https://www.linkedin.com/")
    return value


Country = Annotated[str, AfterValidator(_country), Field(examples=["DE"])]
Language = Annotated[str, AfterValidator(_language), Field(examples=["de"])]
TimeZone = Annotated[str, AfterValidator(_time_zone), Field(examples=["Europe/Berlin"])]
Email = Annotated[str, StringConstraints(max_length=320), AfterValidator(_email)]
LinkedInUrl = Annotated[str, StringConstraints(max_length=300), AfterValidator(_linkedin)]
Subject = Annotated[str, StringConstraints(min_length=1, max_length=200)]
Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
# Skills and goals share one vocabulary of snake_case tokens: cv, interviews, networking …
# (the contracts', since the participant events carry the goals).
Token = GoalToken


class Window(RequestModel):
    """A weekly availability window in the participant's own time zone."""

    weekday: int = Field(ge=0, le=6, description="0 = Monday … 6 = Sunday")
    start: str = Field(pattern=r"^([01]\d|2[0-3]):[0-5]\d$", examples=["18:00"])
    end: str = Field(pattern=r"^([01]\d|2[0-3]):[0-5]\d$|^24:00$", examples=["20:00"])

    @model_validator(mode="after")
    def _ends_after_start(self) -> Window:
        # Both are zero-padded HH:MM (the patterns above), so text order is time order.
        if self.end <= self.start:
            raise ValueError(f"window must end after it starts: {self.start}-{self.end}")
        return self


class ManagerContact(RequestModel):
    """How to reach a programme's named manager: travels in ``programme.created`` (as the
    contracts' ``Contact``) to the services that mail or schedule."""

    subject: Subject = Field(description="The person's identity: the bearer token's `sub`.")
    display_name: Name
    email: Email
    preferred_language: Language = "en"
    time_zone: TimeZone = "UTC"
