"""Malformed Kafka records on analytics' topics, through the real broker: each is
dead-lettered with its origin and a reason, nothing of it is written, and the valid
events after it in the same partitions are counted as if it had never been there.

What an outsider who can write to the topics might send: bytes that are not JSON, JSON
without a CloudEvent envelope, an envelope of another spec version, a type no contract
knows, a known type with a payload that fails its contract, a value as large as the
broker takes, and a tombstone on a topic whose records are facts, not compacted state.
The read models (and the stored events they are rebuilt from) must then equal those of
an app that was handed only the valid events, and the inbox must hold none of the bad
records' ids.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

import pytest
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, TopicPartition
from sqlalchemy import select

from tandem_analytics.main import DEFINITION, create_app
from tandem_analytics.settings import AnalyticsSettings
from tandem_contracts import Envelope, dlq_topic
from tandem_contracts.common import Role
from tandem_kit.clock import ManualClock
from tandem_kit.db.tables import inbox_table
from tandem_kit.kafka import create_producer
from tandem_kit.testing import RunningApp, isolated_settings, run_app, wait_until
from tests.analytics.integration.readmodels_history import START, History, dump, stored_events
from tests.support.groups import start_group_at_the_end

pytestmark = [pytest.mark.kafka]
NOW = START + timedelta(days=28)
# The broker's default message.max.bytes is 1048588: a record this large is accepted,
# but its dead letter (the value and the dlq_* headers) is over the producer's 1 MiB; it
# stopped the partition for ever until the kit kept such a dead letter without its value.
LARGEST_VALUE = 1_048_000


@dataclass(frozen=True)
class Bad:
    reason: str  # what the dead letter's error must say
    topic: str
    key: bytes
    value: bytes | None
    headers: list[tuple[str, bytes]]
    omitted: bytes | None = None  # the dead letter's dlq_value_omitted, if any


def _replace(headers: list[tuple[str, bytes]], **values: bytes) -> list[tuple[str, bytes]]:
    return [(name, values.get(name, value)) for name, value in headers]


def bad_records(history: History) -> list[Bad]:
    """One bad record of each kind, keyed like the valid events that follow them, so that
    they share partitions and the valid ones must be consumed after them."""
    created, message = history.envelopes[0], history.envelopes[-1]
    matching, messaging = "tandem.matching.v1", "tandem.messaging.v1"
    programme_key, pair_key = created.key.encode(), message.key.encode()

    def fresh(envelope: Envelope, **values: bytes) -> list[tuple[str, bytes]]:
        """Its headers with an id of its own (and ``values`` replaced)."""
        return _replace(envelope.kafka_headers(), ce_id=str(uuid.uuid4()).encode(), **values)

    payload = json.loads(message.data)
    padding = LARGEST_VALUE - len(json.dumps({**payload, "padding": ""}))
    oversized = json.dumps({**payload, "padding": "x" * padding}).encode()
    unknown = b"tandem.messaging.no_such_event.v1"
    no_content = [h for h in fresh(created) if h[0] != "content-type"]
    invalid = f"invalid {message.type} payload"
    return [
        Bad("not a CloudEvent", matching, programme_key, created.data, []),
        Bad(
            "CloudEvents version",
            matching,
            programme_key,
            created.data,
            fresh(created, ce_specversion=b"0.3"),
        ),
        Bad(invalid, messaging, pair_key, b"\xff\xfe not JSON", fresh(message)),
        Bad(
            "unknown event type", messaging, pair_key, message.data, fresh(message, ce_type=unknown)
        ),
        Bad(
            invalid,
            messaging,
            pair_key,
            json.dumps({**payload, "sender_role": "stranger"}).encode(),
            fresh(message),
        ),
        Bad(invalid, messaging, pair_key, oversized, fresh(message), omitted=b"too large"),
        Bad("tombstone", matching, programme_key, None, no_content),
    ]


async def publish(
    producer: AIOKafkaProducer,
    topic: str,
    key: bytes,
    value: bytes | None,
    headers: list[tuple[str, bytes]],
) -> tuple[str, int, int]:
    sent = await (await producer.send(topic, value=value, key=key, headers=headers))
    return sent.topic, sent.partition, sent.offset


async def dead_letters(bootstrap: str, topic: str) -> dict[tuple[str, int, int], dict[str, bytes]]:
    """Every dead letter of ``topic`` up to its end, by the origin its headers name."""
    consumer = AIOKafkaConsumer(
        bootstrap_servers=bootstrap, group_id=None, enable_auto_commit=False
    )
    await consumer.start()
    try:
        partitions = [TopicPartition(topic, p) for p in consumer.partitions_for_topic(topic) or {0}]
        consumer.assign(partitions)
        await consumer.seek_to_beginning(*partitions)
        ends = await consumer.end_offsets(partitions)
        found: dict[tuple[str, int, int], dict[str, bytes]] = {}
        while [p for p in partitions if await consumer.position(p) < ends[p]]:
            for records in (await consumer.getmany(timeout_ms=500)).values():
                for record in records:
                    headers = dict(record.headers)
                    origin = (
                        headers["dlq_original_topic"].decode(),
                        int(headers["dlq_original_partition"]),
                        int(headers["dlq_original_offset"]),
                    )
                    found[origin] = headers
        return found
    finally:
        await consumer.stop()


def the_history() -> History:
    h = History()
    h.created(uuid.uuid4())
    mentor, mentee = h.person(Role.MENTOR, "DE"), h.person(Role.MENTEE, "SY")
    pair = h.start(mentor, mentee)
    h.message(pair, mentor, START, None)
    h.message(pair, mentee, START + timedelta(hours=2), None)
    return h


@pytest.fixture
async def reference(tmp_path: Path) -> AsyncIterator[RunningApp[AnalyticsSettings]]:
    """An app handed only the valid events, through the consumer's own inbox path."""
    folder = tmp_path / "reference"
    folder.mkdir()
    settings = isolated_settings(AnalyticsSettings, folder)
    app = create_app(settings, clock=ManualClock(NOW))
    async with run_app(app, settings, definition=DEFINITION) as running:
        yield running


