"""The one way the kit builds a producer: every write is durable and de-duplicated."""

from __future__ import annotations

from aiokafka import AIOKafkaProducer


def create_producer(bootstrap_servers: str, *, client_id: str | None = None) -> AIOKafkaProducer:
    return AIOKafkaProducer(
        bootstrap_servers=bootstrap_servers,
        client_id=client_id,
        # All in-sync replicas must have the record before it counts as sent, and the
        # broker drops the duplicates that the producer's own retries would create.
        acks="all",
        enable_idempotence=True,
        # A few milliseconds of batching multiplies throughput for outbox batches.
        linger_ms=5,
        max_batch_size=256 * 1024,
        request_timeout_ms=30_000,
        retry_backoff_ms=200,
    )
