"""Transactional outbox: events written with the state change, published by a relay."""

from tandem_kit.outbox.relay import OutboxRelay
from tandem_kit.outbox.writer import add_event, add_events, add_tombstone

__all__ = ["OutboxRelay", "add_event", "add_events", "add_tombstone"]
