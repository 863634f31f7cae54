"""The HTTP server span's cost on a realistic endpoint: the kit's light span vs. an SDK span.

    uv run python bench/telemetry_spans.py [--rounds 6] [--requests 1500] [--concurrency 4]
                                           [--database sqlite|postgres]

One messaging app (``POST /v1/conversations/{id}/messages``: token check, SQL,
AES-256-GCM sealing, outbox and mail-outbox rows in the message's transaction),
served in-process through ``httpx.ASGITransport`` by the app factory as shipped
(set up as ``bench/messaging.py`` does), with tracing on: a pinned
``BatchSpanProcessor`` handing every span to an exporter that counts and drops
it. Only the middleware's server span differs between the variants, which
alternate on the same app and database, round after round (the order flips
each round):

- ``light``: the middleware as shipped, its span from ``get_light_tracer``
  (:class:`~tandem_kit.telemetry.tracing.LightSpan`).
- ``sdk``: the same middleware, its span from the SDK tracer
  (``get_tracer(...).start_span``), patched in here and nowhere else.

The SQL client spans are SDK spans in both. Each round posts a fixed number of
messages per variant (``concurrency`` clients in a closed loop, each in its own
conversation, its two members taking turns). Prints the median requests per
second of each variant, their ratio, and the process CPU time per request
(steadier than the rate when other processes share the machine), then the
CPU cost of the server span alone (started and ended as the middleware does,
5 x 5000 spans per variant, into the same processors), and checks that the
spans were exported. No timed assertion.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from unittest.mock import patch

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from opentelemetry import context as otel_context
from opentelemetry import trace
from opentelemetry.sdk.trace import ReadableSpan
from opentelemetry.sdk.trace.export import BatchSpanProcessor, SpanExporter, SpanExportResult
from opentelemetry.trace import SpanKind
from opentelemetry.util.types import AttributeValue

from bench.messaging import BODY, Target, serve
from tandem_kit.telemetry import http as http_telemetry
from tandem_kit.telemetry import install_span_processor, uninstall_span_processor
from tandem_kit.telemetry.tracing import get_light_tracer, get_tracer
from tests.support.infra import create_postgres_database, drop_postgres_database, ensure_postgres


class DroppingExporter(SpanExporter):
    """Counts spans by kind and drops them: all the per-span work, no network."""

    def __init__(self) -> None:
        self.server = 0
        self.other = 0

    def export(self, spans: Sequence[ReadableSpan]) -> SpanExportResult:
        for span in spans:
            if span.kind is SpanKind.SERVER:
                self.server += 1
            else:
                self.other += 1
        return SpanExportResult.SUCCESS


class SdkServerTracer:
    """The light tracer's ``start_span`` signature, answered by the SDK's tracer."""

    def __init__(self, name: str) -> None:
        self._tracer = get_tracer(name)

    def start_span(
        self,
        name: str,
        kind: SpanKind,
        attributes: dict[str, AttributeValue],
        parent: otel_context.Context | None = None,
    ) -> trace.Span:
        return self._tracer.start_span(name, context=parent, kind=kind, attributes=attributes)


def sdk_tracer(name: str) -> SdkServerTracer:
    return SdkServerTracer(name)


VARIANTS = {"light": get_light_tracer, "sdk": sdk_tracer}


async def post_messages(target: Target, requests: int) -> float:
    """``requests`` posts shared by the clients; returns requests per second."""
    remaining = requests

    async def client(index: int) -> None:
        nonlocal remaining
        pair = target.pairs[index]
        turn = 0
        while remaining > 0:
            remaining -= 1
            turn += 1
            response = await target.client.post(
                pair.url, json={"body": BODY}, headers=pair.headers[turn % 2]
            )
            if response.status_code != 201:
                raise RuntimeError(f"{response.status_code} {response.text}")

    started = time.perf_counter()
    await asyncio.gather(*(client(i) for i in range(len(target.pairs))))
    return requests / (time.perf_counter() - started)


def span_alone(name: str, spans: int) -> float:
    """Microseconds of CPU for one server span, started and ended as the middleware does."""
    factory = VARIANTS[name]
    end = http_telemetry.MetricsAndTracingMiddleware._end_span
    started = time.process_time()
    for _ in range(spans):
        tracer = factory("tandem_kit.http")
        assert tracer is not None
        attributes: dict[str, AttributeValue] = {
            "http.request.method": "POST",
            "url.path": "/v1/conversations/3f2a9c1e-7b4d-4e11-9a0f-2c5d8e6b1a77/messages",
            "url.scheme": "http",
            "network.protocol.version": "1.1",
        }
        span = tracer.start_span("POST", SpanKind.SERVER, attributes, None)
        token = otel_context.attach(trace.set_span_in_context(span, None))
        otel_context.detach(token)
        end(span, "POST", "/v1/conversations/{conversation_id}/messages", 201, None)
    return (time.process_time() - started) / spans * 1e6


async def main(rounds: int, requests: int, concurrency: int, database: str) -> None:
    exporter = DroppingExporter()
    processor = BatchSpanProcessor(exporter)
    install_span_processor(processor)  # pinned: survives the app's configure_tracing
    admin = ""
    with tempfile.TemporaryDirectory() as tmp:
        if database == "postgres":
            admin = ensure_postgres()
            url = await create_postgres_database(admin)
        else:
            url = f"sqlite+aiosqlite:///{Path(tmp) / 'bench.db'}"
        (Path(tmp) / "app").mkdir()
        rates: dict[str, list[float]] = {name: [] for name in VARIANTS}
        cpu: dict[str, list[float]] = {name: [] for name in VARIANTS}
        try:
            async with serve("on", url, Path(tmp) / "app", concurrency) as target:
                for factory in VARIANTS.values():  # warm-up, both paths
                    with patch.object(http_telemetry, "get_light_tracer", factory):
                        await post_messages(target, max(requests // 5, concurrency))
                for round_ in range(rounds):
                    order = list(VARIANTS) if round_ % 2 == 0 else list(VARIANTS)[::-1]
                    for name in order:
                        with patch.object(http_telemetry, "get_light_tracer", VARIANTS[name]):
                            cpu_before = time.process_time()
                            rates[name].append(await post_messages(target, requests))
                            cpu[name].append((time.process_time() - cpu_before) / requests * 1e6)
                    print(
                        f"round {round_ + 1}: light {rates['light'][-1]:6.0f} req/s "
                        f"{cpu['light'][-1]:6.0f} us CPU/req   "
                        f"sdk {rates['sdk'][-1]:6.0f} req/s {cpu['sdk'][-1]:6.0f} us CPU/req",
                        flush=True,
                    )
                processor.force_flush()
                exported = (exporter.server, exporter.other)  # the requests' spans
                alone = {  # while the app's tracing is configured
                    name: statistics.median(span_alone(name, 5000) for _ in range(5))
                    for name in VARIANTS
                }
        finally:
            processor.force_flush()
            uninstall_span_processor(processor)
            if database == "postgres":
                await drop_postgres_database(admin, url)
    if exported[0] < rounds * 2 * requests or exported[1] < exported[0]:
        raise SystemExit(f"spans missing: {exported[0]} server, {exported[1]} other")
    light, sdk = statistics.median(rates["light"]), statistics.median(rates["sdk"])
    light_cpu, sdk_cpu = statistics.median(cpu["light"]), statistics.median(cpu["sdk"])
    print(
        f"\nPOST /v1/conversations/{{id}}/messages, tracing on ({database}, "
        f"{concurrency} clients, median of {rounds} rounds of {requests} requests):"
    )
    print(f"  light server span: {light:7.0f} req/s   {light_cpu:6.0f} us CPU/request")
    print(f"  SDK server span:   {sdk:7.0f} req/s   {sdk_cpu:6.0f} us CPU/request")
    print(f"  SDK / light: {sdk / light:.1%} of the throughput (light saves {1 - sdk / light:.1%})")
    print(
        f"  the server span alone (same process, same processors): light {alone['light']:.1f} us,"
        f" SDK {alone['sdk']:.1f} us of CPU; the difference is"
        f" {(alone['sdk'] - alone['light']) / light_cpu:.2%} of a request's CPU"
    )
    print(f"  spans exported by the requests: {exported[0]} server, {exported[1]} others (SQL)")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=6)
    parser.add_argument("--requests", type=int, default=1500, help="posts per variant per round")
    parser.add_argument("--concurrency", type=int, default=4, help="clients, one conversation each")
    parser.add_argument("--database", choices=["sqlite", "postgres"], default="sqlite")
    arguments = parser.parse_args()
    asyncio.run(
        main(arguments.rounds, arguments.requests, arguments.concurrency, arguments.database)
    )
