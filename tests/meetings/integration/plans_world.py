"""A programme for the plan and slot tests: a manager, people with profiles (availability
on their own clocks, modality, country) and contacts (time zone, city), relationships
started as matching starts them, and agreements accepted as messaging announces them.

Max, the mentor, lives in Lisbon (available weekdays 09:00–12:00 and 17:00–20:00 there);
Ana in New York (weekdays 12:00–15:00 there, 17:00–20:00 UTC before 14 March 2027): they
share three hours a weekday but not a country. Bea lives in Lisbon too, Olga in Lisbon but
meets online only, Pia in Porto.
"""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from tandem_contracts.common import (
    AvailabilityWindow,
    Contact,
    MentoringFormat,
    Modality,
    Reach,
    Role,
)
from tandem_contracts.contacts import ParticipantContact
from tandem_contracts.matching import (
    Member,
    ParticipantRegistered,
    ProgrammeCreated,
    RelationshipStarted,
)
from tandem_contracts.messaging import AgreementAccepted, Channel
from tandem_kit.clock import ManualClock
from tandem_kit.testing import RunningApp, isolated_settings, run_app
from tandem_meetings.main import DEFINITION, create_app
from tandem_meetings.settings import MeetingsSettings

NOW = datetime(2027, 3, 1, 8, 0, tzinfo=UTC)  # a Monday
WEEKDAYS = range(5)


@dataclass
class Person:
    subject: str
    role: str  # mentor | mentee | manager
    time_zone: str
    country: str = "PT"
    city: str | None = "Lisbon"
    windows: list[tuple[int, str, str]] = field(default_factory=list)
    modality: Modality = Modality.EITHER
    participant_id: uuid.UUID = field(default_factory=uuid.uuid4)

    def contact(self) -> Contact:
        return Contact(
            subject=self.subject,
            display_name=self.subject.title(),
            email=f"{self.subject}@example.org",
            time_zone=self.time_zone,
        )


def weekdays(start: str, end: str) -> list[tuple[int, str, str]]:
    return [(day, start, end) for day in WEEKDAYS]


@dataclass
class World:
    app: RunningApp[MeetingsSettings]
    clock: ManualClock
    programme: uuid.UUID
    manager: Person
    max: Person
    ana: Person
    bea: Person
    olga: Person
    pia: Person
    outsider: Person

    def headers(self, person: Person, **grants: Any) -> dict[str, str]:
        if not grants:
            grants = {person.role: [self.programme]}
        return self.app.bearer(person.subject, **grants)

    async def register(self, person: Person) -> None:
        for event in self.registration(person):
            assert await self.app.deliver(event)

    def registration(self, person: Person) -> tuple[ParticipantContact, ParticipantRegistered]:
        """The person's contact and profile, as matching publishes them."""
        pid = self.programme
        return (
            ParticipantContact(
                programme_id=pid,
                participant_id=person.participant_id,
                role=Role(person.role),
                contact=person.contact(),
                city=person.city,
            ),
            ParticipantRegistered(
                programme_id=pid,
                participant_id=person.participant_id,
                subject=person.subject,
                role=Role(person.role),
                country=person.country,
                languages=["en"],
                availability=[
                    AvailabilityWindow(weekday=d, start=s, end=e) for d, s, e in person.windows
                ],
                modality=person.modality,
            ),
        )

    def started(
        self,
        *members: Person,
        relationship: uuid.UUID | None = None,
        starts_on: date = date(2027, 3, 1),
        agreed_end_date: date = date(2027, 8, 31),
        programme: uuid.UUID | None = None,
    ) -> RelationshipStarted:
        return RelationshipStarted(
            programme_id=programme or self.programme,
            relationship_id=relationship or uuid.uuid4(),
            format=MentoringFormat.GROUP if len(members) > 2 else MentoringFormat.PAIR,
            members=[
                Member(participant_id=p.participant_id, subject=p.subject, role=Role(p.role))
                for p in members
            ],
            starts_on=starts_on,
            agreed_end_date=agreed_end_date,
        )

    async def start(self, *members: Person, **kwargs: Any) -> uuid.UUID:
        event = self.started(*members, **kwargs)
        assert await self.app.deliver(event)
        return event.relationship_id

    def agreement(
        self, relationship: uuid.UUID, cadence_days: int, version: int = 1
    ) -> AgreementAccepted:
        return AgreementAccepted(
            programme_id=self.programme,
            relationship_id=relationship,
            agreement_id=uuid.uuid4(),
            version=version,
            channels=[Channel.MESSAGES, Channel.VIRTUAL_MEETING],
            response_time_hours=48,
            meeting_cadence_days=cadence_days,
            accepted_at=self.clock(),
            member_roles=[Role.MENTOR, Role.MENTEE],
        )

    async def plan(self, relationship: uuid.UUID, person: Person | None = None) -> Any:
        response = await self.app.client.get(
            f"/v1/relationships/{relationship}/plan", headers=self.headers(person or self.max)
        )
        assert response.status_code == 200, response.text
        return response.json()


def programme_created(
    programme: uuid.UUID, manager: Person, reach: Reach = Reach.SAME_CITY
) -> ProgrammeCreated:
    return ProgrammeCreated(
        programme_id=programme,
        organisation_id=uuid.uuid4(),
        name="Blended 2027",
        countries=["PT", "US"],
        languages=["en"],
        starts_on=date(2027, 1, 1),
        ends_on=date(2027, 12, 31),
        formats=[MentoringFormat.PAIR, MentoringFormat.GROUP],
        managers=[manager.contact()],
        time_zone="Europe/Lisbon",
        face_to_face_reach=reach,
    )


@asynccontextmanager
async def open_world(
    tmp_path: Path,
    database_url: str | None = None,
    *,
    reach: Reach = Reach.SAME_CITY,
    deliver: bool = True,
    **overrides: Any,
) -> AsyncIterator[World]:
    """The programme and its people, delivered to the app (or, ``deliver=False``, only
    described: a test sends them over the broker itself)."""
    if database_url:
        overrides["database_url"] = database_url
    settings = isolated_settings(MeetingsSettings, tmp_path, **overrides)
    clock = ManualClock(NOW)
    async with run_app(create_app(settings, clock=clock), settings, definition=DEFINITION) as app:
        programme = uuid.uuid4()
        manager = Person("maria", "manager", "Europe/Berlin")
        lisbon_hours = [*weekdays("09:00", "12:00"), *weekdays("17:00", "20:00")]
        w = World(
            app,
            clock,
            programme,
            manager,
            max=Person("max", "mentor", "Europe/Lisbon", windows=lisbon_hours),
            ana=Person(
                "ana",
                "mentee",
                "America/New_York",
                country="US",
                city="New York",
                windows=weekdays("12:00", "15:00"),
            ),
            bea=Person("bea", "mentee", "Europe/Lisbon", city=" lisbon ", windows=lisbon_hours),
            olga=Person(
                "olga",
                "mentee",
                "Europe/Lisbon",
                windows=lisbon_hours,
                modality=Modality.ONLINE_ONLY,
            ),
            pia=Person("pia", "mentee", "Europe/Lisbon", city="Porto", windows=lisbon_hours),
            outsider=Person("otto", "mentee", "Europe/Berlin", windows=lisbon_hours),
        )
        if deliver:
            assert await app.deliver(programme_created(programme, manager, reach))
            for person in (w.max, w.ana, w.bea, w.olga, w.pia, w.outsider):
                await w.register(person)
        yield w
