"""Consumer groups for tests on the shared local broker, which keeps every earlier run's
events (benches leave tens of thousands): a test's new group starts at the topics' ends,
as if it had been running all along, instead of replaying all of that history."""

from __future__ import annotations

from aiokafka import AIOKafkaConsumer, TopicPartition

from tandem_kit.kafka.groups import start_group_at_end


async def partitions_of(consumer: AIOKafkaConsumer, topic: str) -> list[TopicPartition]:
    cluster = await consumer._client.fetch_all_metadata()  # no public call for another topic
    partitions = [TopicPartition(topic, p) for p in cluster.partitions_for_topic(topic) or []]
    assert partitions, f"{topic} is not provisioned"
    return partitions


async def start_group_at_the_end(bootstrap: str, group: str, *topics: str) -> None:
    """A new group starts at each topic's current end, not at events of earlier runs."""
    consumer = AIOKafkaConsumer(bootstrap_servers=bootstrap)
    await consumer.start()
    try:
        partitions = [p for topic in topics for p in await partitions_of(consumer, topic)]
    finally:
        await consumer.stop()
    await start_group_at_end(bootstrap, group, partitions)
