"""Create Tandem's topics explicitly: the broker never auto-creates them."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass, field

from aiokafka.admin import AIOKafkaAdminClient, NewTopic

from tandem_contracts import CONTACTS_TOPIC, SERVICES, dlq_topic, service_topic

log = logging.getLogger(__name__)

_TOPIC_ALREADY_EXISTS = 36
_SEVEN_DAYS_MS = 7 * 24 * 3600 * 1000
_THIRTY_DAYS_MS = 30 * 24 * 3600 * 1000
_HOUR_MS = 3600 * 1000

# The contacts topic is compacted: it keeps the latest value per participant, with no
# time limit, and a tombstone removes the value. How long a value survives its
# tombstone is bounded by these (the arithmetic is in the README, "Privacy"):
# - segment.ms = max.compaction.lag.ms = 1 h: the broker rolls the segment holding the
#   tombstone at the first write after it is an hour old (the active segment is never
#   cleaned; matching's SegmentRoller writes to every partition every 10 minutes, so
#   there is such a write), and a closed segment whose first uncleaned record is an hour old must be
#   cleaned at the cleaner's next pass (log.cleaner.backoff.ms, 15 s by default) even
#   if the log is not dirty enough (min.cleanable.dirty.ratio) for a routine clean;
# - min.compaction.lag.ms = 0: no record is held back from cleaning for its youth;
# - file.delete.delay.ms = 1 min (the default): the replaced segment files are deleted
#   this long after the cleaned copies take their place;
# - delete.retention.ms = 7 days: the tombstone itself (a participant id, no personal
#   data) outlives a consumer outage as long as the events' retention, so a consumer
#   that was down still reads it.
CONTACTS_TOPIC_CONFIG: dict[str, str] = {
    "cleanup.policy": "compact",
    "segment.ms": str(_HOUR_MS),
    "max.compaction.lag.ms": str(_HOUR_MS),
    "min.compaction.lag.ms": "0",
    "file.delete.delay.ms": str(60_000),
    "delete.retention.ms": str(_SEVEN_DAYS_MS),
    "min.insync.replicas": "1",
}


@dataclass(frozen=True)
class TopicSpec:
    name: str
    partitions: int
    replication_factor: int = 1
    config: dict[str, str] = field(default_factory=dict)


def default_topics(
    *, partitions: int = 6, replication_factor: int = 1, consumers: Iterable[str] = SERVICES
) -> list[TopicSpec]:
    """Every service topic, the compacted contacts topic, and a dead-letter topic per
    consumer group.

    Dead letters are kept longer than events: an operator must have time to look.
    """
    events = [
        TopicSpec(
            service_topic(service),
            partitions,
            replication_factor,
            {"retention.ms": str(_SEVEN_DAYS_MS), "min.insync.replicas": "1"},
        )
        for service in SERVICES
    ]
    dead_letters = [
        TopicSpec(dlq_topic(name), 1, replication_factor, {"retention.ms": str(_THIRTY_DAYS_MS)})
        for name in consumers
    ]
    contacts = TopicSpec(CONTACTS_TOPIC, partitions, replication_factor, CONTACTS_TOPIC_CONFIG)
    return [*events, contacts, *dead_letters]


async def provision_topics(bootstrap_servers: str, topics: Iterable[TopicSpec]) -> list[str]:
    """Create the topics that do not exist yet; returns the names created."""
    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap_servers)
    await admin.start()
    try:
        specs = list(topics)
        response = await admin.create_topics(
            [
                NewTopic(s.name, s.partitions, s.replication_factor, topic_configs=s.config)
                for s in specs
            ]
        )
        created = []
        for name, code, *_ in response.topic_errors:
            if code == 0:
                created.append(name)
            elif code != _TOPIC_ALREADY_EXISTS:
                raise RuntimeError(f"could not create topic {name}: error code {code}")
        if created:
            log.info("created topics %s", ", ".join(created))
        return created
    finally:
        await admin.close()
