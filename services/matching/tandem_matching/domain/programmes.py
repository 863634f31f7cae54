"""Programmes and their named managers as the service passes them between its layers."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from uuid import UUID
from zoneinfo import ZoneInfo

from tandem_matching.domain.profiles import FormatsOffered, Reach
from tandem_matching.domain.wording import MailOverrides


@dataclass(frozen=True, slots=True)
class Manager:
    """A manager named when the programme was created, and how to reach them."""

    subject: str
    display_name: str
    email: str
    preferred_language: str
    time_zone: str


@dataclass(frozen=True, slots=True)
class Programme:
    id: UUID
    organisation_id: UUID
    name: str
    countries: tuple[str, ...]
    languages: tuple[str, ...]
    starts_on: dt.date
    ends_on: dt.date
    formats: FormatsOffered
    group_min: int
    group_max: int
    # The matching policy as the API states it (schemas.programmes.MatchingPolicy, as JSON):
    # hard constraints, weights, overlap, reach, country policy, mentee choice.
    policy: Mapping[str, object]
    # The reference IANA zone: the programme's dates (its end, relationships' start and
    # completion) are dates there.
    time_zone: str
    created_at: dt.datetime
    updated_at: dt.datetime
    # The managers' own wording of mails, per template and language (domain.wording).
    mail_overrides: MailOverrides = field(default_factory=dict)

    def today(self, now: dt.datetime) -> dt.date:
        """The date it is in the programme's reference zone at ``now`` (an aware time)."""
        return now.astimezone(ZoneInfo(self.time_zone)).date()

    @property
    def face_to_face_reach(self) -> Reach:
        """How far apart a face-to-face pair may live (the policy's; same city unless said)."""
        return Reach(str(self.policy.get("face_to_face_reach", Reach.SAME_CITY)))

    @property
    def mentee_choice(self) -> bool:
        return bool(self.policy.get("mentee_choice"))

    def has_ended(self, today: dt.date) -> bool:
        return today > self.ends_on
