"""ConsumerHealth: when a partition counts as stalled, and what resets it."""

from __future__ import annotations

import uuid

from aiokafka import TopicPartition
from prometheus_client import REGISTRY

from tandem_kit.kafka.health import ConsumerHealth


class Ticks:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_lag_without_progress_stalls_after_the_threshold_and_progress_clears_it() -> None:
    ticks = Ticks()
    service = f"svc-{uuid.uuid4().hex[:6]}"
    health = ConsumerHealth(service, stall_after=10.0, monotonic=ticks)
    stuck = TopicPartition("tandem.test.t", 2)
    health.measured(stuck, committed=5, end=5)  # caught up
    ticks.now = 1.0
    health.measured(stuck, committed=5, end=9)  # work arrives: the clock starts now
    ticks.now = 11.0
    health.measured(stuck, committed=5, end=12)
    assert health.stalls() == []  # 10 s exactly is not longer than the threshold
    ticks.now = 11.5
    [stall] = health.stalls()
    assert (stall.topic, stall.partition, stall.lag) == ("tandem.test.t", 2, 7)
    assert stall.describe() == "tandem.test.t partition 2: 7 behind, no progress for 10s"
    labels = {"service": service, "topic": "tandem.test.t", "partition": "2"}
    assert REGISTRY.get_sample_value("tandem_consumer_lag", labels) == 7

    health.progressed(stuck, committed=6, end=12)  # one record further: not stuck
    assert health.stalls() == []
    assert REGISTRY.get_sample_value("tandem_consumer_lag", labels) == 6


def test_a_partition_this_consumer_no_longer_holds_is_forgotten() -> None:
    ticks = Ticks()
    service = f"svc-{uuid.uuid4().hex[:6]}"
    health = ConsumerHealth(service, stall_after=1.0, monotonic=ticks)
    kept, gone = TopicPartition("t", 0), TopicPartition("t", 1)
    health.measured(kept, committed=0, end=3)
    health.measured(gone, committed=0, end=3)
    health.keep_only({kept})
    ticks.now = 5.0
    assert [(s.partition, s.lag) for s in health.stalls()] == [(0, 3)]
    gone_labels = {"service": service, "topic": "t", "partition": "1"}
    assert REGISTRY.get_sample_value("tandem_consumer_lag", gone_labels) is None
