"""Topic and consumer-group names: one topic per producing service and major version."""

from __future__ import annotations

from typing import Final, Literal

ServiceName = Literal["matching", "messaging", "meetings", "analytics"]
SERVICES: Final[tuple[ServiceName, ...]] = ("matching", "messaging", "meetings", "analytics")
MAJOR_VERSION: Final = 1


def service_topic(service: ServiceName) -> str:
    """``tandem.<service>.v1``: where ``service`` publishes all its events."""
    return f"tandem.{service}.v{MAJOR_VERSION}"


# Contact details travel only here, never on a service topic: a compacted topic keyed
# by participant id, so that erasure's tombstone removes every earlier value and the
# broker's compaction settings bound how long one survives (README, Privacy).
CONTACTS_TOPIC: Final = f"tandem.contacts.v{MAJOR_VERSION}"


def dlq_topic(consumer: str) -> str:
    """Dead letters of one consumer group; headers say where each event came from."""
    return f"tandem.dlq.{consumer}"


def consumer_group(service: str) -> str:
    return f"tandem.{service}"
