"""The idempotent event consumer every service uses.

For each record: parse the CloudEvent, open one database transaction, write the
inbox row (consumer, event id) and run the handler in it, commit; only then
commit the Kafka offset. A record delivered again finds its inbox row and is
skipped, so a crash between the database commit and the offset commit is
harmless. A handler that keeps failing is retried with backoff a bounded number
of times, then its record goes to the dead-letter topic and the loop goes on.
A record with no value (a tombstone) is read only on a compacted topic, for a type
with a tombstone handler (``Handlers.on_tombstone``); anywhere else it is a dead
letter like any record that is not a CloudEvent. A dead letter of a compacted topic
keeps its headers and key but not its value: those values are contact details, and
the dead-letter topic would keep them for its retention after the person's erasure.
An unreachable database is different: that record waits (no dead letter) until
the database is back, because the event itself is fine.
Consecutive records of a partition whose type has a batch handler (``Handlers.on_batch``)
are handled together in one transaction (:mod:`tandem_kit.kafka.batches`), up to
``batch_size`` at a time; a batch that fails is handled again record by record, so that
only a poison record goes to the dead letters. The order within a partition is kept.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Mapping, Sequence
from datetime import UTC, datetime
from typing import TypeAlias

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, ConsumerRecord, TopicPartition
from aiokafka.errors import CommitFailedError, MessageSizeTooLargeError
from sqlalchemy import exc as sa_exc

from tandem_contracts import (
    Envelope,
    Event,
    compacted_topics,
    consumer_group,
    dlq_topic,
)
from tandem_kit.db.database import Database
from tandem_kit.kafka.batches import handle_batch_in_inbox
from tandem_kit.kafka.groups import wait_for_coordinator
from tandem_kit.kafka.handlers import (
    BatchHandler,
    EventHandler,
    Handlers,
    Tombstone,
    TombstoneHandler,
    bind,
)
from tandem_kit.kafka.health import ConsumerHealth
from tandem_kit.kafka.records import PoisonEvent, decode_record, handle_in_inbox
from tandem_kit.telemetry.metrics import (
    EVENTS_CONSUMED,
    EVENTS_DEAD_LETTERED,
    EVENTS_FAILED,
)
from tandem_kit.telemetry.propagation import consumer_span

# decode_record, handle_in_inbox and PoisonEvent live in records; kept importable from here.
__all__ = [
    "AfterCommitHook",
    "EventConsumer",
    "PoisonEvent",
    "decode_record",
    "handle_in_inbox",
]

log = logging.getLogger(__name__)

_TRANSIENT = (sa_exc.OperationalError, sa_exc.InterfaceError, ConnectionError, TimeoutError)


AfterCommitHook = Callable[[Envelope], Awaitable[None]]
Record: TypeAlias = "ConsumerRecord[bytes, bytes]"
Decoded: TypeAlias = tuple[Envelope, Event | Tombstone | None]


class EventConsumer:
    def __init__(
        self,
        *,
        name: str,
        database: Database,
        bootstrap_servers: str,
        topics: Sequence[str],
        handlers: Mapping[str, EventHandler],
        dead_letters: AIOKafkaProducer,
        tombstones: Mapping[str, TombstoneHandler] | None = None,
        max_attempts: int = 5,
        retry_backoff: float = 0.2,
        group_id: str | None = None,
        after_commit: AfterCommitHook | None = None,
        health: ConsumerHealth | None = None,
        lag_interval: float = 5.0,
        batch_handlers: Mapping[str, BatchHandler] | None = None,
        batch_size: int = 200,
    ) -> None:
        self.name = name
        self._db = database
        self._topics = list(topics)
        self._handlers = dict(handlers)
        if tombstones is None:
            tombstones = handlers.tombstones if isinstance(handlers, Handlers) else {}
        self._tombstones = dict(tombstones)
        if batch_handlers is None:
            batch_handlers = handlers.batches if isinstance(handlers, Handlers) else {}
        self._batches = dict(batch_handlers)
        self._batch_size = batch_size
        self._compacted = compacted_topics()
        self._dead_letters = dead_letters
        self._max_attempts = max_attempts
        self._backoff = retry_backoff
        # Only for fault-injection tests: runs between the database and offset commits.
        self._after_commit = after_commit
        self._stopping = asyncio.Event()
        # Outlives this consumer when the app hands it in (see tandem_kit.kafka.health).
        self.health = health or ConsumerHealth(name)
        self._lag_interval = lag_interval
        self.group_id = group_id or consumer_group(name)
        self._bootstrap_servers = bootstrap_servers
        self._consumer = AIOKafkaConsumer(
            bootstrap_servers=bootstrap_servers,
            group_id=self.group_id,
            client_id=f"tandem-{name}",
            enable_auto_commit=False,
            auto_offset_reset="earliest",
            isolation_level="read_committed",
            max_poll_interval_ms=300_000,
        )

    def stop(self) -> None:
        """Finish the record in hand, commit its offset, then leave the group."""
        self._stopping.set()

    async def run(self) -> None:
        # Quietly first: aiokafka logs a coordinator that is not ready yet at ERROR.
        await wait_for_coordinator(self._bootstrap_servers, self.group_id)
        self._consumer.subscribe(self._topics)
        await self._consumer.start()
        # Beside the loop, not in it: a partition stuck on one record must still show.
        measuring = asyncio.create_task(self._measure_lag(), name=f"{self.name}-lag")
        try:
            while not self._stopping.is_set():
                batches = await self._consumer.getmany(timeout_ms=300, max_records=self._batch_size)
                for partition, records in batches.items():
                    await self._consume_partition(partition, records)
                    if self._stopping.is_set():
                        break
        finally:
            measuring.cancel()
            await asyncio.gather(measuring, return_exceptions=True)
            await self._consumer.stop()

    async def _measure_lag(self) -> None:
        while True:
            await asyncio.sleep(self._lag_interval)
            try:
                await self.measure_lag()
            except asyncio.CancelledError:
                raise
            except Exception as error:  # a missed measurement is no reason to stop consuming
                log.warning("could not measure consumer lag: %s", error)

    async def measure_lag(self) -> None:
        """The broker's end offset against the group's committed offset, per assigned partition."""
        assigned = self._consumer.assignment()
        self.health.keep_only(assigned)
        if not assigned:
            return
        partitions = sorted(assigned)
        ends = await self._consumer.end_offsets(partitions)
        # Asked of the broker each time: another replica may have moved a partition
        # that this one held before a rebalance.
        committed = await asyncio.gather(*(self._consumer.committed(p) for p in partitions))
        never = [p for p, offset in zip(partitions, committed, strict=True) if offset is None]
        # A partition the group never committed on is read from its start.
        starts = await self._consumer.beginning_offsets(never) if never else {}
        for partition, offset in zip(partitions, committed, strict=True):
            position = starts[partition] if offset is None else offset
            self.health.measured(partition, position, ends[partition])

    async def _consume_partition(self, partition: TopicPartition, records: list[Record]) -> None:
        next_offset = None
        for run in self._runs(records):
            record, decoded = run[0]
            if isinstance(decoded, tuple) and self._batched(decoded):
                await self._process_batch(run)
            else:
                await self._process(record, decoded)
            next_offset = run[-1][0].offset + 1
            if self._stopping.is_set():
                break
        if next_offset is None:
            return
        try:
            await self._consumer.commit({partition: next_offset})
        except CommitFailedError:
            # The partition moved to another member during the batch; it will see
            # these records again and its inbox drops the ones already handled.
            log.warning("offset commit for %s lost to a rebalance", partition)
        self.health.progressed(partition, next_offset, self._consumer.highwater(partition))

    def _batched(self, decoded: Decoded) -> bool:
        event = decoded[1]
        return isinstance(event, Event) and event.event_type in self._batches

    def _runs(self, records: list[Record]) -> list[list[tuple[Record, Decoded | PoisonEvent]]]:
        """The records in order, consecutive ones of one batched type together, every
        other record alone."""
        runs: list[list[tuple[Record, Decoded | PoisonEvent]]] = []
        previous: str | None = None
        for record in records:
            decoded: Decoded | PoisonEvent
            try:
                decoded = self._decode(record)
            except PoisonEvent as poison:
                decoded = poison
            batched = isinstance(decoded, tuple) and self._batched(decoded)
            event_type = decoded[0].type if isinstance(decoded, tuple) and batched else None
            if batched and event_type == previous:
                runs[-1].append((record, decoded))
            else:
                runs.append([(record, decoded)])
            previous = event_type
        return runs

    async def _process_batch(self, run: list[tuple[Record, Decoded | PoisonEvent]]) -> None:
        decoded = [(record, d) for record, d in run if isinstance(d, tuple)]
        envelopes = [envelope for _, (envelope, _) in decoded]
        events = [event for _, (_, event) in decoded if isinstance(event, Event)]
        first, (envelope, _) = decoded[0]
        handle = self._batches[envelope.type]
        while True:
            try:
                # One span for the run, in the first record's trace: the handler is one call.
                with consumer_span(
                    first.topic,
                    envelope.type,
                    str(envelope.id),
                    first.headers,
                    key=envelope.key,
                    partition=first.partition,
                    offset=first.offset,
                    consumer_group=self.group_id,
                ):
                    await handle_batch_in_inbox(self._db, self.name, handle, envelopes, events)
                break
            except _TRANSIENT as error:
                log.warning("database unavailable, waiting to handle a batch: %s", error)
                await asyncio.sleep(min(5.0, self._backoff * 10))
            except Exception as error:
                # Nothing of the batch was kept: one by one, a poison event fails alone.
                log.warning(
                    "a batch of %d %s failed (%s); one by one", len(run), envelope.type, error
                )
                for record, d in run:
                    await self._process(record, d)
                return
        for record, (envelope, _) in decoded:
            labels = {"service": self.name, "topic": record.topic, "type": envelope.type}
            EVENTS_CONSUMED.labels(**labels).inc()
            if self._after_commit is not None:
                await self._after_commit(envelope)

    async def _process(self, record: Record, decoded: Decoded | PoisonEvent | None = None) -> None:
        try:
            if decoded is None:
                decoded = self._decode(record)
            if isinstance(decoded, PoisonEvent):
                raise decoded
            envelope, event = decoded
        except PoisonEvent as poison:
            await self._dead_letter(record, "<undecodable>", poison)
            return
        if event is None:
            return  # a type this consumer does not handle
        handle = bind(self._handlers, self._tombstones, event)
        labels = {"service": self.name, "topic": record.topic, "type": envelope.type}
        attempt = 0
        while True:
            try:
                with consumer_span(
                    record.topic,
                    envelope.type,
                    str(envelope.id),
                    record.headers,
                    key=envelope.key,
                    partition=record.partition,
                    offset=record.offset,
                    consumer_group=self.group_id,
                ):
                    await handle_in_inbox(self._db, self.name, handle, envelope)
                break
            except _TRANSIENT as error:
                log.warning("database unavailable, waiting to handle %s: %s", envelope.id, error)
                await asyncio.sleep(min(5.0, self._backoff * 10))
            except Exception as error:
                attempt += 1
                EVENTS_FAILED.labels(**labels).inc()
                if attempt >= self._max_attempts:
                    log.exception("event %s failed %d times; dead-lettering", envelope.id, attempt)
                    await self._dead_letter(record, envelope.type, error)
                    return
                await asyncio.sleep(self._backoff * 2 ** (attempt - 1))
        EVENTS_CONSUMED.labels(**labels).inc()
        if self._after_commit is not None:
            await self._after_commit(envelope)

    def _decode(self, record: Record) -> Decoded:
        return decode_record(
            list(record.headers),
            record.key,
            record.value,
            self._handlers,
            topic=record.topic,
            tombstones=self._tombstones,
        )

    async def _dead_letter(self, record: Record, event_type: str, error: BaseException) -> None:
        # A compacted topic's value is a person's contact: the copy would outlive her
        # erasure by the dead-letter retention, so only where it was is kept.
        omit_value = record.topic in self._compacted
        error_text = f"{type(error).__name__}: {error}"
        if omit_value:  # an error's message may quote the record (pydantic's do)
            error_text = f"{type(error).__name__} (message omitted: the record is personal)"
        headers = [
            *record.headers,
            ("dlq_original_topic", record.topic.encode()),
            ("dlq_original_partition", str(record.partition).encode()),
            ("dlq_original_offset", str(record.offset).encode()),
            ("dlq_consumer", self.name.encode()),
            ("dlq_error", error_text[:2000].encode()),
            ("dlq_failed_at", datetime.now(UTC).isoformat().encode()),
        ]
        if omit_value:
            headers.append(("dlq_value_omitted", b"true"))
        topic = dlq_topic(self.name)
        value = None if omit_value else record.value
        try:
            delivery = await self._dead_letters.send(
                topic, value=value, key=record.key, headers=headers
            )
        except MessageSizeTooLargeError:
            # A value as large as the broker takes, plus the dead letter's headers, is over
            # the producer's limit: this record failed for ever and its partition stopped.
            # Where it was (the headers) is what the dead letter must keep; the value is
            # still in the original topic until its retention.
            headers.append(("dlq_value_omitted", b"too large"))
            delivery = await self._dead_letters.send(
                topic, value=None, key=record.key, headers=headers
            )
        await delivery  # the offset moves on only once the dead letter is safe
        EVENTS_DEAD_LETTERED.labels(service=self.name, topic=record.topic, type=event_type).inc()
