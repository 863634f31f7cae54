"""The matching service's events on the real broker.

The app runs with its outbox relay (a unique database, a unique consumer group).
One programme is driven through the API — participants, a match run, publishing,
accepting, ending early — and ``tandem.matching.v1`` is read from the offsets it had
before: every event arrives, keyed by relationship id (else programme id), in order
per relationship. Then the same records are delivered twice to an
:class:`~tandem_kit.kafka.EventConsumer` with its own database and inbox, which
applies each effect exactly once.
"""

from __future__ import annotations

import asyncio
import json
import uuid
from collections import Counter
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, TopicPartition
from sqlalchemy import func, insert, select

from tandem_contracts import dlq_topic, service_topic
from tandem_contracts.matching import (
    MatchingEvent,
    MatchProposed,
    ParticipantRegistered,
    ProgrammeCreated,
    RelationshipEnded,
    RelationshipStarted,
    RematchOffered,
)
from tandem_kit.db.tables import outbox_table
from tandem_kit.kafka import EventConsumer, HandlerContext, Handlers, TopicSpec, provision_topics
from tandem_kit.kafka.producer import create_producer
from tests.kit.fixture_service.tables import received
from tests.kit.integration.harness import migrated_database, wait_until
from tests.matching.integration.helpers import (
    Api,
    mentee_body,
    mentor_body,
    running_app,
    settings_for,
)

pytestmark = [pytest.mark.kafka]
TOPIC = service_topic("matching")
Record = tuple[int, int, str, str, dict[str, Any]]  # partition, offset, key, type, payload


@pytest.fixture
async def producer(kafka_bootstrap: str) -> AsyncIterator[AIOKafkaProducer]:
    producer = create_producer(kafka_bootstrap)
    await producer.start()
    yield producer
    await producer.stop()


async def partitions_and_ends(bootstrap: str) -> dict[TopicPartition, int]:
    """Where each partition of the topic ends now: our events will come after."""
    consumer = AIOKafkaConsumer(bootstrap_servers=bootstrap, group_id=None)
    await consumer.start()
    try:
        await consumer._client.force_metadata_update()
        partitions = [
            TopicPartition(TOPIC, p) for p in sorted(consumer.partitions_for_topic(TOPIC) or ())
        ]
        return dict(await consumer.end_offsets(partitions))
    finally:
        await consumer.stop()


async def read_programme_events(
    bootstrap: str,
    start: dict[TopicPartition, int],
    programme_id: str,
    expected: int,
) -> tuple[list[Record], list[Any]]:
    """Our programme's records from ``start``, read by a fresh consumer group."""
    consumer = AIOKafkaConsumer(
        bootstrap_servers=bootstrap,
        group_id=f"tandem.e2e.{uuid.uuid4().hex[:8]}",
        enable_auto_commit=False,
        isolation_level="read_committed",
    )
    await consumer.start()
    ours: list[Record] = []
    raw: list[Any] = []
    try:
        consumer.assign(list(start))
        for partition, offset in start.items():
            consumer.seek(partition, offset)
        deadline = asyncio.get_running_loop().time() + 60
        while len(ours) < expected and asyncio.get_running_loop().time() < deadline:
            for records in (await consumer.getmany(timeout_ms=500)).values():
                for r in records:
                    payload = json.loads(r.value or b"{}")
                    if payload.get("programme_id") == programme_id:
                        headers = dict(r.headers)
                        ours.append(
                            (
                                r.partition,
                                r.offset,
                                (r.key or b"").decode(),
                                headers["ce_type"].decode(),
                                payload,
                            )
                        )
                        raw.append(r)
    finally:
        await consumer.stop()
    return ours, raw


async def drive(api: Api) -> dict[str, Any]:
    """Programme → 2 mentors, 2 mentees → run → publish → accept all → end one early."""
    pid = await api.programme()
    manager = api.tokens.manager(pid)
    for name in ("m1", "m2"):
        await api.register(pid, mentor_body(name, capacity=1))
    for name in ("e1", "e2"):
        await api.register(pid, mentee_body(name))
    run = await api.call("POST", f"/v1/programmes/{pid}/match-runs", manager, 202)
    run = await api.wait_for_run(pid, run["id"])
    assert run["summary"]["matched"] == 2, run
    base = f"/v1/programmes/{pid}/match-runs/{run['id']}"
    await api.call("POST", f"{base}/approvals", manager, json={"all": True})
    await api.call("POST", f"{base}/publish", manager)
    rels = (await api.call("GET", f"/v1/programmes/{pid}/relationships", manager))["items"]
    subjects = {}
    for rel in rels:
        for member in rel["members"]:
            person = await api.call(
                "GET", f"/v1/programmes/{pid}/participants/{member['participant_id']}", manager
            )
            subjects[member["participant_id"]] = (person["subject"], member["role"])
            token = (api.tokens.mentor if member["role"] == "mentor" else api.tokens.mentee)(
                pid, person["subject"]
            )
            await api.call("POST", f"/v1/programmes/{pid}/relationships/{rel['id']}/accept", token)
    ended = rels[0]["id"]
    await api.call(
        "POST",
        f"/v1/programmes/{pid}/relationships/{ended}/end",
        manager,
        json={"reason": "poor_fit"},
    )
    return {
        "pid": pid,
        "relationships": [r["id"] for r in rels],
        "ended": ended,
        "subjects": subjects,
    }


