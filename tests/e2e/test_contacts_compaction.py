"""After an erasure, the person's e-mail is gone from every file of the real broker.

Matching runs with its outbox relay against the real Kafka broker. A mentee with a
unique e-mail registers (her contact goes to the compacted ``tandem.contacts.v1``),
then she is erased (a tombstone of her contact follows). No record of
``tandem.matching.v1`` carries her e-mail, ever. Compaction is then forced: the
contacts topic gets tiny segment and compaction-lag settings for the test (restored
after it), matching's own segment roller (every half second here) appends the records
that make the segments roll, and the test
waits until the log cleaner's checkpoint has passed her tombstone and no file under
the broker's data directory (every log, index, checkpoint and ``.deleted`` file)
holds her e-mail. A control comes first: before the erasure the scan does find it, so
a scan that finds nothing proves something (the producer does not compress).

Before contacts moved to the compacted topic, participant events carried the e-mail
on ``tandem.matching.v1``, whose 7-day retention kept it after the erasure.
"""

from __future__ import annotations

import asyncio
import uuid
from pathlib import Path

import pytest
from aiokafka import AIOKafkaConsumer, TopicPartition
from aiokafka.admin import AIOKafkaAdminClient
from aiokafka.admin.config_resource import ConfigResource, ConfigResourceType
from sqlalchemy import func, select

from tandem_kit.db import Database
from tandem_kit.db.tables import outbox_table
from tests.kit.integration.harness import wait_until
from tests.matching.integration.helpers import (
    mentee_body,
    running_app,
    settings_for,
)
from tests.support.infra import kafka_data_dir

pytestmark = [pytest.mark.kafka]
MATCHING = "tandem.matching.v1"
CONTACTS = "tandem.contacts.v1"
CONTACT_TYPE = "tandem.participant.contact.v1"

# For the test only: every append to a segment older than half a second rolls it, a
# closed segment with anything uncleaned is cleaned at the cleaner's next pass, and the
# files a clean replaces are deleted a second later.
FORCED_COMPACTION = {
    "cleanup.policy": "compact",
    "segment.ms": "500",
    "max.compaction.lag.ms": "500",
    "min.compaction.lag.ms": "0",
    "min.cleanable.dirty.ratio": "0.01",
    "file.delete.delay.ms": "1000",
    "delete.retention.ms": "1000",
}


async def topic_config(bootstrap: str, topic: str) -> dict[str, str]:
    """The topic's own settings (those set on it, not the broker's defaults)."""
    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap)
    await admin.start()
    try:
        [response] = await admin.describe_configs([ConfigResource(ConfigResourceType.TOPIC, topic)])
        [(_, _, _, _, entries)] = response.resources
        # (name, value, read_only, source, sensitive, synonyms); source 1 = set on the topic
        return {entry[0]: entry[1] for entry in entries if entry[3] == 1}
    finally:
        await admin.close()


async def set_topic_config(bootstrap: str, topic: str, config: dict[str, str]) -> None:
    """Replace the topic's settings (AlterConfigs sets them all at once)."""
    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap)
    await admin.start()
    try:
        [response] = await admin.alter_configs(
            [ConfigResource(ConfigResourceType.TOPIC, topic, configs=config)]
        )
        assert all(resource[0] == 0 for resource in response.resources), response
    finally:
        await admin.close()


async def end_offsets(bootstrap: str, topic: str) -> dict[TopicPartition, int]:
    consumer = AIOKafkaConsumer(bootstrap_servers=bootstrap, group_id=None)
    await consumer.start()
    try:
        await consumer._client.force_metadata_update()
        partitions = [TopicPartition(topic, p) for p in consumer.partitions_for_topic(topic) or ()]
        return dict(await consumer.end_offsets(partitions))
    finally:
        await consumer.stop()


async def records_between(
    bootstrap: str, start: dict[TopicPartition, int], end: dict[TopicPartition, int]
) -> list[tuple[int, int, bytes | None, bytes | None]]:
    """(partition, offset, key, value) of every record in [start, end) per partition."""
    consumer = AIOKafkaConsumer(bootstrap_servers=bootstrap, group_id=None)
    await consumer.start()
    found: list[tuple[int, int, bytes | None, bytes | None]] = []
    try:
        wanted = {tp: end[tp] for tp in end if end[tp] > start.get(tp, 0)}
        consumer.assign(list(wanted))
        for tp in wanted:
            consumer.seek(tp, start.get(tp, 0))
        deadline = asyncio.get_running_loop().time() + 60
        while wanted and asyncio.get_running_loop().time() < deadline:
            for tp, batch in (await consumer.getmany(timeout_ms=500)).items():
                found += [(r.partition, r.offset, r.key, r.value) for r in batch]
                if batch and batch[-1].offset + 1 >= wanted.get(tp, 0):
                    wanted.pop(tp, None)
        assert not wanted, f"could not read {wanted}"
    finally:
        await consumer.stop()
    return found


