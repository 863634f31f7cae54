"""A small programme for the meetings tests: the app with a manual clock, a manager, a
pair (Max the mentor in Lisbon, Ana the mentee in New York), a second relationship of
Max's (with Bea) and an outsider, all made known through matching's events."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from tandem_contracts.common import Contact, MentoringFormat, Role
from tandem_contracts.contacts import ParticipantContact
from tandem_contracts.matching import (
    Member,
    ProgrammeCreated,
    RelationshipEnded,
    RelationshipStarted,
)
from tandem_kit.clock import ManualClock
from tandem_kit.testing import RunningApp, isolated_settings, run_app
from tandem_meetings.main import DEFINITION, create_app
from tandem_meetings.service.context import VideoFactory
from tandem_meetings.settings import MeetingsSettings

START = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)  # a Monday


@dataclass
class Person:
    subject: str
    role: str  # mentor | mentee | manager
    time_zone: str
    participant_id: uuid.UUID = field(default_factory=uuid.uuid4)

    def contact(self) -> Contact:
        return Contact(
            subject=self.subject,
            display_name=self.subject.title(),
            email=f"{self.subject}@example.org",
            time_zone=self.time_zone,
        )


@dataclass
class World:
    app: RunningApp[MeetingsSettings]
    clock: ManualClock
    programme: uuid.UUID
    manager: Person
    mentor: Person
    mentee: Person
    bea: Person  # Max's mentee in a second relationship
    outsider: Person  # a mentee of the programme in neither relationship
    pair: uuid.UUID
    other: uuid.UUID

    def headers(self, person: Person, **grants: Any) -> dict[str, str]:
        """The person's token: their role in the programme (or ``grants`` instead)."""
        if not grants:
            grants = {person.role: [self.programme]}
        return self.app.bearer(person.subject, **grants)

    def started(self, relationship: uuid.UUID, *members: Person) -> RelationshipStarted:
        return RelationshipStarted(
            programme_id=self.programme,
            relationship_id=relationship,
            format=MentoringFormat.GROUP if len(members) > 2 else MentoringFormat.PAIR,
            members=[
                Member(participant_id=p.participant_id, subject=p.subject, role=Role(p.role))
                for p in members
            ],
            starts_on=date(2026, 3, 1),
            agreed_end_date=date(2026, 9, 1),
        )

    def ended(self, relationship: uuid.UUID) -> RelationshipEnded:
        return RelationshipEnded.model_validate(
            {
                "programme_id": self.programme,
                "relationship_id": relationship,
                "outcome": "ended_early",
                "ended_by": "mentee",
                "reason": "no_time",
            }
        )

    async def schedule(
        self, person: Person, relationship: uuid.UUID | None = None, **body: Any
    ) -> Any:
        body.setdefault("mode", "online")
        body.setdefault("starts_at", "2026-03-09T16:00:00Z")
        if "ends_at" not in body:
            body.setdefault("duration_minutes", 60)
        return await self.app.client.post(
            f"/v1/relationships/{relationship or self.pair}/meetings",
            json=body,
            headers=self.headers(person),
        )


@asynccontextmanager
async def open_world(
    tmp_path: Path,
    database_url: str | None = None,
    *,
    video: VideoFactory | None = None,
    **overrides: Any,
) -> AsyncIterator[World]:
    if database_url:
        overrides["database_url"] = database_url
    settings = isolated_settings(MeetingsSettings, tmp_path, **overrides)
    clock = ManualClock(START)
    app_ = create_app(settings, clock=clock, video=video)
    async with run_app(app_, settings, definition=DEFINITION) as app:
        programme = uuid.uuid4()
        manager = Person("maria", "manager", "Europe/Berlin")
        mentor = Person("max", "mentor", "Europe/Lisbon")
        mentee = Person("ana", "mentee", "America/New_York")
        bea = Person("bea", "mentee", "Asia/Kolkata")
        outsider = Person("otto", "mentee", "Europe/Berlin")
        await app.deliver(
            ProgrammeCreated(
                programme_id=programme,
                organisation_id=uuid.uuid4(),
                name="Blended 2026",
                countries=["PT", "US", "IN"],
                languages=["en"],
                starts_on=date(2026, 1, 1),
                ends_on=date(2026, 12, 31),
                formats=[MentoringFormat.PAIR],
                managers=[manager.contact()],
                time_zone="Europe/Lisbon",
            )
        )
        for person in (mentor, mentee, bea, outsider):
            await app.deliver(
                ParticipantContact(
                    programme_id=programme,
                    participant_id=person.participant_id,
                    role=Role(person.role),
                    contact=person.contact(),
                )
            )
        world = World(
            app,
            clock,
            programme,
            manager,
            mentor,
            mentee,
            bea,
            outsider,
            uuid.uuid4(),
            uuid.uuid4(),
        )
        await app.deliver(world.started(world.pair, mentor, mentee))
        await app.deliver(world.started(world.other, mentor, bea))
        yield world
