"""The catalogue of published events: JSON Schemas and an AsyncAPI 3 document.

Pure functions; ``tools/contracts.py`` writes their output to the repository and
``tests/contract`` checks that what is committed matches the models.
"""

from __future__ import annotations

from typing import Any

from tandem_contracts.base import EVENT_TYPES, Event
from tandem_contracts.envelope import CE_HEADERS
from tandem_contracts.topics import CONTACTS_TOPIC, SERVICES, service_topic


def published_events() -> dict[str, type[Event]]:
    """Every event type declared by the contracts package (test-only events excluded)."""
    return {
        name: model
        for name, model in sorted(EVENT_TYPES.items())
        if model.__module__.startswith("tandem_contracts.")
    }


def event_schema(model: type[Event]) -> dict[str, Any]:
    schema = model.model_json_schema(mode="serialization")
    schema["x-event-type"] = model.event_type
    schema["x-topic"] = model.topic()
    return schema


SCHEMA_REF = "#/components/schemas/"


def _hoisted(schema: dict[str, Any], shared: dict[str, Any]) -> dict[str, Any]:
    """``schema`` without its ``$defs``: they move to ``shared`` (``components/schemas``).

    A pinned event schema is a standalone JSON Schema whose ``$ref``s point into its own
    ``$defs``; inside the AsyncAPI document ``#/$defs/...`` would point at the document's
    root, where nothing is. One name must mean one schema across every event.
    """
    for name, definition in schema.get("$defs", {}).items():
        definition = _relinked(definition)
        if shared.setdefault(name, definition) != definition:
            raise ValueError(f"two events define {name!r} differently: rename one")
    return {k: _relinked(v) for k, v in schema.items() if k != "$defs"}


def _relinked(node: Any) -> Any:
    if isinstance(node, dict):
        return {
            k: (
                SCHEMA_REF + v.removeprefix("#/$defs/")
                if k == "$ref" and isinstance(v, str) and v.startswith("#/$defs/")
                else _relinked(v)
            )
            for k, v in node.items()
        }
    if isinstance(node, list):
        return [_relinked(item) for item in node]
    return node


def _key(model: type[Event]) -> dict[str, str]:
    if model.compacted:
        return {"type": "string", "description": "participant id (the compaction key)"}
    return {"type": "string", "description": "relationship id, else programme id"}


def asyncapi_document(version: str = "1.0.0") -> dict[str, Any]:
    """An AsyncAPI 3.0 document: one channel per producing service's topic."""
    events = published_events()
    messages: dict[str, Any] = {}
    schemas: dict[str, Any] = {}
    for name, model in events.items():
        messages[name] = {
            "name": name,
            "title": model.__name__,
            "summary": (model.__doc__ or "").strip().splitlines()[0] if model.__doc__ else name,
            "contentType": "application/json",
            "headers": {
                "type": "object",
                "required": list(CE_HEADERS),
                "properties": {h: {"type": "string"} for h in (*CE_HEADERS, "traceparent")},
            },
            "payload": _hoisted(event_schema(model), schemas),
            "bindings": {"kafka": {"key": _key(model), "bindingVersion": "0.5.0"}},
        }
    addresses: dict[str, str] = {service: service_topic(service) for service in SERVICES}
    addresses["contacts"] = CONTACTS_TOPIC
    channels: dict[str, Any] = {
        channel: {
            "address": address,
            "messages": {
                name: {"$ref": f"#/components/messages/{name}"}
                for name, model in events.items()
                if model.topic() == address
            },
        }
        for channel, address in addresses.items()
    }
    channels["contacts"]["description"] = (
        "Compacted (cleanup.policy=compact), keyed by participant id: the latest contact "
        "per participant. Erasure publishes a tombstone (the key, the CloudEvents headers "
        "of tandem.participant.contact.v1, no value); compaction then removes every "
        "earlier value within the bound documented in the README (Privacy). Matching "
        "also appends a marker to every partition every few minutes (the key "
        "tandem.segment-roll, ce_type tandem.kit.segment.roll.v1, no value) so that "
        "quiet partitions roll; consumers skip it."
    )
    operations = {
        f"publish_{channel}": {
            "action": "send",
            "channel": {"$ref": f"#/channels/{channel}"},
            "summary": (
                "Matching publishes participants' contacts (and erasure's tombstones) "
                "through its outbox."
                if channel == "contacts"
                else f"The {channel} service publishes through its outbox."
            ),
        }
        for channel in addresses
        if channels[channel]["messages"]
    }
    return {
        "asyncapi": "3.0.0",
        "info": {
            "title": "Tandem events",
            "version": version,
            "description": "CloudEvents 1.0 in Kafka binary mode: ce_* headers, JSON value.",
        },
        "defaultContentType": "application/json",
        "channels": {k: v for k, v in channels.items() if v["messages"]},
        "operations": operations,
        "components": {"messages": messages, "schemas": dict(sorted(schemas.items()))},
    }
