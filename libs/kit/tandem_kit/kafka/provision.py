"""Create Tandem's topics explicitly: the broker never auto-creates them."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass, field

from aiokafka.admin import AIOKafkaAdminClient, NewTopic

from tandem_contracts import SERVICES, dlq_topic, service_topic

log = logging.getLogger(__name__)

_TOPIC_ALREADY_EXISTS = 36
_SEVEN_DAYS_MS = 7 * 24 * 3600 * 1000
_THIRTY_DAYS_MS = 30 * 24 * 3600 * 1000


@dataclass(frozen=True)
class TopicSpec:
    name: str
    partitions: int
    replication_factor: int = 1
    config: dict[str, str] = field(default_factory=dict)


def default_topics(
    *, partitions: int = 6, replication_factor: int = 1, consumers: Iterable[str] = SERVICES
) -> list[TopicSpec]:
    """Every service topic, and a dead-letter topic per consumer group.

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
    return events + dead_letters


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
