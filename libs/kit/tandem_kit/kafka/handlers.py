"""What a consumer runs: handlers by event type, and tombstone handlers of compacted types.

A handler gets its event and a :class:`HandlerContext` (the inbox transaction and the
envelope); it does its whole effect through that session. A type may also have a batch
handler (``Handlers.on_batch``): it gets consecutive events of that type from one
partition, in order, and a :class:`BatchContext`, and must leave exactly what the
one-by-one handler would have left for each (the consumer falls back to that handler,
event by event, when a batch fails).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import TypeVar, cast

from sqlalchemy.ext.asyncio import AsyncSession

from tandem_contracts import Envelope, Event


@dataclass(frozen=True)
class HandlerContext:
    """What a handler gets besides the event: its transaction and the envelope."""

    session: AsyncSession
    envelope: Envelope


@dataclass(frozen=True)
class Tombstone:
    """A compacted record's key with no value: whatever the key held is gone."""

    event_type: str
    key: str


@dataclass(frozen=True)
class BatchContext:
    """What a batch handler gets besides its events: the one transaction and the envelopes
    (in the events' order)."""

    session: AsyncSession
    envelopes: Sequence[Envelope]


EventHandler = Callable[[Event, HandlerContext], Awaitable[None]]
BatchHandler = Callable[[Sequence[Event], BatchContext], Awaitable[None]]
TombstoneHandler = Callable[[Tombstone, HandlerContext], Awaitable[None]]
BoundHandler = Callable[[HandlerContext], Awaitable[None]]
E = TypeVar("E", bound=Event)


def bind(
    handlers: Mapping[str, EventHandler],
    tombstones: Mapping[str, TombstoneHandler],
    decoded: Event | Tombstone,
) -> BoundHandler:
    """The handler of a decoded record, bound to it: only the context is left to give."""
    if isinstance(decoded, Tombstone):
        tombstone_handler = tombstones[decoded.event_type]
        return lambda hc: tombstone_handler(decoded, hc)
    handler = handlers[decoded.event_type]
    return lambda hc: handler(decoded, hc)


class Handlers(Mapping[str, EventHandler]):
    """Typed registration: ``handlers.on(RelationshipStarted, open_conversation)``.

    The handler's first parameter is the concrete event class, which mypy checks
    against the class it is registered for.
    """

    def __init__(self) -> None:
        self._by_type: dict[str, EventHandler] = {}
        self._tombstones: dict[str, TombstoneHandler] = {}
        self._batches: dict[str, BatchHandler] = {}

    def on(
        self, event_class: type[E], handler: Callable[[E, HandlerContext], Awaitable[None]]
    ) -> Handlers:
        if event_class.event_type in self._by_type:
            raise ValueError(f"a handler for {event_class.event_type} is already registered")
        self._by_type[event_class.event_type] = cast(EventHandler, handler)
        return self

    def on_tombstone(self, record_class: type[Event], handler: TombstoneHandler) -> Handlers:
        """Handle the tombstones of a compacted record type (its key, with no value)."""
        if not record_class.compacted:
            raise ValueError(f"{record_class.event_type} is not compacted: it has no tombstones")
        if record_class.event_type in self._tombstones:
            raise ValueError(f"a tombstone handler for {record_class.event_type} is registered")
        self._tombstones[record_class.event_type] = handler
        return self

    def on_batch(
        self,
        event_class: type[E],
        handler: Callable[[Sequence[E], BatchContext], Awaitable[None]],
    ) -> Handlers:
        """Handle runs of ``event_class`` events in one transaction. The type's one-by-one
        handler must be registered first: a failed batch falls back to it, event by event,
        so that a poison event reaches the dead letters alone."""
        if event_class.event_type not in self._by_type:
            raise ValueError(f"register the handler for {event_class.event_type} first")
        if event_class.event_type in self._batches:
            raise ValueError(f"a batch handler for {event_class.event_type} is registered")
        self._batches[event_class.event_type] = cast(BatchHandler, handler)
        return self

    def observed(self, after: Callable[[Event, Envelope], None]) -> Handlers:
        """A copy whose every handler, one-by-one and batch, calls ``after`` for each event
        it handled (in the inbox transaction, after the handler returned); tombstones
        carry no event and are copied as they are. Kept here, beside the handler kinds,
        so that a wrapper (a metric, a trace) cannot silently drop one kind."""
        copy = Handlers()
        for event_type, handler in self._by_type.items():
            copy._by_type[event_type] = _after_each(handler, after)
        for event_type, batch in self._batches.items():
            copy._batches[event_type] = _after_batch(batch, after)
        copy._tombstones = dict(self._tombstones)
        return copy

    @property
    def batches(self) -> Mapping[str, BatchHandler]:
        return dict(self._batches)

    @property
    def tombstones(self) -> Mapping[str, TombstoneHandler]:
        return dict(self._tombstones)

    def __getitem__(self, event_type: str) -> EventHandler:
        return self._by_type[event_type]

    def __iter__(self) -> Iterator[str]:
        return iter(self._by_type)

    def __len__(self) -> int:
        return len(self._by_type)


def _after_each(handler: EventHandler, after: Callable[[Event, Envelope], None]) -> EventHandler:
    async def handle(event: Event, hc: HandlerContext) -> None:
        await handler(event, hc)
        after(event, hc.envelope)

    return handle


def _after_batch(batch: BatchHandler, after: Callable[[Event, Envelope], None]) -> BatchHandler:
    async def handle(events: Sequence[Event], bc: BatchContext) -> None:
        await batch(events, bc)
        for event, envelope in zip(events, bc.envelopes, strict=True):
            after(event, envelope)

    return handle
