"""Keep compacted topics rolling, so that what a tombstone removes does go.

The broker never cleans a partition's active segment, and it rolls a segment (closes
it and opens the next) only when a record is appended after ``segment.ms``. On a
partition nobody writes to, a tombstone and the contact values it supersedes would
stay readable for as long as the partition stays quiet. The roller appends one marker
to every partition of the given topics every ``interval`` seconds: a tombstone of a
type no consumer handles (consumers skip tombstones of types they have no handler for
on a compacted topic) under one fixed key, so compaction keeps just the latest marker
per partition and drops it too after ``delete.retention.ms``.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Final
from uuid import uuid4

from tandem_contracts.envelope import SPEC_VERSION
from tandem_kit.clock import Clock, utc_now
from tandem_kit.workers import PeriodicWorker

if TYPE_CHECKING:  # the runtime imports this package for its producer
    from tandem_kit.runtime import KafkaConnection

log = logging.getLogger(__name__)

ROLL_MARKER_TYPE: Final = "tandem.kit.segment.roll.v1"
ROLL_MARKER_KEY: Final = b"tandem.segment-roll"


def roll_marker_headers(source: str, now: datetime) -> list[tuple[str, bytes]]:
    """CloudEvents headers of a marker (a CloudEvent with no data)."""
    return [
        ("ce_id", str(uuid4()).encode()),
        ("ce_type", ROLL_MARKER_TYPE.encode()),
        ("ce_source", source.encode()),
        ("ce_time", now.isoformat().encode()),
        ("ce_specversion", SPEC_VERSION.encode()),
    ]


class SegmentRoller(PeriodicWorker):
    """Appends a marker to every partition of ``topics`` at start and every ``interval``."""

    def __init__(
        self,
        kafka: KafkaConnection,
        topics: Sequence[str],
        interval: float,
        *,
        service: str,
        clock: Clock = utc_now,
    ) -> None:
        super().__init__("segment-roller", interval, clock=clock)
        self._kafka = kafka
        self._topics = list(topics)
        self._source = f"/tandem/{service}"

    async def tick(self, now: datetime) -> int:
        await self.roll(now)
        return 0  # the markers are not work to repeat at once: sleep ``interval``

    async def roll(self, now: datetime) -> int:
        """Append one marker to each partition; returns how many were acknowledged."""
        # The broker may be down at start-up: wait for it, but not past a stop.
        connect = asyncio.ensure_future(self._kafka.producer())
        stopped = asyncio.ensure_future(self._stopping.wait())
        await asyncio.wait({connect, stopped}, return_when=asyncio.FIRST_COMPLETED)
        stopped.cancel()
        if not connect.done():
            connect.cancel()
            return 0
        producer = connect.result()
        deliveries = []
        for topic in self._topics:
            for partition in sorted(await producer.partitions_for(topic)):
                deliveries.append(
                    await producer.send(
                        topic,
                        key=ROLL_MARKER_KEY,
                        value=None,
                        partition=partition,
                        headers=roll_marker_headers(self._source, now),
                    )
                )
        await asyncio.gather(*deliveries)
        log.debug("appended a segment-roll marker to %d partitions", len(deliveries))
        return len(deliveries)