async def test_malformed_records_are_dead_lettered_and_the_valid_ones_counted(
    tmp_path: Path, kafka_bootstrap: str, reference: RunningApp[AnalyticsSettings]
) -> None:
    group = f"tandem.analytics.malformed-{uuid.uuid4().hex[:8]}"
    for topic in DEFINITION.consumes:
        await start_group_at_the_end(kafka_bootstrap, group, topic)
    settings = isolated_settings(
        AnalyticsSettings,
        tmp_path,
        kafka_bootstrap_servers=kafka_bootstrap,
        kafka_consumer_group=group,
        run_consumers=True,
    )
    history = the_history()
    for envelope in history.envelopes:
        await reference.deliver(envelope)
    producer = create_producer(kafka_bootstrap)
    await producer.start()
    app = create_app(settings, clock=ManualClock(NOW))
    try:
        async with run_app(app, settings, definition=DEFINITION) as analytics:
            bad = bad_records(history)
            origins = {await publish(producer, b.topic, b.key, b.value, b.headers): b for b in bad}
            for envelope in history.envelopes:
                topic = (
                    "tandem.matching.v1" if "matching" in envelope.type else "tandem.messaging.v1"
                )
                await publish(
                    producer,
                    topic,
                    envelope.key.encode(),
                    envelope.kafka_value(),
                    envelope.kafka_headers(),
                )
            good = {str(e.id) for e in history.envelopes}

            async def inbox() -> set[str]:
                async with analytics.runtime.database.transaction() as session:
                    rows = await session.execute(select(inbox_table.c.event_id))
                    return {str(event_id) for event_id in rows.scalars()}

            async def consumed() -> bool:
                return good <= await inbox()

            await wait_until(consumed)
            assert await inbox() == good  # no row for any bad record
            manager = analytics.bearer("manager", manager=[history.programme])
            path = f"/v1/programmes/{history.programme}/dashboard"
            figures = await analytics.client.get(path, headers=manager)
            assert figures.json()["relationships"] == 1, figures.text
            expected = reference.bearer("manager", manager=[history.programme])
            assert figures.json() == (await reference.client.get(path, headers=expected)).json()
            assert await dump(analytics.runtime.database) == await dump(reference.runtime.database)
            assert await stored_events(analytics.runtime.database) == await stored_events(
                reference.runtime.database
            )
            letters = await dead_letters(kafka_bootstrap, dlq_topic("analytics"))
            wrong = []
            for origin, record in origins.items():
                letter = letters.get(origin)
                error = "" if letter is None else letter["dlq_error"].decode()
                if (
                    letter is None
                    or record.reason not in error
                    or letter["dlq_consumer"] != b"analytics"
                    or letter.get("dlq_value_omitted") != record.omitted
                ):
                    wrong.append(f"{origin}: {record.reason!r} expected, dead letter: {error!r}")
            assert not wrong, "\n".join(wrong)
    finally:
        await producer.stop()
