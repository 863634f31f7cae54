"""Tandem event contracts: the CloudEvents envelope, topic names and every event model.

Pure pydantic, no I/O: services and the kit import these, never each other.
"""

from tandem_contracts.base import EVENT_TYPES, Event, compacted_topics, parse_event
from tandem_contracts.envelope import CE_HEADERS, Envelope, EnvelopeError
from tandem_contracts.topics import (
    CONTACTS_TOPIC,
    SERVICES,
    consumer_group,
    dlq_topic,
    service_topic,
)

__all__ = [
    "CE_HEADERS",
    "CONTACTS_TOPIC",
    "EVENT_TYPES",
    "SERVICES",
    "Envelope",
    "EnvelopeError",
    "Event",
    "compacted_topics",
    "consumer_group",
    "dlq_topic",
    "parse_event",
    "service_topic",
]

# Importing the event modules registers their types in EVENT_TYPES.
from tandem_contracts import analytics as analytics
from tandem_contracts import contacts as contacts
from tandem_contracts import matching as matching
from tandem_contracts import meetings as meetings
from tandem_contracts import messaging as messaging
