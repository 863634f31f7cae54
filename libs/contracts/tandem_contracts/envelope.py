"""CloudEvents 1.0 in Kafka binary mode.

The attributes travel as ``ce_*`` headers, the JSON payload is the record value,
and the key is the event's partition key. ``traceparent`` travels beside them so a
consumer's span joins the producer's trace.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Final
from uuid import UUID, uuid4

from pydantic import BaseModel, ConfigDict, Field

from tandem_contracts.base import Event

CE_HEADERS: Final = ("ce_id", "ce_type", "ce_source", "ce_time", "ce_specversion")
SPEC_VERSION: Final = "1.0"
CONTENT_TYPE: Final = "application/json"


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

    @classmethod
    def wrap(cls, event: Event, *, event_id: UUID | None = None) -> Envelope:
        return cls(
            id=event_id or uuid4(),
            type=event.event_type,
            source=f"/tandem/{event.producer}",
            key=event.partition_key(),
            data=event.model_dump_json().encode(),
        )

    def kafka_headers(self) -> list[tuple[str, bytes]]:
        return [
            ("ce_id", str(self.id).encode()),
            ("ce_type", self.type.encode()),
            ("ce_source", self.source.encode()),
            ("ce_time", self.time.isoformat().encode()),
            ("ce_specversion", self.specversion.encode()),
            ("content-type", CONTENT_TYPE.encode()),
        ]

    @classmethod
    def from_kafka(
        cls,
        headers: list[tuple[str, bytes]] | tuple[tuple[str, bytes], ...],
        key: bytes | None,
        value: bytes,
    ) -> Envelope:
        """Read a binary-mode record; raises ``ValueError`` when attributes are missing."""
        found = {name: raw.decode() for name, raw in headers if name in CE_HEADERS}
        missing = [name for name in CE_HEADERS if name not in found]
        if missing:
            raise ValueError(f"not a CloudEvent: missing headers {', '.join(missing)}")
        if found["ce_specversion"] != SPEC_VERSION:
            raise ValueError(f"unsupported CloudEvents version {found['ce_specversion']}")
        return cls(
            id=UUID(found["ce_id"]),
            type=found["ce_type"],
            source=found["ce_source"],
            time=datetime.fromisoformat(found["ce_time"]),
            specversion=found["ce_specversion"],
            key=(key or b"").decode(),
            data=value,
        )
