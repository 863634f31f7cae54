"""The contacts topic through the kit's real consumer and broker.

A tombstone (a key with no value) is handled only where it means something, on the
compacted contacts topic, by the type's tombstone handler (one of a type nobody
handles there, like the segment roller's marker, is skipped); on any other topic it
is a dead letter. A contact that cannot be handled is dead-lettered without its value:
``tandem.dlq.*`` keeps records for 30 days, and a copy of a contact there would
outlive the person's erasure (her tombstone cannot reach it).
"""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator
from datetime import UTC, datetime

import pytest
from aiokafka import AIOKafkaProducer

from tandem_contracts import CONTACTS_TOPIC, Envelope, consumer_group, dlq_topic
from tandem_contracts.common import Contact, Role
from tandem_contracts.contacts import ParticipantContact
from tandem_kit.kafka import EventConsumer, HandlerContext, Handlers, Tombstone, create_producer
from tandem_kit.kafka.rolling import (
    ROLL_MARKER_KEY,
    ROLL_MARKER_TYPE,
    SegmentRoller,
    roll_marker_headers,
)
from tandem_kit.runtime import KafkaConnection
from tests.conftest import UrlFactory
from tests.kit.integration.harness import fresh_topic, migrated_database, read_topic, wait_until
from tests.support.groups import start_group_at_the_end

pytestmark = [pytest.mark.kafka]


@pytest.fixture
async def producer(kafka_bootstrap: str) -> AsyncIterator[AIOKafkaProducer]:
    producer = create_producer(kafka_bootstrap)
    await producer.start()
    yield producer
    await producer.stop()


async def test_tombstones_only_on_the_contacts_topic_and_no_contact_in_dead_letters(
    kafka_bootstrap: str, url_factory: UrlFactory, producer: AIOKafkaProducer
) -> None:
    name = f"kit-contacts-{uuid.uuid4().hex[:8]}"
    elsewhere = await fresh_topic(kafka_bootstrap, name, partitions=1)  # + its DLQ topic
    sink = await migrated_database(await url_factory("consumer"))
    email = f"zoe.{uuid.uuid4().hex}@example.org"
    zoe = ParticipantContact(
        programme_id=uuid.uuid4(),
        participant_id=uuid.uuid4(),
        role=Role.MENTEE,
        contact=Contact(
            subject="zoe",
            display_name="Zoe",
            email=email,
            preferred_language="en",
            time_zone="Europe/Athens",
        ),
    )
    # Only this test's records: the shared contacts topic holds every earlier run's.
    await start_group_at_the_end(kafka_bootstrap, consumer_group(name), CONTACTS_TOPIC, elsewhere)
    value = Envelope.wrap(zoe)
    gone = Envelope.tombstone_of(ParticipantContact, str(uuid.uuid4()))
    misplaced = Envelope.tombstone_of(ParticipantContact, str(uuid.uuid4()))
    for topic, envelope in (
        (CONTACTS_TOPIC, value),
        (CONTACTS_TOPIC, gone),
        (elsewhere, misplaced),
    ):
        await producer.send_and_wait(
            topic,
            value=envelope.kafka_value(),
            key=envelope.key.encode(),
            headers=envelope.kafka_headers(),
        )
    # The segment roller's marker: a tombstone of a type nobody handles, to be skipped.
    marker = roll_marker_headers("/tandem/test", datetime.now(UTC))
    await producer.send_and_wait(CONTACTS_TOPIC, value=None, key=ROLL_MARKER_KEY, headers=marker)

    forgotten: list[str] = []

    async def cannot_store(record: ParticipantContact, hc: HandlerContext) -> None:
        raise RuntimeError(f"the directory refuses {record.contact.email}")

    async def forget(tombstone: Tombstone, hc: HandlerContext) -> None:
        forgotten.append(tombstone.key)

    handlers = Handlers().on(ParticipantContact, cannot_store)
    handlers.on_tombstone(ParticipantContact, forget)
    consumer = EventConsumer(
        name=name,
        database=sink,
        bootstrap_servers=kafka_bootstrap,
        topics=[CONTACTS_TOPIC, elsewhere],
        handlers=handlers,
        dead_letters=producer,
        max_attempts=1,
        retry_backoff=0.01,
    )
    task = asyncio.create_task(consumer.run())
    dead: list[tuple[bytes | None, bytes | None, dict[str, bytes]]] = []

    async def both_dead_lettered() -> bool:
        dead[:] = await read_topic(kafka_bootstrap, dlq_topic(name), expected=0, timeout=1)
        ids = {h.get("ce_id") for _, _, h in dead}
        return {str(value.id).encode(), str(misplaced.id).encode()} <= ids

    try:
        await wait_until(both_dead_lettered, timeout=60, interval=0.5)
        await wait_until(lambda: _contains(forgotten, gone.key), timeout=30)
    finally:
        consumer.stop()
        await task
    await sink.dispose()

    by_id = {h["ce_id"]: (v, h) for _, v, h in dead}
    contact_value, contact_headers = by_id[str(value.id).encode()]
    assert contact_value is None, "a contact's value must not be copied to the DLQ"
    assert contact_headers["dlq_value_omitted"] == b"true"
    assert contact_headers["dlq_original_topic"] == CONTACTS_TOPIC.encode()
    assert contact_headers["dlq_error"].startswith(b"RuntimeError")
    # Not in the value, nor the error's message (which quoted it), nor anywhere else.
    everything = b"".join((k or b"") + (v or b"") + b"".join(h.values()) for k, v, h in dead)
    assert email.encode() not in everything
    _, misplaced_headers = by_id[str(misplaced.id).encode()]
    assert misplaced_headers["dlq_original_topic"] == elsewhere.encode()
    assert b"tombstone" in misplaced_headers["dlq_error"]
    assert misplaced.key not in forgotten
    assert gone.key in forgotten
    assert dict(marker)["ce_id"] not in by_id, "the roller's marker is skipped, not dead"
    assert ROLL_MARKER_KEY.decode() not in forgotten


async def test_the_roller_appends_one_marker_to_every_partition(kafka_bootstrap: str) -> None:
    name = f"kit-roll-{uuid.uuid4().hex[:8]}"
    topic = await fresh_topic(kafka_bootstrap, name, partitions=3)
    kafka = KafkaConnection(kafka_bootstrap, client_id="roller-test")
    await kafka.connect()
    try:
        roller = SegmentRoller(kafka, [topic], 60, service="test")
        assert await roller.roll(datetime.now(UTC)) == 3
        assert await roller.roll(datetime.now(UTC)) == 3
    finally:
        await kafka.close()
    written = await read_topic(kafka_bootstrap, topic, expected=6)
    assert len(written) == 6
    assert {(key, value) for key, value, _ in written} == {(ROLL_MARKER_KEY, None)}
    assert {h["ce_type"] for _, _, h in written} == {ROLL_MARKER_TYPE.encode()}
    assert len({h["ce_id"] for _, _, h in written}) == 6


async def _contains(items: list[str], item: str) -> bool:
    return item in items
