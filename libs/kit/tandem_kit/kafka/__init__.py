"""Kafka I/O: the idempotent producer, topic provisioning and the inbox consumer."""

from tandem_kit.kafka.consumer import EventConsumer
from tandem_kit.kafka.handlers import (
    BatchContext,
    BatchHandler,
    EventHandler,
    HandlerContext,
    Handlers,
    Tombstone,
    TombstoneHandler,
)
from tandem_kit.kafka.producer import create_producer
from tandem_kit.kafka.provision import TopicSpec, default_topics, provision_topics

__all__ = [
    "BatchContext",
    "BatchHandler",
    "EventConsumer",
    "EventHandler",
    "HandlerContext",
    "Handlers",
    "Tombstone",
    "TombstoneHandler",
    "TopicSpec",
    "create_producer",
    "default_topics",
    "provision_topics",
]
