"""Running the messaging app in tests, and the people and events of a small programme.

The app runs through ``tandem_kit.testing.run_app``; events reach its handlers
through the consumer's own decoding and inbox (without Kafka);
``tests/e2e/test_messaging_flow.py`` drives the real consumer through a real broker.
"""

from __future__ import annotations

import base64
import json
import os
import uuid
from collections.abc import AsyncIterator, Mapping
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx2
from fastapi import FastAPI
from sqlalchemy import select

from tandem_contracts import Event
from tandem_contracts.common import Contact, MailOverride, MentoringFormat, Role
from tandem_contracts.contacts import ParticipantContact
from tandem_contracts.matching import (
    Member,
    ProgrammeCreated,
    RelationshipEnded,
    RelationshipStarted,
)
from tandem_kit.db.tables import outbox_table
from tandem_kit.kafka import EventHandler
from tandem_kit.runtime import Runtime
from tandem_kit.testing import RunningApp, run_app
from tandem_messaging.main import DEFINITION, create_app
from tandem_messaging.service.context import Context
from tandem_messaging.service.messages import MessagePoster
from tandem_messaging.settings import MessagingSettings

UNREACHABLE_KAFKA = "127.0.0.1:9"  # the discard port: nothing answers, the API does not care


def new_master_key() -> str:
    return base64.b64encode(os.urandom(32)).decode()


def settings_for(
    tmp_path: Path, database_url: str | None = None, **overrides: Any
) -> MessagingSettings:
    values: dict[str, Any] = {
        "environment": "test",
        "database_url": database_url or f"sqlite+aiosqlite:///{tmp_path / 'messaging.db'}",
        "kafka_bootstrap_servers": UNREACHABLE_KAFKA,
        "kafka_consumer_group": f"tandem.messaging.test-{uuid.uuid4().hex[:8]}",
        "run_relay": False,
        "run_consumers": False,
        "master_key": new_master_key(),
        "master_key_file": str(tmp_path / "unused-master.key"),
        "auth": {"local_key_path": str(tmp_path / "jwt.pem")},
        "public_base_url": "https://tandem.test",
    }
    values.update(overrides)
    return MessagingSettings(**values)


@dataclass
class Person:
    subject: str
    name: str
    role: str  # mentor | mentee | manager
    language: str = "en"
    time_zone: str = "Europe/Berlin"
    linkedin: str | None = None
    participant_id: uuid.UUID = field(default_factory=uuid.uuid4)

    @property
    def email(self) -> str:
        return f"{self.subject}@example.org"

    def contact(self) -> Contact:
        return Contact(
            subject=self.subject,
            display_name=self.name,
            email=self.email,
            preferred_language=self.language,
            time_zone=self.time_zone,
        )


@dataclass
class Programme:
    """A programme with a manager and its participants; relationships are added by tests."""

    manager: Person
    people: list[Person]
    id: uuid.UUID = field(default_factory=uuid.uuid4)
    name: str = "Women in Tech 2026"
    languages: list[str] = field(default_factory=lambda: ["en", "de", "fr", "es"])
    mail_overrides: dict[str, dict[str, MailOverride]] = field(default_factory=dict)

    def created(self) -> ProgrammeCreated:
        return ProgrammeCreated(
            programme_id=self.id,
            organisation_id=uuid.uuid4(),
            name=self.name,
            countries=["DE", "FR", "ES"],
            languages=self.languages,
            starts_on=date(2026, 1, 1),
            ends_on=date(2026, 12, 31),
            formats=[MentoringFormat.PAIR, MentoringFormat.GROUP],
            managers=[self.manager.contact()],
            mail_overrides=self.mail_overrides,
        )

    def contact(self, person: Person) -> ParticipantContact:
        """The person's contact as matching publishes it on the contacts topic."""
        return ParticipantContact(
            programme_id=self.id,
            participant_id=person.participant_id,
            role=Role(person.role),
            contact=person.contact(),
            linkedin_url=person.linkedin,
        )

    def started(
        self, relationship_id: uuid.UUID, *members: Person, group: bool = False
    ) -> RelationshipStarted:
        return RelationshipStarted(
            programme_id=self.id,
            relationship_id=relationship_id,
            format=MentoringFormat.GROUP if group else MentoringFormat.PAIR,
            members=[
                Member(participant_id=p.participant_id, subject=p.subject, role=Role(p.role))
                for p in members
            ],
            starts_on=date(2026, 3, 1),
            agreed_end_date=date(2026, 9, 1),
        )

    def ended(self, relationship_id: uuid.UUID) -> RelationshipEnded:
        return RelationshipEnded(
            programme_id=self.id,
            relationship_id=relationship_id,
            outcome="completed",
            ended_by="system",
            reason="programme_completed",
        )


class Clock:
    """The service's "now": real time until a test sets it."""

    def __init__(self) -> None:
        self.fixed: datetime | None = None

    def __call__(self) -> datetime:
        return self.fixed or datetime.now(UTC)

    def set(self, moment: datetime) -> None:
        self.fixed = moment

    def advance(self, delta: timedelta) -> None:
        self.fixed = self() + delta


@dataclass
class Harness:
    client: httpx2.AsyncClient
    settings: MessagingSettings
    runtime: Runtime[MessagingSettings]  # the app's own, as it started
    handlers: Mapping[str, EventHandler]
    clock: Clock
    app: FastAPI

    @property
    def ctx(self) -> Context:
        return Context.of(self.runtime)

    running: RunningApp[MessagingSettings]

    async def deliver(self, event: Event, event_id: uuid.UUID | None = None) -> None:
        """Through the app's consumer path: decoded as a record, inbox row and effect in one
        transaction (a redelivered event id does nothing)."""
        await self.running.deliver(event, event_id=event_id)

    def auth(self, subject: str, **roles: Any) -> dict[str, str]:
        return self.running.bearer(subject, **roles)

    def as_person(self, person: Person, programme: Programme) -> dict[str, str]:
        if person.role == "manager":
            return self.auth(person.subject, manager=[str(programme.id)])
        return self.auth(person.subject, **{person.role: [str(programme.id)]})


@asynccontextmanager
async def running(
    settings: MessagingSettings, poster: type[MessagePoster] = MessagePoster
) -> AsyncIterator[Harness]:
    clock = Clock()
    app = create_app(settings, clock=clock, poster=poster)
    async with run_app(
        app,
        settings,
        definition=DEFINITION,
        base_url="http://messaging.test",
        raise_app_exceptions=False,
    ) as started:
        yield Harness(
            started.client,
            settings,
            started.runtime,
            started.handlers,
            clock,
            app,
            started,
        )


async def seed(h: Harness, programme: Programme) -> None:
    await h.deliver(programme.created())
    for person in programme.people:
        await h.deliver(programme.contact(person))


async def outbox_events(h: Harness, event_type: str) -> list[dict[str, Any]]:
    """Payloads of the events of one type waiting in (or sent from) the outbox."""
    async with h.runtime.database.sessions() as session:
        rows = (
            await session.execute(
                select(outbox_table.c.payload)
                .where(outbox_table.c.event_type == event_type)
                .order_by(outbox_table.c.id)
            )
        ).scalars()
        return [json.loads(payload) for payload in rows]
