"""The catalogue of published events: JSON Schemas and an AsyncAPI 3 document.

Pure functions; ``tools/contracts.py`` writes their output to the repository and
``tests/contract`` checks that what is committed matches the models.
"""

from __future__ import annotations

from typing import Any

from tandem_contracts.base import EVENT_TYPES, Event
from tandem_contracts.envelope import CE_HEADERS
from tandem_contracts.topics import SERVICES, service_topic


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


def asyncapi_document(version: str = "1.0.0") -> dict[str, Any]:
    events = published_events()
    messages: dict[str, Any] = {}
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
            "payload": event_schema(model),
            "bindings": {
                "kafka": {
                    "key": {"type": "string", "description": "relationship id, else programme id"}
                }
            },
        }
    channels = {
        service: {
            "address": service_topic(service),
            "messages": {
                name: {"$ref": f"#/components/messages/{name}"}
                for name, model in events.items()
                if model.producer == service
            },
        }
        for service in SERVICES
    }
    operations = {
        f"publish_{service}": {
            "action": "send",
            "channel": {"$ref": f"#/channels/{service}"},
            "summary": f"The {service} service publishes through its outbox.",
        }
        for service in SERVICES
        if channels[service]["messages"]
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
        "components": {"messages": messages},
    }