def files_holding(needle: bytes, root: Path) -> list[Path]:
    """Every file under ``root`` whose bytes contain ``needle`` (files may vanish meanwhile)."""
    holding = []
    for path in sorted(root.rglob("*")):
        try:
            if path.is_file() and needle in path.read_bytes():
                holding.append(path)
        except FileNotFoundError:  # a segment the cleaner deleted while we looked
            continue
    return holding


def cleaned_up_to(log_dir: Path, topic: str, partition: int) -> int:
    """The offset the log cleaner has cleaned the partition up to (its checkpoint), or -1."""
    checkpoint = log_dir / "cleaner-offset-checkpoint"
    if not checkpoint.exists():
        return -1
    for line in checkpoint.read_text().splitlines()[2:]:  # version, count, then entries
        name, number, offset = line.split()
        if (name, int(number)) == (topic, partition):
            return int(offset)
    return -1


async def outbox_drained(url: str) -> None:
    database = Database(url)

    async def drained() -> bool:
        async with database.sessions() as session:
            return not await session.scalar(select(func.count()).select_from(outbox_table))

    try:
        await wait_until(drained, timeout=60)
    finally:
        await database.dispose()


async def test_an_erased_email_leaves_every_file_of_the_broker(
    kafka_bootstrap: str, tmp_path: Path
) -> None:
    data_dir = kafka_data_dir()
    log_dir = data_dir / "logs"
    email = f"ada.{uuid.uuid4().hex}@example.org"
    needle = email.encode()
    matching_start = await end_offsets(kafka_bootstrap, MATCHING)
    contacts_start = await end_offsets(kafka_bootstrap, CONTACTS)
    url = f"sqlite+aiosqlite:///{tmp_path / 'matching.db'}"
    settings = settings_for(
        url,
        str(tmp_path / "signing.pem"),
        run_relay=True,
        kafka_bootstrap_servers=kafka_bootstrap,
        kafka_consumer_group=f"tandem.matching.e2e.{uuid.uuid4().hex[:8]}",
        # Matching's segment roller, as shipped but faster: its markers roll the segments.
        contacts_roll_interval_seconds=0.5,
    )
    async with running_app(settings) as api:
        pid = await api.programme()
        ada = await api.register(pid, mentee_body(f"ada-{uuid.uuid4().hex[:8]}", email=email))
        await outbox_drained(url)
        # The control: published, her e-mail is in the broker's files for a scan to find.
        assert files_holding(needle, log_dir)
        await api.call(
            "POST", f"/v1/programmes/{pid}/participants/{ada['id']}/erasure", api.tokens.admin()
        )
        await outbox_drained(url)

        matching = await records_between(
            kafka_bootstrap, matching_start, await end_offsets(kafka_bootstrap, MATCHING)
        )
        assert matching, "matching published its participant events"
        assert not [r for r in matching if needle in (r[3] or b"")], "her e-mail on matching.v1"

        contacts_end = await end_offsets(kafka_bootstrap, CONTACTS)
        contacts = await records_between(kafka_bootstrap, contacts_start, contacts_end)
        key = ada["id"].encode()
        hers = [(partition, offset, value) for partition, offset, k, value in contacts if k == key]
        assert [value is None for _, _, value in hers] == [False, True], "contact, tombstone"
        assert needle in (hers[0][2] or b"")
        partition, tombstone_offset, _ = hers[-1]

        async def compacted_away() -> bool:
            # The roller's markers roll the segment the tombstone sits in; the cleaner
            # then removes every earlier value of her key.
            if cleaned_up_to(log_dir, CONTACTS, partition) <= tombstone_offset:
                return False
            return not files_holding(needle, data_dir)

        provisioned = await topic_config(kafka_bootstrap, CONTACTS)
        assert provisioned["cleanup.policy"] == "compact"
        await set_topic_config(kafka_bootstrap, CONTACTS, FORCED_COMPACTION)
        try:
            began = asyncio.get_running_loop().time()
            await wait_until(compacted_away, timeout=180, interval=1.0)
            took = asyncio.get_running_loop().time() - began
            print(f"compacted away {took:.1f} s after forcing")
        finally:
            await set_topic_config(kafka_bootstrap, CONTACTS, provisioned)
    assert await topic_config(kafka_bootstrap, CONTACTS) == provisioned
