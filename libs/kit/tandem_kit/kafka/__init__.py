"""Kafka I/O: the idempotent producer, topic provisioning and the inbox consumer."""

from tandem_kit.kafka.consumer import EventConsumer, EventHandler, HandlerContext, Handlers
from tandem_kit.kafka.producer import create_producer
from tandem_kit.kafka.provision import TopicSpec, default_topics, provision_topics

__all__ = [
    "EventConsumer",
    "EventHandler",
    "HandlerContext",
    "Handlers",
    "TopicSpec",
    "create_producer",
    "default_topics",
    "provision_topics",
]
