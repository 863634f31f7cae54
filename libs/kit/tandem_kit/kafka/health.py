"""How far behind a consumer is, per partition, and whether it is stuck.

Lag is measured from the broker: the partition's end offset minus the group's
committed offset, every few seconds, whether or not the consumer gets anywhere.
(Measured only after a batch was handled, a partition stuck on one record never
showed any lag at all.) A partition *stalls* when it has lag and its committed
offset has not moved for ``stall_after`` seconds; ``/readyz`` reports it.

One :class:`ConsumerHealth` lives as long as the app, across the restarts of its
consumer: a consumer that crashes on the same record again and again makes no
progress, and must not look fresh after each restart.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable, Collection
from dataclasses import dataclass

from aiokafka import TopicPartition
from prometheus_client import Gauge

from tandem_kit.telemetry.metrics import CONSUMER_LAG


@dataclass(frozen=True, slots=True)
class Stall:
    """A partition with ``lag`` records waiting and no progress for ``seconds``."""

    topic: str
    partition: int
    lag: int
    seconds: float

    def describe(self) -> str:
        return (
            f"{self.topic} partition {self.partition}: {self.lag} behind,"
            f" no progress for {self.seconds:.0f}s"
        )


@dataclass(slots=True)
class _Progress:
    committed: int
    lag: int
    since: float  # when it last moved or had nothing to do


class ConsumerHealth:
    def __init__(
        self,
        service: str,
        *,
        stall_after: float = 60.0,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self.service = service
        self.stall_after = stall_after
        self._now = monotonic
        self._partitions: dict[TopicPartition, _Progress] = {}

    def measured(self, partition: TopicPartition, committed: int, end: int) -> None:
        """Record a measurement: the group's committed offset and the partition's end."""
        lag = max(0, end - committed)
        now = self._now()
        known = self._partitions.get(partition)
        if known is None or committed != known.committed or lag == 0 or known.lag == 0:
            # New to this consumer, moved, caught up, or just now given work: not stuck.
            self._partitions[partition] = _Progress(committed, lag, now)
        else:
            known.lag = lag
        self._gauge(partition).set(lag)

    def progressed(self, partition: TopicPartition, committed: int, end: int | None) -> None:
        """The consumer committed ``committed`` (``end`` is what it last heard, if any)."""
        known = self._partitions.get(partition)
        lag = max(0, end - committed) if end is not None else (known.lag if known else 0)
        self._partitions[partition] = _Progress(committed, lag, self._now())
        self._gauge(partition).set(lag)

    def keep_only(self, assigned: Collection[TopicPartition]) -> None:
        """Forget partitions this consumer no longer holds (another replica reports them)."""
        for partition in [p for p in self._partitions if p not in assigned]:
            del self._partitions[partition]
            with contextlib.suppress(KeyError):
                CONSUMER_LAG.remove(self.service, partition.topic, str(partition.partition))

    def stalls(self) -> list[Stall]:
        """Partitions with lag and no progress for longer than ``stall_after`` seconds."""
        now = self._now()
        return [
            Stall(p.topic, p.partition, progress.lag, now - progress.since)
            for p, progress in sorted(self._partitions.items())
            if progress.lag > 0 and now - progress.since > self.stall_after
        ]

    def _gauge(self, partition: TopicPartition) -> Gauge:
        return CONSUMER_LAG.labels(
            service=self.service, topic=partition.topic, partition=str(partition.partition)
        )
