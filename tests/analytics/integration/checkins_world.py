"""A programme for the check-in and outcome tests: the analytics app with a manual clock,
a manager, six pairs (mentees in Germany but the last, in France; some reading German,
Greek or Arabic), an outsider, all made known through matching's events."""

from __future__ import annotations

import re
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from email.message import EmailMessage
from pathlib import Path
from typing import Any

from tandem_analytics.main import DEFINITION, create_app
from tandem_analytics.settings import AnalyticsSettings
from tandem_contracts.common import Contact, MentoringFormat, Role
from tandem_contracts.contacts import ParticipantContact
from tandem_contracts.envelope import Envelope
from tandem_contracts.matching import (
    Member,
    ParticipantRegistered,
    ProgrammeCreated,
    RelationshipEnded,
    RelationshipStarted,
)
from tandem_kit.clock import ManualClock
from tandem_kit.mail import MailRelay
from tandem_kit.testing import RunningApp, isolated_settings, run_app
from tests.support.smtp import SmtpTestServer

START = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)  # a Monday
STARTS_ON = date(2026, 3, 2)
AGREED_END = date(2026, 8, 31)
LINK = re.compile(r"https?://\S+/v1/check-in-links/[A-Za-z0-9_-]+")


@dataclass
class Person:
    subject: str
    role: str  # mentor | mentee | manager
    language: str = "en"
    country: str = "DE"
    participant_id: uuid.UUID = field(default_factory=uuid.uuid4)

    @property
    def email(self) -> str:
        return f"{self.subject}@example.org"

    def contact(self) -> Contact:
        return Contact(
            subject=self.subject,
            display_name=self.subject.title(),
            email=self.email,
            preferred_language=self.language,
            time_zone="Europe/Berlin",
        )


@dataclass
class World:
    app: RunningApp[AnalyticsSettings]
    clock: ManualClock
    programme: uuid.UUID
    manager: Person
    pairs: list[tuple[uuid.UUID, Person, Person]]  # relationship, mentor, mentee
    outsider: Person

    @property
    def mentees(self) -> list[Person]:
        return [mentee for _, _, mentee in self.pairs]

    def headers(self, person: Person, **grants: Any) -> dict[str, str]:
        if not grants:
            grants = {person.role: [self.programme]}
        return self.app.bearer(person.subject, **grants)

    async def put_plan(self, **body: Any) -> Any:
        body.setdefault("pulse_every_weeks", 2)
        return await self.app.client.put(
            f"/v1/programmes/{self.programme}/check-in-plan",
            json=body,
            headers=self.headers(self.manager),
        )

    async def end(self, relationship: uuid.UUID, at: datetime) -> None:
        event = RelationshipEnded.model_validate(
            {
                "programme_id": self.programme,
                "relationship_id": relationship,
                "outcome": "completed",
                "ended_by": "system",
                "reason": "programme_completed",
            }
        )
        await self.app.deliver(Envelope.wrap(event).model_copy(update={"time": at}))

    async def deliver_mail(self, smtp: SmtpTestServer) -> int:
        relay = MailRelay(self.app.runtime.database, smtp.settings(), service="analytics")
        report = await relay.send_pending_once()
        return report.sent


def links_in(message: EmailMessage) -> list[str]:
    body = message.get_body(("plain",))
    assert body is not None
    return LINK.findall(body.get_content())


def text_of(message: EmailMessage) -> str:
    body = message.get_body(("plain",))
    assert body is not None
    return str(body.get_content())


def token_of(url: str) -> str:
    return url.rsplit("/", 1)[1]


@asynccontextmanager
async def open_world(tmp_path: Path, **overrides: Any) -> AsyncIterator[World]:
    settings = isolated_settings(AnalyticsSettings, tmp_path, **overrides)
    clock = ManualClock(START)
    async with run_app(create_app(settings, clock=clock), settings, definition=DEFINITION) as app:
        programme = uuid.uuid4()
        manager = Person("maria", "manager")
        languages = ["de", "el", "ar", "en", "en", "fr"]
        pairs = [
            (
                uuid.uuid4(),
                Person(f"mentor{i}", "mentor"),
                Person(f"mentee{i}", "mentee", languages[i], "FR" if i == 5 else "DE"),
            )
            for i in range(6)
        ]
        outsider = Person("otto", "mentee")
        await app.deliver(
            ProgrammeCreated(
                programme_id=programme,
                organisation_id=uuid.uuid4(),
                name="Bridges 2026",
                countries=["DE", "FR"],
                languages=["en", "de"],
                starts_on=date(2026, 1, 1),
                ends_on=date(2026, 12, 31),
                formats=[MentoringFormat.PAIR],
                managers=[manager.contact()],
                time_zone="Europe/Berlin",
            )
        )
        people = [p for _, mentor, mentee in pairs for p in (mentor, mentee)] + [outsider]
        for person in people:
            await app.deliver(
                ParticipantContact(
                    programme_id=programme,
                    participant_id=person.participant_id,
                    role=Role(person.role),
                    contact=person.contact(),
                )
            )
            await app.deliver(
                ParticipantRegistered(
                    programme_id=programme,
                    participant_id=person.participant_id,
                    subject=person.subject,
                    role=Role(person.role),
                    country=person.country,
                    languages=[person.language],
                    availability=[],
                )
            )
        for relationship, mentor, mentee in pairs:
            await app.deliver(
                RelationshipStarted(
                    programme_id=programme,
                    relationship_id=relationship,
                    format=MentoringFormat.PAIR,
                    members=[
                        Member(
                            participant_id=p.participant_id, subject=p.subject, role=Role(p.role)
                        )
                        for p in (mentor, mentee)
                    ],
                    starts_on=STARTS_ON,
                    agreed_end_date=AGREED_END,
                )
            )
        yield World(app, clock, programme, manager, pairs, outsider)
