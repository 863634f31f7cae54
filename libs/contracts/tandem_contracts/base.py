"""The base of every event model, and the registry that parses events by type.

An event class declares its CloudEvents ``type`` (``tandem.<name>.v<major>``) and
the service that produces it. Minor, additive changes keep the type; a breaking
change is a new major type (and topic), which the pinned schemas in
``tests/contract`` make visible in review.
"""

from __future__ import annotations

from typing import Any, ClassVar
from uuid import UUID

from pydantic import BaseModel, ConfigDict

from tandem_contracts.topics import ServiceName, service_topic

EVENT_TYPES: dict[str, type[Event]] = {}


class Event(BaseModel):
    """A fact that happened in one service. Ids and facts, never message content."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    event_type: ClassVar[str]
    producer: ClassVar[ServiceName]
    # A compacted record is the latest state of its key, not a fact in a history: it
    # lives on a compacted topic, and a tombstone (the key with no value) removes it.
    compacted: ClassVar[bool] = False

    programme_id: UUID

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        event_type = cls.__dict__.get("event_type")
        if event_type is None:
            return  # an abstract intermediate class
        if event_type in EVENT_TYPES:
            raise TypeError(f"event type {event_type!r} is declared twice")
        EVENT_TYPES[event_type] = cls

    @classmethod
    def topic(cls) -> str:
        return service_topic(cls.producer)

    def partition_key(self) -> str:
        """The relationship id when the event has one, else the programme id.

        All events of one relationship land in one partition, so they stay in order.
        """
        relationship_id = getattr(self, "relationship_id", None)
        return str(relationship_id if relationship_id is not None else self.programme_id)


def compacted_topics() -> frozenset[str]:
    """The topics of compacted records: their values may be personal (contacts)."""
    return frozenset(model.topic() for model in EVENT_TYPES.values() if model.compacted)


class UnknownEventType(ValueError):
    """The type is not one this version of the contracts knows."""


def parse_event(event_type: str, data: bytes | str) -> Event:
    """Validate a payload against the model registered for ``event_type``."""
    model = EVENT_TYPES.get(event_type)
    if model is None:
        raise UnknownEventType(event_type)
    return model.model_validate_json(data)
