"""CloudEvents 1.0 in Kafka binary mode.

The attributes travel as ``ce_*`` headers, the JSON payload is the record value,
and the key is the event's partition key. ``traceparent`` travels beside them so a
consumer's span joins the producer's trace.
"""

from __future__ import annotations

import builtins
from collections.abc import Container, Sequence
from datetime import UTC, datetime
from typing import Final
from uuid import UUID, uuid4

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from tandem_contracts.base import Event

CE_HEADERS: Final = ("ce_id", "ce_type", "ce_source", "ce_time", "ce_specversion")
SPEC_VERSION: Final = "1.0"
CONTENT_TYPE: Final = "application/json"


class EnvelopeError(ValueError):
    """A Kafka record that is not a CloudEvent this platform can read.

    The only exception :meth:`Envelope.from_kafka` raises, whatever the record holds
    (null or non-UTF-8 headers, a tombstone, a malformed id or time), so that a
    consumer can dead-letter it at once instead of crashing on it.
    """


class Envelope(BaseModel):
    """The CloudEvents attributes of one event plus its serialized payload."""

    model_config = ConfigDict(frozen=True)

    id: UUID = Field(default_factory=uuid4)
    type: str
    source: str
    time: datetime = Field(default_factory=lambda: datetime.now(UTC))
    specversion: str = SPEC_VERSION
    key: str
    data: bytes
    # A compacted record's tombstone: the key with no value (``data`` is empty).
    tombstone: bool = False

    @classmethod
    def wrap(cls, event: Event, *, event_id: UUID | None = None) -> Envelope:
        return cls(
            id=event_id or uuid4(),
            type=event.event_type,
            source=f"/tandem/{event.producer}",
            key=event.partition_key(),
            data=event.model_dump_json().encode(),
        )

    @classmethod
    def tombstone_of(
        cls, record: builtins.type[Event], key: str, *, event_id: UUID | None = None
    ) -> Envelope:
        """The tombstone of ``record``'s value under ``key`` (a CloudEvent with no data)."""
        if not record.compacted:
            raise ValueError(f"{record.event_type} is not compacted: it has no tombstones")
        if not key:
            raise ValueError("a tombstone needs the key whose value it removes")
        return cls(
            id=event_id or uuid4(),
            type=record.event_type,
            source=f"/tandem/{record.producer}",
            key=key,
            data=b"",
            tombstone=True,
        )

    def kafka_headers(self) -> list[tuple[str, bytes]]:
        headers = [
            ("ce_id", str(self.id).encode()),
            ("ce_type", self.type.encode()),
            ("ce_source", self.source.encode()),
            ("ce_time", self.time.isoformat().encode()),
            ("ce_specversion", self.specversion.encode()),
        ]
        if not self.tombstone:  # a tombstone has no content, so no content type
            headers.append(("content-type", CONTENT_TYPE.encode()))
        return headers

    def kafka_value(self) -> bytes | None:
        return None if self.tombstone else self.data

    @classmethod
    def from_kafka(
        cls,
        headers: Sequence[tuple[str, bytes | None]],
        key: bytes | None,
        value: bytes | None,
        *,
        tombstones: Container[str] = (),
    ) -> Envelope:
        """Read a binary-mode record; raises :class:`EnvelopeError` for anything else.

        A record with no value is a tombstone, accepted only when its ``ce_type`` is one
        of ``tombstones`` (the consumer passes the compacted types of the record's
        topic); anywhere else it is not a CloudEvent this platform reads.
        """
        if value is None and not tombstones:
            raise EnvelopeError("not a CloudEvent: the record has no value (a tombstone)")
        found: dict[str, str] = {}
        for name, raw in headers:
            if name not in CE_HEADERS:
                continue
            if name in found:
                raise EnvelopeError(f"not a CloudEvent: header {name} appears twice")
            found[name] = _text(name, raw)
        missing = [name for name in CE_HEADERS if name not in found]
        if missing:
            raise EnvelopeError(f"not a CloudEvent: missing headers {', '.join(missing)}")
        if found["ce_specversion"] != SPEC_VERSION:
            raise EnvelopeError(f"unsupported CloudEvents version {found['ce_specversion']!r}")
        try:
            event_id = UUID(found["ce_id"])
            time = datetime.fromisoformat(found["ce_time"])
        except ValueError as error:
            raise EnvelopeError(f"not a CloudEvent: {error}") from error
        if time.tzinfo is None:
            raise EnvelopeError("not a CloudEvent: ce_time has no time zone")
        if value is None and found["ce_type"] not in tombstones:
            raise EnvelopeError("not a CloudEvent: the record has no value (a tombstone)")
        if value is None and not key:
            raise EnvelopeError("not a CloudEvent: a tombstone without a key")
        try:
            return cls(
                id=event_id,
                type=found["ce_type"],
                source=found["ce_source"],
                time=time,
                specversion=found["ce_specversion"],
                key=_text("key", key or b""),
                data=b"" if value is None else bytes(value),
                tombstone=value is None,
            )
        except ValidationError as error:
            raise EnvelopeError(f"not a CloudEvent: {error}") from error


def _text(name: str, raw: object) -> str:
    if not isinstance(raw, bytes | bytearray):
        raise EnvelopeError(f"not a CloudEvent: {name} is {'null' if raw is None else 'not bytes'}")
    try:
        return bytes(raw).decode()
    except UnicodeDecodeError as error:
        raise EnvelopeError(f"not a CloudEvent: {name} is not UTF-8") from error
