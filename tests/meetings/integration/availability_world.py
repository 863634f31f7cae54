"""A small programme for the availability and calendar-feed tests: its people, their
events as matching publishes them, and the meetings app running on a given database."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from tandem_contracts.common import AvailabilityWindow, Contact, MentoringFormat, Modality, Role
from tandem_contracts.contacts import ParticipantContact
from tandem_contracts.matching import (
    ParticipantErased,
    ParticipantProfileFacts,
    ParticipantRegistered,
    ParticipantUpdated,
    ProgrammeCreated,
)
from tandem_kit.clock import ManualClock
from tandem_kit.testing import RunningApp, isolated_settings, run_app
from tandem_meetings.main import DEFINITION, create_app
from tandem_meetings.service.context import Context
from tandem_meetings.settings import MeetingsSettings

START = datetime(2027, 3, 1, 8, 0, tzinfo=UTC)  # a Monday


@dataclass
class Person:
    subject: str
    role: str  # mentor | mentee
    time_zone: str = "Europe/Lisbon"
    windows: list[tuple[int, str, str]] = field(default_factory=lambda: [(0, "09:00", "12:00")])
    modality: Modality = Modality.EITHER
    goals: tuple[str, ...] = ()
    participant_id: uuid.UUID = field(default_factory=uuid.uuid4)

    def contact(self) -> Contact:
        return Contact(
            subject=self.subject,
            display_name=f"{self.subject.title()} Example",
            email=f"{self.subject}@example.org",
            preferred_language="en",
            time_zone=self.time_zone,
        )


@dataclass
class World:
    running: RunningApp[MeetingsSettings]
    clock: ManualClock
    programme_id: uuid.UUID
    mentor: Person
    mentee: Person
    other_programme_id: uuid.UUID = field(default_factory=uuid.uuid4)

    @property
    def ctx(self) -> Context:
        return Context.of(self.running.runtime)

    def as_me(self, person: Person) -> dict[str, str]:
        if person.role == "mentor":
            return self.running.bearer(person.subject, mentor=[self.programme_id])
        return self.running.bearer(person.subject, mentee=[self.programme_id])

    def url(self, what: str = "availability", programme_id: uuid.UUID | None = None) -> str:
        return f"/v1/programmes/{programme_id or self.programme_id}/me/{what}"

    def facts(self, person: Person, *, updated: bool = False) -> ParticipantProfileFacts:
        event_class = ParticipantUpdated if updated else ParticipantRegistered
        return event_class(
            programme_id=self.programme_id,
            participant_id=person.participant_id,
            subject=person.subject,
            role=Role(person.role),
            country="PT",
            languages=["en"],
            availability=[
                AvailabilityWindow(weekday=d, start=s, end=e) for d, s, e in person.windows
            ],
            modality=person.modality,
            goals=list(person.goals),
        )

    def contact(self, person: Person) -> ParticipantContact:
        return ParticipantContact(
            programme_id=self.programme_id,
            participant_id=person.participant_id,
            role=Role(person.role),
            contact=person.contact(),
        )

    def erased(self, person: Person) -> ParticipantErased:
        return ParticipantErased(
            programme_id=self.programme_id,
            participant_id=person.participant_id,
            subject=person.subject,
        )

    async def register(self, person: Person) -> None:
        assert await self.running.deliver(self.contact(person))
        assert await self.running.deliver(self.facts(person))


def programme_created(programme_id: uuid.UUID) -> ProgrammeCreated:
    return ProgrammeCreated(
        programme_id=programme_id,
        organisation_id=uuid.uuid4(),
        name="Blended 2027",
        countries=["PT", "DE"],
        languages=["en"],
        starts_on=date(2027, 1, 1),
        ends_on=date(2027, 12, 31),
        formats=[MentoringFormat.PAIR],
        managers=[],
        time_zone="Europe/Lisbon",
    )


@asynccontextmanager
async def world(
    tmp_path: Path, database_url: str | None = None, **overrides: Any
) -> AsyncIterator[World]:
    """The app with a programme, a mentor (Max, Berlin) and a mentee (Ana, Lisbon)."""
    values: dict[str, Any] = {"service_name": "meetings", "calendar_feed_allow_private": True}
    if database_url is not None:
        values["database_url"] = database_url
    settings = isolated_settings(MeetingsSettings, tmp_path, **{**values, **overrides})
    clock = ManualClock(START)
    async with run_app(
        create_app(settings, clock=clock), settings, definition=DEFINITION
    ) as running:
        programme_id = uuid.uuid4()
        assert await running.deliver(programme_created(programme_id))
        w = World(
            running,
            clock,
            programme_id,
            Person(
                "max", "mentor", "Europe/Berlin", [(0, "09:00", "12:00"), (2, "14:00", "18:00")]
            ),
            Person("ana", "mentee", "Europe/Lisbon", [(1, "18:00", "21:00")]),
        )
        await w.register(w.mentor)
        await w.register(w.mentee)
        yield w
