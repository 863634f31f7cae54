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
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Container, Mapping, Sequence
from datetime import UTC, datetime

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, ConsumerRecord, TopicPartition
from aiokafka.errors import CommitFailedError
from pydantic import ValidationError
from sqlalchemy import exc as sa_exc
from sqlalchemy import insert, select

from tandem_contracts import (
    Envelope,
    EnvelopeError,
    Event,
    compacted_topics,
    consumer_group,
    dlq_topic,
    parse_event,
)
from tandem_contracts.base import EVENT_TYPES, UnknownEventType
from tandem_kit.db.database import Database
from tandem_kit.db.tables import inbox_table
from tandem_kit.kafka.groups import wait_for_coordinator
from tandem_kit.kafka.handlers import (
    BoundHandler,
    EventHandler,
    HandlerContext,
    Handlers,
    Tombstone,
    TombstoneHandler,
    bind,
)
from tandem_kit.kafka.health import ConsumerHealth
from tandem_kit.telemetry.metrics import (
    EVENTS_CONSUMED,
    EVENTS_DEAD_LETTERED,
    EVENTS_FAILED,
)
from tandem_kit.telemetry.propagation import consumer_span

log = logging.getLogger(__name__)

_TRANSIENT = (sa_exc.OperationalError, sa_exc.InterfaceError, ConnectionError, TimeoutError)


AfterCommitHook = Callable[[Envelope], Awaitable[None]]


class PoisonEvent(Exception):
    """The record can never be handled (not a CloudEvent, or an invalid payload)."""


def decode_record(
    headers: Sequence[tuple[str, bytes | None]],
    key: bytes | None,
    value: bytes | None,
    handled: Container[str],
    *,
    topic: str | None = None,
    tombstones: Container[str] = (),
) -> tuple[Envelope, Event | Tombstone | None]:
    """The envelope and event (or tombstone) of one record; ``None`` for a type not handled.

    ``tombstones`` are the types with a tombstone handler; a tombstone of one of them
    is accepted only from that type's own (compacted) ``topic``. Raises
    :class:`PoisonEvent` for a record that can never be handled. Public so that
    :mod:`tandem_kit.testing` hands events to a service exactly as this consumer does.
    """
    accepted = [t for t in EVENT_TYPES if t in tombstones and EVENT_TYPES[t].topic() == topic]
    # On a compacted topic a tombstone is a normal record: one of a type this consumer
    # has no handler for is skipped like any unhandled type (the segment roller's
    # markers are such tombstones); anywhere else it is not a CloudEvent.
    compacted = topic is not None and topic in compacted_topics()
    try:
        envelope = Envelope.from_kafka(
            list(headers), key, value, tombstones=_ANY_TYPE if compacted else accepted
        )
    except EnvelopeError as error:
        raise PoisonEvent(str(error)) from error
    if envelope.tombstone:
        if envelope.type not in accepted:
            return envelope, None
        return envelope, Tombstone(envelope.type, envelope.key)
    if envelope.type not in handled:
        return envelope, None
    try:
        return envelope, parse_event(envelope.type, envelope.data)
    except (ValidationError, UnknownEventType) as error:
        raise PoisonEvent(f"invalid {envelope.type} payload: {error}") from error


class _AnyType:
    def __contains__(self, event_type: object) -> bool:
        return True


_ANY_TYPE = _AnyType()


async def handle_in_inbox(
    database: Database,
    consumer: str,
    handle: BoundHandler,
    envelope: Envelope,
) -> bool:
    """Write the inbox row and run ``handle`` (a handler bound to its event, see
    :func:`tandem_kit.kafka.handlers.bind`) in one transaction; ``False`` (and nothing
    runs) when ``consumer`` has already handled this event id."""
    async with database.transaction() as session:
        seen = await session.scalar(
            select(inbox_table.c.event_id).where(
                inbox_table.c.consumer == consumer,
                inbox_table.c.event_id == str(envelope.id),
            )
        )
        if seen is not None:
            return False  # delivered again: the effect already happened
        await session.execute(
            insert(inbox_table).values(
                consumer=consumer,
                event_id=str(envelope.id),
                event_type=envelope.type,
                processed_at=datetime.now(UTC),
            )
        )
        await handle(HandlerContext(session=session, envelope=envelope))
    return True


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
    ) -> None:
        self.name = name
        self._db = database
        self._topics = list(topics)
        self._handlers = dict(handlers)
        if tombstones is None:
            tombstones = handlers.tombstones if isinstance(handlers, Handlers) else {}
        self._tombstones = dict(tombstones)
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
                batches = await self._consumer.getmany(timeout_ms=300, max_records=500)
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

    async def _consume_partition(
        self, partition: TopicPartition, records: list[ConsumerRecord[bytes, bytes]]
    ) -> None:
        next_offset = None
        for record in records:
            await self._process(record)
            next_offset = record.offset + 1
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

    async def _process(self, record: ConsumerRecord[bytes, bytes]) -> None:
        try:
            envelope, event = self._decode(record)
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

    def _decode(
        self, record: ConsumerRecord[bytes, bytes]
    ) -> tuple[Envelope, Event | Tombstone | None]:
        return decode_record(
            list(record.headers),
            record.key,
            record.value,
            self._handlers,
            topic=record.topic,
            tombstones=self._tombstones,
        )

    async def _dead_letter(
        self, record: ConsumerRecord[bytes, bytes], event_type: str, error: BaseException
    ) -> None:
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
        delivery = await self._dead_letters.send(
            dlq_topic(self.name),
            value=None if omit_value else record.value,
            key=record.key,
            headers=headers,
        )
        await delivery  # the offset moves on only once the dead letter is safe
        EVENTS_DEAD_LETTERED.labels(service=self.name, topic=record.topic, type=event_type).inc()
