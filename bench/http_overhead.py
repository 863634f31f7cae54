"""Throughput cost of the kit's HTTP telemetry: bare FastAPI vs. metrics + tracing on.

    uv run python bench/http_overhead.py [--rounds 3] [--duration 8] [--connections 32]
                                         [--client auto|wrk|python] [--variants bare,on]

The same trivial JSON endpoint (``GET /v1/things/{thing_id}``) is served by two
apps, each by its own uvicorn process (one worker, same settings, access log
off) on a free 127.0.0.1 port:

- ``bare``: plain FastAPI, no middleware.
- ``on``: the kit as shipped: ``MetricsAndTracingMiddleware`` around the app
  and ``configure_tracing`` with an exporter, so every request is counted,
  timed and traced (a recorded ``SERVER`` span, batched by the SDK's
  ``BatchSpanProcessor``, handed to an exporter that counts and drops the
  spans). Dropping at the exporter is the honest "on" state: all the work the
  service does per span is done; the collector's network cost is not the
  service's. (An OTLP exporter aimed at a port nobody listens on would add
  connection errors and retries instead.)
- ``off`` (optional): the middleware with tracing off (no exporter configured),
  i.e. metrics only.

Load: ``wrk`` when installed (``apt-get install wrk``; a C client, lightest on
a small machine), else a Python asyncio keep-alive client (raw HTTP/1.1 over
asyncio streams, much lighter than httpx) in a separate process. Each server is
warmed up, then the variants are measured alternately for several rounds (the
order flips every round) and the medians compared. Before the figures it
checks, from the instrumented server's ``/metrics``, that requests were really
counted and spans really exported. Prints requests/second and the ratio, and
the server process's CPU time per request (user + system, from /proc), which
is steadier than requests/second when other processes share the machine: the
client and the server compete for the same cores, so on a busy 2-core machine
run it more than once. No timed assertion.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from collections.abc import Sequence
from pathlib import Path

from fastapi import FastAPI
from starlette.types import ASGIApp

THING_ID = "3f2a9c1e-7b4d-4e11-9a0f-2c5d8e6b1a77"
PATH = f"/v1/things/{THING_ID}"
HERE = Path(__file__).resolve().parent
SERVICE = "bench"


# --- The apps (imported by the uvicorn subprocesses) ---


def _endpoint_app() -> FastAPI:
    app = FastAPI()

    @app.get("/v1/things/{thing_id}")
    async def get_thing(thing_id: str) -> dict[str, object]:
        return {"id": thing_id, "name": "a thing", "active": True}

    return app


def bare_app() -> ASGIApp:
    return _endpoint_app()


def _instrumented(tracing: bool) -> ASGIApp:
    from opentelemetry.sdk.trace import ReadableSpan
    from opentelemetry.sdk.trace.export import (
        BatchSpanProcessor,
        SpanExporter,
        SpanExportResult,
    )
    from prometheus_client import Counter

    from tandem_kit.telemetry import MetricsAndTracingMiddleware, configure_tracing, metrics_route

    exported = Counter("bench_spans_exported_total", "Spans handed to the dropping exporter.")

    class DroppingExporter(SpanExporter):
        def export(self, spans: Sequence[ReadableSpan]) -> SpanExportResult:
            exported.inc(len(spans))
            return SpanExportResult.SUCCESS

    for name in [n for n in os.environ if n.startswith("OTEL_")]:
        del os.environ[name]  # the exporter below is the only one
    if tracing:
        configure_tracing(SERVICE, extra_processors=[BatchSpanProcessor(DroppingExporter())])
    app = _endpoint_app()
    app.router.routes.append(metrics_route())
    return MetricsAndTracingMiddleware(app, service_name=SERVICE)


def instrumented_app() -> ASGIApp:
    return _instrumented(tracing=True)


def metrics_only_app() -> ASGIApp:
    return _instrumented(tracing=False)


VARIANTS = {"bare": "bare_app", "on": "instrumented_app", "off": "metrics_only_app"}
LABELS = {
    "bare": "bare FastAPI",
    "on": "kit metrics + tracing on",
    "off": "kit metrics, tracing off",
}


# --- Servers ---


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


class Server:
    def __init__(self, variant: str) -> None:
        self.variant = variant
        self.port = free_port()
        command = [
            sys.executable, "-m", "uvicorn", f"http_overhead:{VARIANTS[variant]}", "--factory",
            "--app-dir", str(HERE), "--host", "127.0.0.1", "--port", str(self.port),
            "--workers", "1", "--loop", "auto", "--http", "auto",
            "--no-access-log", "--log-level", "warning",
        ]  # fmt: skip
        self.process = subprocess.Popen(command)
        self.url = f"http://127.0.0.1:{self.port}{PATH}"

    def wait_ready(self, timeout: float = 90.0) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"{self.variant} server exited with {self.process.returncode}")
            try:
                with urllib.request.urlopen(self.url, timeout=1) as response:  # noqa: S310
                    if response.status == 200:
                        return
            except OSError:
                time.sleep(0.1)
        raise RuntimeError(f"{self.variant} server did not start")

    def metrics(self) -> str:
        url = f"http://127.0.0.1:{self.port}/metrics"
        with urllib.request.urlopen(url, timeout=5) as response:
            text: str = response.read().decode()
            return text

    def cpu_seconds(self) -> float:
        """User + system CPU time of the server process so far (Linux; 0 elsewhere)."""
        try:
            fields = Path(f"/proc/{self.process.pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            return 0.0
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


# --- Load generators ---


def run_wrk(url: str, connections: int, duration: float) -> tuple[float, int]:
    result = subprocess.run(
        ["wrk", "-t1", f"-c{connections}", f"-d{duration:g}s", url],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    rate = re.search(r"Requests/sec:\s+([\d.]+)", result.stdout)
    total = re.search(r"(\d+) requests in", result.stdout)
    if rate is None or total is None or "Non-2xx" in result.stdout or "Socket" in result.stdout:
        raise RuntimeError(f"wrk failed or saw errors:\n{result.stdout}")
    return float(rate.group(1)), int(total.group(1))


def run_python_client(url: str, connections: int, duration: float) -> tuple[float, int]:
    command = [sys.executable, str(Path(__file__).resolve()), "--load", url,
               "--connections", str(connections), "--duration", str(duration)]  # fmt: skip
    result = subprocess.run(command, capture_output=True, text=True, check=True)
    rate, total = result.stdout.split()
    return float(rate), int(total)


async def _python_load(url: str, connections: int, duration: float) -> tuple[float, int]:
    """Keep-alive HTTP/1.1 GETs on ``connections`` sockets for ``duration`` seconds."""
    host_port, _, path = url.removeprefix("http://").partition("/")
    host, _, port = host_port.partition(":")
    request = f"GET /{path} HTTP/1.1\r\nHost: {host_port}\r\n\r\n".encode()
    deadline = time.perf_counter() + duration
    counts = [0] * connections

    async def connection(index: int) -> None:
        reader, writer = await asyncio.open_connection(host, int(port))
        try:
            while time.perf_counter() < deadline:
                writer.write(request)
                head = await reader.readuntil(b"\r\n\r\n")
                if not head.startswith(b"HTTP/1.1 200"):
                    raise RuntimeError(head.decode(errors="replace"))
                length = int(re.search(rb"(?i)content-length:\s*(\d+)", head).group(1))  # type: ignore[union-attr]
                await reader.readexactly(length)
                counts[index] += 1
        finally:
            writer.close()

    start = time.perf_counter()
    await asyncio.gather(*(connection(i) for i in range(connections)))
    return sum(counts) / (time.perf_counter() - start), sum(counts)


def load(client: str, url: str, connections: int, duration: float) -> tuple[float, int]:
    if client == "wrk":
        return run_wrk(url, connections, duration)
    return run_python_client(url, connections, duration)


# --- The benchmark ---


def metric_value(text: str, name: str) -> float:
    pattern = rf"^{re.escape(name)}(?:\{{.*\}})? ([\d.e+]+)$"
    return sum(float(m.group(1)) for m in re.finditer(pattern, text, re.MULTILINE))


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--duration", type=float, default=8.0, help="seconds per measurement")
    parser.add_argument("--warmup", type=float, default=3.0, help="seconds per server")
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--client", choices=["auto", "wrk", "python"], default="auto")
    parser.add_argument("--variants", default="bare,on", help="comma list of bare,on,off")
    parser.add_argument("--load", help=argparse.SUPPRESS)  # internal: be the Python client
    args = parser.parse_args(argv)

    if args.load:
        rate, total = asyncio.run(_python_load(args.load, args.connections, args.duration))
        print(rate, total)
        return

    client = args.client
    if client == "auto":
        client = "wrk" if shutil.which("wrk") else "python"
    variants = [v.strip() for v in args.variants.split(",") if v.strip()]
    if variants[0] != "bare" or any(v not in VARIANTS for v in variants):
        parser.error("--variants must start with bare and use bare, on, off")

    print(
        f"client={client} connections={args.connections} duration={args.duration:g}s "
        f"rounds={args.rounds} cpus={os.cpu_count()} python={sys.version.split()[0]}"
    )
    servers = {variant: Server(variant) for variant in variants}
    try:
        for server in servers.values():
            server.wait_ready()
        for server in servers.values():
            load(client, server.url, args.connections, args.warmup)
        results: dict[str, list[float]] = {variant: [] for variant in variants}
        cpu: dict[str, list[float]] = {variant: [] for variant in variants}
        for round_number in range(args.rounds):
            order = variants if round_number % 2 == 0 else variants[::-1]
            for variant in order:
                server = servers[variant]
                cpu_before = server.cpu_seconds()
                rps, total = load(client, server.url, args.connections, args.duration)
                cpu_us = (server.cpu_seconds() - cpu_before) / max(total, 1) * 1e6
                results[variant].append(rps)
                cpu[variant].append(cpu_us)
                print(
                    f"  round {round_number + 1}: {variant:>4} {rps:9.0f} req/s"
                    f"   server CPU {cpu_us:6.1f} us/request",
                    flush=True,
                )
        checks = {v: servers[v].metrics() for v in variants if v != "bare"}
    finally:
        for server in servers.values():
            server.stop()

    for variant, text in checks.items():
        counted = metric_value(text, "tandem_http_requests_total")
        exported = metric_value(text, "bench_spans_exported_total")
        print(f"  check {variant}: requests counted {counted:.0f}, spans exported {exported:.0f}")
        if counted <= 0 or (variant == "on" and exported <= 0):
            raise SystemExit(f"the {variant} server did not record its requests")

    bare = statistics.median(results["bare"])
    bare_cpu = statistics.median(cpu["bare"])
    print()
    for variant in variants:
        median = statistics.median(results[variant])
        cpu_us = statistics.median(cpu[variant])
        print(
            f"{LABELS[variant]:26s} median {median:7.0f} req/s  ratio {median / bare:6.1%}"
            f"   server CPU {cpu_us:6.1f} us/request (+{cpu_us - bare_cpu:.1f})"
        )


if __name__ == "__main__":
    main()
