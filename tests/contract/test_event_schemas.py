"""Pinned event contracts: a change to any event's JSON Schema fails here.

After a deliberate, compatible change run ``uv run python tools/contracts.py`` and
commit the new pins; a breaking change needs a new major event type instead.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tandem_contracts import EVENT_TYPES, Envelope
from tandem_contracts.catalog import asyncapi_document, event_schema, published_events

ROOT = Path(__file__).resolve().parents[2]
SCHEMAS = ROOT / "tests" / "contract" / "schemas"


def test_every_published_event_is_pinned() -> None:
    pinned = {p.stem for p in SCHEMAS.glob("*.json")}
    assert pinned == set(published_events()), "run tools/contracts.py and review the diff"


@pytest.mark.parametrize("event_type", sorted(published_events()))
def test_schema_matches_pin(event_type: str) -> None:
    pinned = json.loads((SCHEMAS / f"{event_type}.json").read_text())
    current = json.loads(json.dumps(event_schema(EVENT_TYPES[event_type])))
    assert current == pinned, f"{event_type} changed: a breaking change needs a new major type"


def test_asyncapi_document_is_current() -> None:
    committed = json.loads((ROOT / "docs" / "asyncapi.json").read_text())
    assert committed == json.loads(json.dumps(asyncapi_document()))


def test_event_types_are_versioned_and_namespaced() -> None:
    for name, model in published_events().items():
        assert name.startswith("tandem."), name
        assert name.rsplit(".", 1)[1].startswith("v"), name
        # A compacted record (a contact) lives on its own compacted topic, never on a
        # service's: that is what lets erasure remove it from the broker.
        expected = "tandem.contacts.v1" if model.compacted else f"tandem.{model.producer}.v1"
        assert model.topic() == expected, name


def test_no_event_on_a_service_topic_carries_contact_details() -> None:
    # Contact details on tandem.matching.v1 stayed there for its 7-day retention after
    # an erasure; they belong to the compacted contacts topic only.
    personal = {"contact", "email", "display_name", "linkedin_url"}
    for name, model in published_events().items():
        if model.compacted or name == "tandem.programme.created.v1":  # managers: see README
            continue
        assert not personal & set(model.model_fields), f"{name} carries contact details"


def test_no_event_carries_content() -> None:
    forbidden = {"content", "body", "text", "message", "markdown"}
    for name, model in published_events().items():
        assert not forbidden & set(model.model_fields), f"{name} must not carry content"


def test_envelope_round_trips_through_kafka_headers() -> None:
    from uuid import uuid4

    from tandem_contracts.matching import RelationshipEnded

    event = RelationshipEnded(
        programme_id=uuid4(),
        relationship_id=uuid4(),
        outcome="ended_early",
        ended_by="mentee",
        reason="no_time",
    )
    envelope = Envelope.wrap(event)
    back = Envelope.from_kafka(envelope.kafka_headers(), envelope.key.encode(), envelope.data)
    assert back == envelope
    assert back.key == str(event.relationship_id)


def test_envelope_rejects_a_record_without_cloudevents_headers() -> None:
    with pytest.raises(ValueError, match="missing headers"):
        Envelope.from_kafka([("ce_id", b"x")], None, b"{}")
