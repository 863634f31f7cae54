"""Consumer groups: waiting for a group's coordinator before the consumer joins its group,
and starting a fresh group at the end of its topics.

On a broker that has never had a consumer group, the offsets topic does not exist
yet: the first FindCoordinator request creates it, and the broker answers
"coordinator not available" (then "load in progress") until its partitions are
ready, a second or two. aiokafka retries that on its own but logs every retry at
ERROR, so each fresh deployment started with an error in its log. The kit's
consumer asks first, quietly, and starts aiokafka's consumer only once the
coordinator answers.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Sequence

from aiokafka import AIOKafkaConsumer, TopicPartition
from aiokafka.admin import AIOKafkaAdminClient
from aiokafka.errors import (
    GroupCoordinatorNotAvailableError,
    GroupLoadInProgressError,
    NotCoordinatorForGroupError,
)

log = logging.getLogger(__name__)

# The answers that mean "not yet": the offsets topic is being created or loaded,
# or its leadership is moving. Anything else (an unreachable broker, a refused
# group) is raised as it is.
_NOT_YET = (
    GroupCoordinatorNotAvailableError,
    GroupLoadInProgressError,
    NotCoordinatorForGroupError,
)


async def wait_for_coordinator(
    bootstrap_servers: str,
    group_id: str,
    *,
    timeout: float = 60.0,
    interval: float = 0.25,
    client_id: str | None = None,
) -> int:
    """The broker id of ``group_id``'s coordinator, once the broker has one.

    Retries "not yet" answers every ``interval`` seconds for at most ``timeout``
    seconds (then raises the last one), logging the wait once at INFO.
    """
    admin = AIOKafkaAdminClient(
        bootstrap_servers=bootstrap_servers, client_id=client_id or "tandem-coordinator-lookup"
    )
    await admin.start()
    try:
        deadline = asyncio.get_running_loop().time() + timeout
        waited = False
        while True:
            try:
                coordinator: int = await admin.find_coordinator(group_id)
            except _NOT_YET as error:
                if asyncio.get_running_loop().time() >= deadline:
                    raise
                if not waited:
                    log.info(
                        "group %s has no coordinator yet (%s); waiting for the broker",
                        group_id,
                        type(error).__name__,
                    )
                    waited = True
                await asyncio.sleep(interval)
                continue
            if waited:
                log.info("group %s: coordinator is broker %s", group_id, coordinator)
            return coordinator
    finally:
        await admin.close()


async def start_group_at_end(
    bootstrap_servers: str, group_id: str, partitions: Sequence[TopicPartition]
) -> dict[TopicPartition, int]:
    """Commit ``group_id`` at the current end of each partition: a consumer of that group
    then reads only what is produced from now on, as if it had been running all along.

    For a service started on fresh databases beside a broker that already holds other
    runs' history (the demo, a test's own process), which would otherwise replay all of
    it (consumers of a group with no offsets start at the earliest record). Returns the
    offsets committed."""
    consumer = AIOKafkaConsumer(
        bootstrap_servers=bootstrap_servers, group_id=group_id, enable_auto_commit=False
    )
    await consumer.start()
    try:
        consumer.assign(list(partitions))
        ends: dict[TopicPartition, int] = await consumer.end_offsets(list(partitions))
        await consumer.commit(ends)
        return ends
    finally:
        await consumer.stop()
