"""A record the consumer gives up on, sent to its dead-letter topic with where it was."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TypeAlias

from aiokafka import AIOKafkaProducer, ConsumerRecord
from aiokafka.errors import MessageSizeTooLargeError

from tandem_contracts import dlq_topic

Record: TypeAlias = "ConsumerRecord[bytes, bytes]"


async def dead_letter(
    producer: AIOKafkaProducer,
    consumer: str,
    record: Record,
    error: BaseException,
    *,
    omit_value: bool,
) -> None:
    """Send ``record`` to ``consumer``'s dead letters and wait until the broker has it.

    ``omit_value`` for a compacted topic: its value is a person's contact, and the copy
    would outlive her erasure by the dead-letter retention, so only where it was is kept.
    """
    error_text = f"{type(error).__name__}: {error}"
    if omit_value:  # an error's message may quote the record (pydantic's do)
        error_text = f"{type(error).__name__} (message omitted: the record is personal)"
    headers = [
        *record.headers,
        ("dlq_original_topic", record.topic.encode()),
        ("dlq_original_partition", str(record.partition).encode()),
        ("dlq_original_offset", str(record.offset).encode()),
        ("dlq_consumer", consumer.encode()),
        ("dlq_error", error_text[:2000].encode()),
        ("dlq_failed_at", datetime.now(UTC).isoformat().encode()),
    ]
    if omit_value:
        headers.append(("dlq_value_omitted", b"true"))
    topic = dlq_topic(consumer)
    try:
        delivery = await producer.send(
            topic, value=None if omit_value else record.value, key=record.key, headers=headers
        )
    except MessageSizeTooLargeError:
        # A value as large as the broker takes, plus the dead letter's headers, is over
        # the producer's limit: this record failed for ever and its partition stopped.
        # Where it was (the headers) is what the dead letter must keep; the value is
        # still in the original topic until its retention.
        headers.append(("dlq_value_omitted", b"too large"))
        delivery = await producer.send(topic, value=None, key=record.key, headers=headers)
    await delivery  # the offset moves on only once the dead letter is safe
