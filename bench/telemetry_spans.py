"""What tracing costs on a realistic endpoint: the message-posting request, tracing off vs on.

    uv run python bench/telemetry_spans.py [--rounds 6] [--requests 300] [--concurrency 4]
                                           [--database sqlite|postgres]

One messaging app (``POST /v1/conversations/{id}/messages``: token check, SQL,
AES-256-GCM sealing, outbox and mail-outbox rows in the message's transaction),
served in-process through ``httpx2.ASGITransport`` by the app factory as shipped
(set up as ``bench/messaging.py`` does). The variants alternate on the same app
and database, round after round (the order flips each round):

- ``off``: no exporter configured, as on a developer's machine: no spans.
- ``on``: tracing on (``configure_tracing`` with a ``BatchSpanProcessor``
  handing every span to an exporter that counts and drops it): the middleware's
  SDK server span and the SQL client spans under it.

Each round posts a fixed number of messages per variant (``concurrency``
clients in a closed loop, each in its own conversation, its two members taking
turns). Prints the median requests per second of each variant, their ratio,
and the process CPU time per request (steadier than the rate when other
processes share the machine), then the CPU cost of the server span alone
(started and ended as the middleware does, 5 x 5000 spans), and checks that
the spans were exported. No timed assertion.

This file first compared the kit's hand-made ``LightSpan`` with an SDK span in
the same middleware (commit 7588d5b): on a shared 2-core machine the rates were
noise-bound (medians 36 vs 48, 41 vs 36, 43 vs 48 req/s, light vs SDK), and the
span alone cost 17 us (light) vs 45 us (SDK) of CPU, 0.2% of a request's
~14 ms. Far from the 10% that would have justified keeping it, so the light
path was deleted and the server span is an SDK span.
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

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from opentelemetry import context as otel_context
from opentelemetry import trace
from opentelemetry.sdk.trace import ReadableSpan
from opentelemetry.sdk.trace.export import BatchSpanProcessor, SpanExporter, SpanExportResult
from opentelemetry.trace import SpanKind
from opentelemetry.util.types import AttributeValue

from bench.messaging import BODY, Target, serve
from tandem_kit.telemetry import http as http_telemetry
from tandem_kit.telemetry.tracing import configure_tracing, get_tracer, shutdown_tracing
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


def span_alone(spans: int) -> float:
    """Microseconds of CPU for one server span, started and ended as the middleware does."""
    end = http_telemetry.MetricsAndTracingMiddleware._end_span
    started = time.process_time()
    for _ in range(spans):
        attributes: dict[str, AttributeValue] = {
            "http.request.method": "POST",
            "url.path": "/v1/conversations/3f2a9c1e-7b4d-4e11-9a0f-2c5d8e6b1a77/messages",
            "url.scheme": "http",
            "network.protocol.version": "1.1",
        }
        span = get_tracer("tandem_kit.http").start_span(
            "POST", kind=SpanKind.SERVER, attributes=attributes
        )
        token = otel_context.attach(trace.set_span_in_context(span, None))
        otel_context.detach(token)
        end(span, "POST", "/v1/conversations/{conversation_id}/messages", 201, None)
    return (time.process_time() - started) / spans * 1e6


def switch(name: str, exporter: DroppingExporter) -> None:
    """Tracing as the variant wants it, in the running app (its tracers are looked up per use)."""
    if name == "on":
        configure_tracing("messaging", extra_processors=[BatchSpanProcessor(exporter)])
    else:
        shutdown_tracing()  # flushes what "on" left in the batch queue


VARIANTS = ("off", "on")


async def main(rounds: int, requests: int, concurrency: int, database: str) -> None:
    exporter = DroppingExporter()
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
                for name in VARIANTS:  # warm-up, both paths
                    switch(name, exporter)
                    await post_messages(target, max(requests // 5, concurrency))
                for round_ in range(rounds):
                    order = VARIANTS if round_ % 2 == 0 else VARIANTS[::-1]
                    for name in order:
                        switch(name, exporter)
                        cpu_before = time.process_time()
                        rates[name].append(await post_messages(target, requests))
                        cpu[name].append((time.process_time() - cpu_before) / requests * 1e6)
                    print(
                        f"round {round_ + 1}: off {rates['off'][-1]:6.0f} req/s "
                        f"{cpu['off'][-1]:6.0f} us CPU/req   "
                        f"on {rates['on'][-1]:6.0f} req/s {cpu['on'][-1]:6.0f} us CPU/req",
                        flush=True,
                    )
                switch("off", exporter)
                exported = (exporter.server, exporter.other)  # the requests' spans
                switch("on", exporter)
                alone = statistics.median(span_alone(5000) for _ in range(5))
        finally:
            shutdown_tracing()
            if database == "postgres":
                await drop_postgres_database(admin, url)
    if exported[0] < rounds * requests or exported[1] < exported[0]:
        raise SystemExit(f"spans missing: {exported[0]} server, {exported[1]} other")
    off, on = statistics.median(rates["off"]), statistics.median(rates["on"])
    off_cpu, on_cpu = statistics.median(cpu["off"]), statistics.median(cpu["on"])
    print(
        f"\nPOST /v1/conversations/{{id}}/messages ({database}, "
        f"{concurrency} clients, median of {rounds} rounds of {requests} requests):"
    )
    print(f"  tracing off: {off:7.0f} req/s   {off_cpu:6.0f} us CPU/request")
    print(f"  tracing on:  {on:7.0f} req/s   {on_cpu:6.0f} us CPU/request")
    print(f"  on / off: {on / off:.1%} of the throughput")
    print(
        f"  the SDK server span alone: {alone:.1f} us of CPU,"
        f" {alone / on_cpu:.2%} of a traced request's CPU"
    )
    print(f"  spans exported by the requests: {exported[0]} server, {exported[1]} others (SQL)")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=6)
    parser.add_argument("--requests", type=int, default=300, help="posts per variant per round")
    parser.add_argument("--concurrency", type=int, default=4, help="clients, one conversation each")
    parser.add_argument("--database", choices=["sqlite", "postgres"], default="sqlite")
    arguments = parser.parse_args()
    asyncio.run(
        main(arguments.rounds, arguments.requests, arguments.concurrency, arguments.database)
    )
