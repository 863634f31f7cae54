"""The idempotent event consumer every service uses.

For each record: parse the CloudEvent, write the inbox row (consumer, event id) and
run the handler in one database transaction, commit; only then commit the Kafka
offset (several records may share that transaction: see the last paragraph). A
record delivered again finds its inbox row and is skipped, so a crash between the
database commit and the offset commit is harmless. A handler that keeps failing is
retried with backoff a bounded number of times, then its record goes to the
dead-letter topic and the loop goes on.
A record with no value (a tombstone) is read only on a compacted topic, for a type
with a tombstone handler (``Handlers.on_tombstone``); anywhere else it is a dead
letter like any record that is not a CloudEvent. A dead letter of a compacted topic
keeps its headers and key but not its value: those values are contact details, and
the dead-letter topic would keep them for its retention after the person's erasure.
An unreachable database is different: that record waits (no dead letter) until
the database is back, because the event itself is fine.
Consecutive decodable records of a partition (up to ``batch_size``, what one poll
brings) are handled together in one transaction (:mod:`tandem_kit.kafka.batches`): one
inbox read, one insert and one commit for all of them, each event still in its own
CONSUMER span; consecutive ones whose type has a batch handler (``Handlers.on_batch``)
are handed to it at once. If the transaction fails, nothing of it was kept and its
records are handled again as before (a batch alone, then record by record, each with
its own retries), so that only a poison record goes to the dead letters. A record alone
takes the one-by-one path directly. The order within a partition is kept.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Mapping, Sequence
from contextlib import AbstractContextManager
from functools import partial
from typing import TypeAlias

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, ConsumerRecord, TopicPartition
from aiokafka.errors import CommitFailedError
from opentelemetry.trace import Span
from sqlalchemy import exc as sa_exc

from tandem_contracts import (
    Envelope,
    Event,
    compacted_topics,
    consumer_group,
)
from tandem_kit.db.database import Database
from tandem_kit.kafka.batches import BatchStep, OneStep, Step, handle_run_in_inbox
from tandem_kit.kafka.dead_letters import dead_letter
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
Item: TypeAlias = "tuple[Record, Decoded | PoisonEvent]"


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
        """Finish the records in hand (at most one poll's), commit their offset, then leave
        the group."""
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
        for segment in self._segments(records):
            await self._process_segment(segment)
            next_offset = segment[-1][0].offset + 1
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

    def _segments(self, records: list[Record]) -> list[list[Item]]:
        """The records in order: consecutive decodable ones together (handled in one
        transaction), a poison record alone (it goes to the dead letters)."""
        segments: list[list[Item]] = []
        open_segment = False
        for record in records:
            decoded: Decoded | PoisonEvent
            try:
                decoded = self._decode(record)
            except PoisonEvent as poison:
                decoded = poison
            decodable = not isinstance(decoded, PoisonEvent)
            if decodable and open_segment:
                segments[-1].append((record, decoded))
            else:
                segments.append([(record, decoded)])
            open_segment = decodable
        return segments

    def _runs(self, segment: list[Item]) -> list[list[Item]]:
        """A segment's handled records in order, consecutive ones of one batched type
        together, every other record alone (a type not handled is skipped, as alone)."""
        runs: list[list[Item]] = []
        previous: str | None = None
        for record, decoded in segment:
            if not isinstance(decoded, tuple) or decoded[1] is None:
                continue
            batched = self._batched(decoded)
            event_type = decoded[0].type if batched else None
            if batched and event_type == previous:
                runs[-1].append((record, decoded))
            else:
                runs.append([(record, decoded)])
            previous = event_type
        return runs

    async def _process_segment(self, segment: list[Item]) -> None:
        if isinstance(segment[0][1], PoisonEvent):
            await self._process(*segment[0])
            return
        runs = self._runs(segment)
        if len(runs) == 1 and not self._is_batch(runs[0]):
            await self._process(*runs[0][0])  # alone, it is retried as it always was
        elif runs:
            await self._process_together(runs)

    def _is_batch(self, run: list[Item]) -> bool:
        decoded = run[0][1]
        return isinstance(decoded, tuple) and self._batched(decoded)

    async def _process_run(self, run: list[Item]) -> None:
        if self._is_batch(run):
            await self._process_together([run])
        else:
            await self._process(*run[0])

    def _step(self, run: list[Item]) -> Step:
        decoded = [(record, d) for record, d in run if isinstance(d, tuple)]
        first, (envelope, event) = decoded[0]
        span = partial(self._span, first, envelope)
        if isinstance(event, Event) and event.event_type in self._batches:
            events = [e for _, (_, e) in decoded if isinstance(e, Event)]
            envelopes = [envelope for _, (envelope, _) in decoded]
            return BatchStep(self._batches[envelope.type], envelopes, events, span)
        assert event is not None  # _runs keeps only the handled records
        return OneStep(envelope, bind(self._handlers, self._tombstones, event), span)

    async def _process_together(self, runs: list[list[Item]]) -> None:
        """Several runs in one transaction; if it fails, each run as alone."""
        steps = [self._step(run) for run in runs]
        while True:
            try:
                await handle_run_in_inbox(self._db, self.name, steps)
                break
            except _TRANSIENT as error:
                log.warning("database unavailable, waiting to handle %d runs: %s", len(runs), error)
                await asyncio.sleep(min(5.0, self._backoff * 10))
            except Exception as error:
                # Nothing was kept: run by run, then one by one, a poison event fails alone.
                if len(runs) > 1:
                    log.warning("%d runs together failed (%s); run by run", len(runs), error)
                    for run in runs:
                        await self._process_run(run)
                    return
                log.warning("a batch of %d failed (%s); one by one", len(runs[0]), error)
                for record, decoded in runs[0]:
                    await self._process(record, decoded)
                return
        for run in runs:
            await self._consumed(run)

    async def _consumed(self, run: list[Item]) -> None:
        for record, decoded in run:
            if not isinstance(decoded, tuple):
                continue
            labels = {"service": self.name, "topic": record.topic, "type": decoded[0].type}
            EVENTS_CONSUMED.labels(**labels).inc()
            if self._after_commit is not None:
                await self._after_commit(decoded[0])

    def _span(self, record: Record, envelope: Envelope) -> AbstractContextManager[Span]:
        """The record's CONSUMER span, in the trace its headers carry."""
        return consumer_span(
            record.topic,
            envelope.type,
            str(envelope.id),
            record.headers,
            key=envelope.key,
            partition=record.partition,
            offset=record.offset,
            consumer_group=self.group_id,
        )

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
                with self._span(record, envelope):
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
        omit_value = record.topic in self._compacted
        await dead_letter(self._dead_letters, self.name, record, error, omit_value=omit_value)
        EVENTS_DEAD_LETTERED.labels(service=self.name, topic=record.topic, type=event_type).inc()
