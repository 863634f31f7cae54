"""One trace from a member's HTTP request to analytics' read model, through the real broker.

Two flows, as the issue names them: a message posted to messaging, and a meeting scheduled
in meetings. Each service runs as it does in production (its outbox relay publishes to
Kafka), and analytics consumes with its own group. The spans of all three land in one
in-memory exporter (one process, one tracer provider), so the test can follow the links:
the request's SERVER span, the relay's PRODUCER span whose parent is in the request's
trace (the outbox row carries the context), and analytics' CONSUMER span whose parent is
that PRODUCER span.
"""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest
from opentelemetry.sdk.trace import ReadableSpan
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter
from opentelemetry.trace import SpanKind

from tandem_analytics.main import DEFINITION as ANALYTICS
from tandem_analytics.main import create_app as analytics_app
from tandem_analytics.settings import AnalyticsSettings
from tandem_contracts import service_topic
from tandem_kit.telemetry.tracing import install_span_processor, uninstall_span_processor
from tandem_kit.testing import RunningApp, isolated_settings, run_app
from tests.kit.integration.harness import wait_until
from tests.meetings.integration.meetings_world import open_world
from tests.messaging.conftest import build_world
from tests.messaging.harness import running, settings_for
from tests.support.groups import start_group_at_the_end

pytestmark = [pytest.mark.kafka]


@pytest.fixture
def spans() -> Iterator[InMemorySpanExporter]:
    exporter = InMemorySpanExporter()
    processor = SimpleSpanProcessor(exporter)
    install_span_processor(processor)
    yield exporter
    uninstall_span_processor(processor)


@pytest.fixture
async def analytics(
    tmp_path: Path, kafka_bootstrap: str
) -> AsyncIterator[RunningApp[AnalyticsSettings]]:
    group = f"tandem.analytics.trace-{uuid.uuid4().hex[:8]}"
    for topic in ANALYTICS.consumes:  # only what this test publishes, not earlier runs'
        await start_group_at_the_end(kafka_bootstrap, group, topic)
    folder = tmp_path / "analytics"
    folder.mkdir()
    settings = isolated_settings(
        AnalyticsSettings,
        folder,
        kafka_bootstrap_servers=kafka_bootstrap,
        kafka_consumer_group=group,
        run_consumers=True,
    )
    async with run_app(analytics_app(settings), settings, definition=ANALYTICS) as app:
        yield app


def _request_span(spans: InMemorySpanExporter, route: str) -> ReadableSpan:
    [span] = [
        s for s in spans.get_finished_spans() if s.kind is SpanKind.SERVER and s.name == route
    ]
    return span


def _trace_of(spans: InMemorySpanExporter, trace_id: int) -> list[ReadableSpan]:
    return [s for s in spans.get_finished_spans() if s.context.trace_id == trace_id]


async def _assert_reaches_analytics(
    spans: InMemorySpanExporter, request: ReadableSpan, event_type: str, group: str | None
) -> None:
    assert group is not None  # the fixture names the group
    trace_id = request.context.trace_id

    def consumed() -> list[ReadableSpan]:
        return [
            s
            for s in _trace_of(spans, trace_id)
            if s.kind is SpanKind.CONSUMER
            and (s.attributes or {}).get("messaging.consumer.group.name") == group
        ]

    async def arrived() -> bool:
        return bool(consumed())

    await wait_until(arrived, timeout=60)
    in_trace = {s.context.span_id: s for s in _trace_of(spans, trace_id)}
    producers = [
        s
        for s in in_trace.values()
        if s.kind is SpanKind.PRODUCER and event_type in str((s.attributes or {}).values())
    ] or [s for s in in_trace.values() if s.kind is SpanKind.PRODUCER]
    assert producers, f"no producer span in the request's trace: {list(in_trace.values())}"
    [consumer] = consumed()
    # analytics' consumer span is the child of the relay's producer span ...
    assert consumer.parent is not None
    producer = in_trace[consumer.parent.span_id]
    assert producer.kind is SpanKind.PRODUCER
    # ... and the producer span's ancestors lead back to the member's request.
    span = producer
    while span.parent is not None and span.parent.span_id in in_trace:
        span = in_trace[span.parent.span_id]
    assert span.context.span_id == request.context.span_id, (
        f"the producer's root is {span.name}, not the request {request.name}"
    )


async def test_a_posted_message_is_one_trace_into_analytics(
    tmp_path: Path,
    kafka_bootstrap: str,
    spans: InMemorySpanExporter,
    analytics: RunningApp[AnalyticsSettings],
) -> None:
    settings = settings_for(tmp_path, kafka_bootstrap_servers=kafka_bootstrap, run_relay=True)
    async with running(settings) as h:
        world = await build_world(h)
        posted = await h.client.post(
            f"/v1/conversations/{world.conversation}/messages",
            json={"body": "Traced from here to the manager's figures."},
            headers=h.as_person(world.mentor, world.a),
        )
        assert posted.status_code == 201, posted.text
        request = _request_span(spans, "POST /v1/conversations/{conversation_id}/messages")
        await _assert_reaches_analytics(
            spans, request, "tandem.message.posted.v1", analytics.settings.kafka_consumer_group
        )
    assert service_topic("messaging") in ANALYTICS.consumes


async def test_a_scheduled_meeting_is_one_trace_into_analytics(
    tmp_path: Path,
    kafka_bootstrap: str,
    spans: InMemorySpanExporter,
    analytics: RunningApp[AnalyticsSettings],
) -> None:
    folder = tmp_path / "meetings"
    folder.mkdir()
    async with open_world(folder, kafka_bootstrap_servers=kafka_bootstrap, run_relay=True) as w:
        scheduled = await w.schedule(w.mentor)
        assert scheduled.status_code == 201, scheduled.text
        request = _request_span(spans, "POST /v1/relationships/{relationship_id}/meetings")
        await _assert_reaches_analytics(
            spans, request, "tandem.meeting.scheduled.v1", analytics.settings.kafka_consumer_group
        )
    assert service_topic("meetings") in ANALYTICS.consumes
