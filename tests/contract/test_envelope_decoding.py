"""The CloudEvent decoder raises nothing but EnvelopeError, whatever a Kafka record holds.

A consumer dead-letters a record whose decoding raised EnvelopeError and goes on;
any other exception would crash it on the same record again and again.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tandem_contracts import CE_HEADERS, Envelope, EnvelopeError

_VALID = {
    "ce_id": str(uuid.uuid4()).encode(),
    "ce_type": b"tandem.test.v1",
    "ce_source": b"/tandem/test",
    "ce_time": datetime.now(UTC).isoformat().encode(),
    "ce_specversion": b"1.0",
}
_names = st.sampled_from([*CE_HEADERS, "traceparent", "content-type", "x"]) | st.text(max_size=8)
_values = st.none() | st.binary(max_size=40) | st.sampled_from(list(_VALID.values()))
_headers = st.lists(st.tuples(_names, _values), max_size=10)


@settings(max_examples=600, deadline=None)
@given(headers=_headers, key=st.none() | st.binary(max_size=20), value=st.none() | st.binary())
def test_arbitrary_records_either_decode_or_raise_envelope_error(
    headers: list[tuple[str, bytes | None]], key: bytes | None, value: bytes | None
) -> None:
    try:
        envelope = Envelope.from_kafka(headers, key, value)
    except EnvelopeError:
        return
    assert value is not None
    assert envelope.data == value


@settings(max_examples=300, deadline=None)
@given(
    broken=st.sampled_from(CE_HEADERS),
    raw=st.none() | st.binary(max_size=40),
    value=st.none() | st.binary(max_size=40),
)
def test_one_broken_attribute_in_an_otherwise_valid_record(
    broken: str, raw: bytes | None, value: bytes | None
) -> None:
    headers = [(name, raw if name == broken else good) for name, good in _VALID.items()]
    try:
        Envelope.from_kafka(headers, b"key", value)
    except EnvelopeError:
        return


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"ce_id": None}, "ce_id is null"),
        ({"ce_id": b"\xff\xfe"}, "ce_id is not UTF-8"),
        ({"ce_id": b"not-a-uuid"}, "badly formed"),
        ({"ce_time": b"2026-13-40"}, "not a CloudEvent"),
        ({"ce_time": b"2026-12-01T10:00:00"}, "no time zone"),
        ({"ce_specversion": b"0.3"}, "unsupported CloudEvents version"),
    ],
)
def test_each_malformed_attribute_is_named(change: dict[str, bytes | None], message: str) -> None:
    headers = [(name, change.get(name, good)) for name, good in _VALID.items()]
    with pytest.raises(EnvelopeError, match=message):
        Envelope.from_kafka(headers, b"key", b"{}")


def test_a_tombstone_is_not_an_event() -> None:
    with pytest.raises(EnvelopeError, match="tombstone"):
        Envelope.from_kafka(list(_VALID.items()), b"key", None)


def test_a_duplicated_attribute_is_refused() -> None:
    headers = [*_VALID.items(), ("ce_type", b"tandem.other.v1")]
    with pytest.raises(EnvelopeError, match="twice"):
        Envelope.from_kafka(headers, b"key", b"{}")
