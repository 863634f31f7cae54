"""A record whose type no contract declares is poison (dead-lettered with the reason),
not skipped in silence; a declared type the consumer has no handler for is still skipped
(it is another consumer's business).

Found by sending analytics a ``tandem.messaging.no_such_event.v1`` on messaging's topic:
its consumer moved past it and the record was gone, with no dead letter to show for it.
"""

from __future__ import annotations

import uuid

import pytest

from tandem_contracts import Envelope
from tandem_contracts.messaging import AgreementAccepted
from tandem_kit.kafka.records import PoisonEvent, decode_record

TOPIC = "tandem.messaging.v1"


def _headers(event_type: str) -> list[tuple[str, bytes | None]]:
    envelope = Envelope(type=event_type, source="/tandem/messaging", key="k", data=b"{}")
    return list(envelope.kafka_headers())


def test_a_type_no_contract_declares_is_poison() -> None:
    with pytest.raises(PoisonEvent, match="unknown event type"):
        decode_record(_headers("tandem.messaging.no_such.v1"), b"k", b"{}", {"x"}, topic=TOPIC)


def test_a_declared_type_without_a_handler_is_skipped() -> None:
    envelope, event = decode_record(
        _headers(AgreementAccepted.event_type),
        str(uuid.uuid4()).encode(),
        b"{}",
        set(),
        topic=TOPIC,
    )
    assert event is None
    assert envelope.type == AgreementAccepted.event_type
