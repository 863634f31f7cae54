"""Logs are JSON lines, with the trace and span ids of the span current when logging."""

from __future__ import annotations

import io
import json
import logging
from collections.abc import Iterator
from typing import Any

import pytest
from opentelemetry import context, propagate
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter

from tandem_kit.telemetry import (
    configure_logging,
    get_tracer,
    install_span_processor,
    shutdown_tracing,
    uninstall_span_processor,
)
from tandem_kit.telemetry.logging import JsonFormatter

log = logging.getLogger("tests.kit.logging")


@pytest.fixture
def stream() -> Iterator[io.StringIO]:
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    out = io.StringIO()
    configure_logging("messaging", stream=out)
    yield out
    for handler in [h for h in root.handlers if h not in handlers]:
        root.removeHandler(handler)
    root.setLevel(level)


@pytest.fixture
def tracing() -> Iterator[None]:
    processor = SimpleSpanProcessor(InMemorySpanExporter())
    install_span_processor(processor)
    yield
    uninstall_span_processor(processor)
    shutdown_tracing()


def lines(stream: io.StringIO) -> list[dict[str, Any]]:
    return [json.loads(line) for line in stream.getvalue().splitlines()]


def test_a_record_is_one_json_line_without_ids_outside_a_span(stream: io.StringIO) -> None:
    log.info("relay started for %s", "messaging")

    (entry,) = lines(stream)
    assert entry["message"] == "relay started for messaging"
    assert entry["level"] == "INFO"
    assert entry["logger"] == "tests.kit.logging"
    assert entry["service"] == "messaging"
    assert entry["time"].endswith("Z")
    assert "trace_id" not in entry
    assert "span_id" not in entry


def test_the_current_span_ids_are_in_the_line(stream: io.StringIO, tracing: None) -> None:
    with get_tracer("tests").start_as_current_span("handle") as span:
        log.warning("retrying")
    ids = span.get_span_context()

    (entry,) = lines(stream)
    assert entry["trace_id"] == format(ids.trace_id, "032x")
    assert entry["span_id"] == format(ids.span_id, "016x")


def test_a_remote_parent_alone_is_enough_to_join_the_trace(stream: io.StringIO) -> None:
    # Tracing off here: the caller's traceparent still names the trace.
    parent = propagate.extract(
        {"traceparent": "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"}
    )
    token = context.attach(parent)
    try:
        log.info("joined")
    finally:
        context.detach(token)

    (entry,) = lines(stream)
    assert entry["trace_id"] == "4bf92f3577b34da6a3ce929d0e0e4736"
    assert entry["span_id"] == "00f067aa0ba902b7"


def test_exceptions_and_extra_fields_are_keys(stream: io.StringIO) -> None:
    try:
        raise KeyError("thing")
    except KeyError:
        log.exception("handler failed", extra={"event_id": "e-1", "attempt": 2})

    (entry,) = lines(stream)
    assert entry["message"] == "handler failed"
    assert entry["level"] == "ERROR"
    assert "KeyError: 'thing'" in entry["exception"]
    assert entry["event_id"] == "e-1"
    assert entry["attempt"] == 2


def test_uvicorns_coloured_copy_of_the_message_is_left_out(stream: io.StringIO) -> None:
    logging.getLogger("uvicorn.error").info(
        "Started server process [%d]", 42, extra={"color_message": "\x1b[36m%d\x1b[0m"}
    )

    (entry,) = lines(stream)
    assert entry["message"] == "Started server process [42]"
    assert "color_message" not in entry


def test_configuring_again_replaces_the_handler(stream: io.StringIO) -> None:
    second = io.StringIO()
    configure_logging("matching", stream=second)

    log.info("once")

    assert stream.getvalue() == ""
    (entry,) = lines(second)
    assert entry["service"] == "matching"
    kit_handlers = [
        h for h in logging.getLogger().handlers if isinstance(h.formatter, JsonFormatter)
    ]
    assert len(kit_handlers) == 1
