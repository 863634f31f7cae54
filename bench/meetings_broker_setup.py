"""The broker bench's world and its broker plumbing (``bench/meetings_broker.py`` runs it).

A programme, ``2 × relationships`` participants (contacts with zones and cities on the
contacts topic, profiles with weekday availability and a mentee's goals on matching's
topic) and the ``relationship.started`` events pairing them; the kit's producer to publish
them as the outbox relay does; the topics' end offsets, and a consumer group started at
given offsets (what earlier runs left in the topics is not read).
"""

from __future__ import annotations

import asyncio
import time
import uuid
from collections.abc import Iterable, Sequence
from datetime import UTC, date, datetime

from aiokafka import AIOKafkaConsumer, TopicPartition

from tandem_contracts import EVENT_TYPES, Envelope, Event
from tandem_contracts.common import AvailabilityWindow, Contact, MentoringFormat, Role
from tandem_contracts.contacts import ParticipantContact
from tandem_contracts.matching import (
    Member,
    ParticipantRegistered,
    ProgrammeCreated,
    RelationshipStarted,
)
from tandem_kit.kafka import create_producer
from tandem_kit.kafka.provision import default_topics
from tandem_meetings.main import DEFINITION

NOW = datetime(2027, 3, 1, 8, 0, tzinfo=UTC)
PLACES = (
    ("Europe/Lisbon", "PT", "Lisbon", ("09:00", "12:00"), ("17:00", "20:00")),
    ("America/New_York", "US", "New York", ("12:00", "15:00"), ("08:00", "10:00")),
    ("Europe/Berlin", "DE", "Berlin", ("10:00", "13:00"), ("18:00", "21:00")),
    ("Asia/Kolkata", "IN", "Pune", ("19:00", "22:00"), ("08:00", "09:30")),
)
Offsets = dict[TopicPartition, int]


# --- the events ------------------------------------------------------------------------------


def programme_created(programme: uuid.UUID) -> ProgrammeCreated:
    return ProgrammeCreated(
        programme_id=programme,
        organisation_id=uuid.uuid4(),
        name="Bench",
        countries=["PT", "US", "DE", "IN"],
        languages=["en"],
        starts_on=date(2027, 1, 1),
        ends_on=date(2027, 12, 31),
        formats=[MentoringFormat.PAIR],
        managers=[],
        time_zone="Europe/Lisbon",
    )


def people(programme: uuid.UUID, count: int) -> tuple[list[Event], list[Member]]:
    events: list[Event] = []
    members = []
    for n in range(count):
        zone, country, city, first, second = PLACES[n % len(PLACES)]
        pid, role = uuid.uuid4(), Role.MENTOR if n % 2 == 0 else Role.MENTEE
        subject = f"p{n}"
        contact = Contact(
            subject=subject, display_name=f"P {n}", email=f"{subject}@x.org", time_zone=zone
        )
        events.append(
            ParticipantContact(
                programme_id=programme, participant_id=pid, role=role, contact=contact, city=city
            )
        )
        events.append(
            ParticipantRegistered(
                programme_id=programme,
                participant_id=pid,
                subject=subject,
                role=role,
                country=country,
                languages=["en"],
                availability=[
                    AvailabilityWindow(weekday=d, start=a, end=b)
                    for d in range(5)
                    for a, b in (first, second)
                ],
                goals=["cv", "interviews"] if role is Role.MENTEE else [],
            )
        )
        members.append(Member(participant_id=pid, subject=subject, role=role))
    return events, members


def starts(programme: uuid.UUID, people: list[Member], count: int) -> list[Event]:
    return [
        RelationshipStarted(
            programme_id=programme,
            relationship_id=uuid.uuid4(),
            format=MentoringFormat.PAIR,
            # mentor n with mentee n+1 or n+3: same places and other places
            members=[people[2 * i], people[(2 * i + 1 + 2 * (i % 2)) % len(people)]],
            starts_on=date(2027, 3, 1),
            agreed_end_date=date(2027, 8, 31),
        )
        for i in range(count)
    ]


# --- the broker ------------------------------------------------------------------------------


async def publish(bootstrap: str, events: Iterable[Event | Envelope]) -> float:
    """Send ``events`` with the kit's producer, as the outbox relay does; seconds taken.
    An envelope goes as it is (analytics' bench gives each event its own time)."""
    producer = create_producer(bootstrap)
    await producer.start()
    began = time.perf_counter()
    try:
        pending = []
        for event in events:
            envelope = event if isinstance(event, Envelope) else Envelope.wrap(event)
            pending.append(
                await producer.send(
                    EVENT_TYPES[envelope.type].topic(),
                    value=envelope.data,
                    key=envelope.key.encode(),
                    headers=envelope.kafka_headers(),
                )
            )
            if len(pending) >= 5000:
                await asyncio.gather(*pending)
                pending.clear()
        await asyncio.gather(*pending)
    finally:
        await producer.stop()
    return time.perf_counter() - began


def consumed_topics() -> list[str]:
    return list(DEFINITION.consumes)


async def end_offsets(bootstrap: str, topics: Sequence[str] | None = None) -> Offsets:
    # With a group: aiokafka's group-less consumer fails its own stop() (a cancelled task).
    consumer = AIOKafkaConsumer(
        bootstrap_servers=bootstrap,
        group_id="tandem.bench-probe",
        enable_auto_commit=False,
        isolation_level="read_committed",
    )
    await consumer.start()
    try:
        # as provisioned (tests/support/infra.py provisions default_topics())
        counts = {spec.name: spec.partitions for spec in default_topics()}
        partitions = [
            TopicPartition(topic, p)
            for topic in (topics or consumed_topics())
            for p in range(counts[topic])
        ]
        return dict(await consumer.end_offsets(partitions))
    finally:
        await consumer.stop()


async def commit_at(bootstrap: str, group: str, offsets: Offsets) -> None:
    """Start ``group`` where ``offsets`` say: what earlier runs left in the topics is not read."""
    consumer = AIOKafkaConsumer(
        bootstrap_servers=bootstrap, group_id=group, enable_auto_commit=False
    )
    await consumer.start()
    try:
        consumer.assign(list(offsets))
        await consumer.commit(offsets)
    finally:
        await consumer.stop()