async def test_events_arrive_in_order_and_apply_exactly_once(
    kafka_bootstrap: str,
    tmp_path: Path,
    producer: AIOKafkaProducer,
) -> None:
    start = await partitions_and_ends(kafka_bootstrap)
    url = f"sqlite+aiosqlite:///{tmp_path / 'matching.db'}"
    settings = settings_for(
        url,
        str(tmp_path / "signing.pem"),
        run_relay=True,
        match_runs_enabled=True,
        kafka_bootstrap_servers=kafka_bootstrap,
        kafka_consumer_group=f"tandem.matching.e2e.{uuid.uuid4().hex[:8]}",
    )
    async with running_app(settings) as api:
        facts = await drive(api)
        database = api.database

        async def outbox_drained() -> bool:
            async with database.sessions() as session:
                unsent = await session.scalar(select(func.count()).select_from(outbox_table))
            return unsent == 0

        await wait_until(outbox_drained, timeout=60)

    pid = facts["pid"]
    expected = 1 + 4 + 2 + 2 + 1 + 1
    records, raw = await read_programme_events(kafka_bootstrap, start, pid, expected)
    types = Counter(r[3] for r in records)
    assert types == {
        "tandem.programme.created.v1": 1,
        "tandem.participant.registered.v2": 4,
        "tandem.match.proposed.v1": 2,
        "tandem.relationship.started.v1": 2,
        "tandem.relationship.ended.v1": 1,
        "tandem.rematch.offered.v1": 1,  # the ended relationship's mentee
    }, types

    for _, _, key, event_type, payload in records:
        assert key == payload.get("relationship_id", pid), (event_type, key)
    for rel_id in facts["relationships"]:
        mine = [r for r in records if r[2] == rel_id]
        assert len({r[0] for r in mine}) == 1, "one relationship, one partition"
        in_order = [r[3] for r in sorted(mine, key=lambda r: r[1])]
        wanted = ["tandem.match.proposed.v1", "tandem.relationship.started.v1"]
        if rel_id == facts["ended"]:
            wanted += ["tandem.relationship.ended.v1", "tandem.rematch.offered.v1"]
        assert in_order == wanted, in_order
    started = [r[4] for r in records if r[3] == "tandem.relationship.started.v1"]
    for event in started:
        assert {(m["subject"], m["role"]) for m in event["members"]} == {
            facts["subjects"][m["participant_id"]] for m in event["members"]
        }
    ended = next(r[4] for r in records if r[3] == "tandem.relationship.ended.v1")
    assert (ended["outcome"], ended["ended_by"], ended["reason"]) == (
        "ended_early",
        "manager",
        "poor_fit",
    )

    await deliver_twice_and_consume_once(kafka_bootstrap, tmp_path, producer, raw)


async def deliver_twice_and_consume_once(
    bootstrap: str, tmp_path: Path, producer: AIOKafkaProducer, raw: list[Any]
) -> None:
    """Every record twice on a fresh topic; the inbox lets each effect happen once."""
    name = f"matching-e2e-{uuid.uuid4().hex[:8]}"
    topic = f"tandem.test.{uuid.uuid4().hex[:12]}"
    await provision_topics(bootstrap, [TopicSpec(topic, 3), TopicSpec(dlq_topic(name), 1)])
    for _ in range(2):
        for record in raw:
            await producer.send_and_wait(
                topic, value=record.value, key=record.key, headers=list(record.headers)
            )
    sink = await migrated_database(f"sqlite+aiosqlite:///{tmp_path / 'sink.db'}")

    async def record_effect(event: MatchingEvent, ctx: HandlerContext) -> None:
        await ctx.session.execute(
            insert(received).values(note_id=str(ctx.envelope.key), event_id=str(ctx.envelope.id))
        )

    handlers = Handlers()
    for event_class in (
        ProgrammeCreated,
        ParticipantRegistered,
        MatchProposed,
        RelationshipStarted,
        RelationshipEnded,
        RematchOffered,
    ):
        handlers.on(event_class, record_effect)
    consumer = EventConsumer(
        name=name,
        database=sink,
        bootstrap_servers=bootstrap,
        topics=[topic],
        handlers=handlers,
        dead_letters=producer,
        max_attempts=2,
        retry_backoff=0.01,
    )
    task = asyncio.create_task(consumer.run())

    async def effects() -> Counter[str]:
        async with sink.sessions() as session:
            return Counter((await session.scalars(select(received.c.event_id))).all())

    async def all_seen() -> bool:
        return len(await effects()) == len(raw)

    try:
        await wait_until(all_seen, timeout=60)
        await asyncio.sleep(1.5)  # time for the second copies to arrive and be dropped
    finally:
        consumer.stop()
        await task
    counts = await effects()
    await sink.dispose()
    event_ids = {dict(r.headers)["ce_id"].decode() for r in raw}
    assert set(counts) == event_ids
    assert set(counts.values()) == {1}, "an effect happened twice"
