"""Start the local platform: the real Kafka broker, the services, a mail catcher.

Every port is the caller's choice (:class:`Ports`; ``make demo`` keeps the documented
8001-8004 and 2525), so that two checkouts, or a test beside a running demo, do not
fight over them.
"""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from email import message_from_bytes, policy
from email.message import Message
from pathlib import Path
from typing import Any

import httpx2
from aiokafka import TopicPartition
from aiosmtpd.controller import Controller

from tandem_kit.kafka.groups import start_group_at_end
from tandem_kit.kafka.provision import default_topics

ROOT = Path(__file__).resolve().parents[1]
SERVICES = ("matching", "messaging", "meetings", "analytics")
# The demo time scale: a day of the risk thresholds lasts half a minute, so the demo
# programme's "2 days without two-way contact" flags a minute after a relationship starts.
RISK_DAY_SECONDS = 30
CHECK_IN_INTERVAL_SECONDS = 2


@dataclass(frozen=True)
class Ports:
    """Where the demo listens; the defaults are the documented ones."""

    matching: int = 8001
    messaging: int = 8002
    meetings: int = 8003
    analytics: int = 8004
    smtp: int = 2525
    web: int = 8005

    def of(self, service: str) -> int:
        port: int = getattr(self, service)
        return port


class MailCatcher:
    """A real SMTP server on loopback that keeps what it receives (the demo's inbox),
    each mail also written to ``folder`` as it came (``0001.eml``, …) for a later look."""

    def __init__(self, port: int, folder: Path) -> None:
        self.messages: list[Message] = []
        self._folder = folder
        self._controller = Controller(self, hostname="127.0.0.1", port=port)

    async def handle_DATA(self, _server: Any, _session: Any, envelope: Any) -> str:  # noqa: N802
        raw: bytes = envelope.original_content or envelope.content
        self.messages.append(message_from_bytes(raw, policy=policy.default))
        (self._folder / f"{len(self.messages):04d}.eml").write_bytes(raw)
        return "250 OK"

    def start(self) -> None:
        self._folder.mkdir(parents=True, exist_ok=True)
        self._controller.start()

    def stop(self) -> None:
        self._controller.stop()


# The broker kafka.sh runs: its port follows TANDEM_KAFKA_PORT, as the tests' does.
KAFKA_BOOTSTRAP = f"127.0.0.1:{os.environ.get('TANDEM_KAFKA_PORT', '9092')}"


def start_kafka() -> None:
    subprocess.run(
        ["bash", str(ROOT / "deploy/local/kafka.sh"), "start"],
        check=True,
        stdout=subprocess.DEVNULL,
    )


def service_environment(data: Path, ports: Ports) -> dict[str, str]:
    env = dict(os.environ)
    for name in SERVICES:
        prefix = f"TANDEM_{name.upper()}_"
        env.update(
            {
                f"{prefix}HTTP_PORT": str(ports.of(name)),
                f"{prefix}DATABASE_URL": f"sqlite+aiosqlite:///{data / name}.db",
                f"{prefix}AUTH__LOCAL_KEY_PATH": str(data / "keys" / "jwt-signing-key.pem"),
                f"{prefix}SMTP__PORT": str(ports.smtp),
                f"{prefix}OUTBOX_POLL_INTERVAL_SECONDS": "0.1",
                f"{prefix}KAFKA_BOOTSTRAP_SERVERS": KAFKA_BOOTSTRAP,
                # a fresh development master key per demo, beside its databases
                f"{prefix}MASTER_KEY_FILE": str(data / f"{name}-master.key"),
            }
        )
    # Each demo starts on fresh databases, so its services read only what happens from
    # now on: consumer groups of its own (started at the topics' end in
    # `running_services`), not the groups of an earlier demo or of the tests that share
    # the broker, whose whole history a fresh group would otherwise replay.
    run = uuid.uuid4().hex[:8]
    for name in SERVICES:
        env[f"TANDEM_{name.upper()}_KAFKA_CONSUMER_GROUP"] = f"tandem.{name}.demo-{run}"
    # Analytics runs drop-out risk on the demo time scale (a threshold's day lasts
    # RISK_DAY_SECONDS), so that a flag appears, and messaging's mail to the manager
    # leaves, while the demo runs.
    env["TANDEM_ANALYTICS_RISK_DEMO_DAY_SECONDS"] = str(RISK_DAY_SECONDS)
    # and looks for due check-ins every few seconds (not every five minutes), so that a
    # check-in plan set while the demo runs has its check-ins waiting moments later.
    env.setdefault("TANDEM_ANALYTICS_CHECK_IN_INTERVAL_SECONDS", str(CHECK_IN_INTERVAL_SECONDS))
    # Meetings: invitations leave within a fraction of a second, and their RSVP links
    # (and feed URLs) point at this demo's port; online meetings get Jitsi links (the
    # default provider, meet.jit.si) unless the caller's environment chose another.
    env.update(
        {
            "TANDEM_MEETINGS_MAIL_POLL_INTERVAL_SECONDS": "0.2",
            "TANDEM_MEETINGS_PUBLIC_BASE_URL": f"http://127.0.0.1:{ports.meetings}",
        }
    )
    return env


@contextmanager
def running_services(data: Path, ports: Ports) -> Iterator[dict[str, str]]:
    """Each service as its own process (`tandem-<name> serve`: its API, outbox relay,
    consumers and relay workers such as meetings' mail relay), torn down on exit."""
    env = service_environment(data, ports)
    subprocess.run(
        [_command("matching"), "provision-topics"],
        env=env,
        check=True,
        stdout=subprocess.DEVNULL,
        cwd=ROOT,
    )
    partitions = [TopicPartition(t.name, p) for t in default_topics() for p in range(t.partitions)]
    for name in SERVICES:
        group = env[f"TANDEM_{name.upper()}_KAFKA_CONSUMER_GROUP"]
        asyncio.run(start_group_at_end(KAFKA_BOOTSTRAP, group, partitions))
    logs = {name: (data / f"{name}.log").open("w") for name in SERVICES}
    processes = {
        name: subprocess.Popen(
            [_command(name), "serve"],
            env=env,
            cwd=ROOT,
            stdout=logs[name],
            stderr=subprocess.STDOUT,
        )
        for name in SERVICES
    }
    urls = {name: f"http://127.0.0.1:{ports.of(name)}" for name in SERVICES}
    logs["web"] = (data / "web.log").open("w")
    processes["web"] = subprocess.Popen(
        [_command("web"), "serve"],
        env=web_environment(data, ports, urls),
        cwd=ROOT,
        stdout=logs["web"],
        stderr=subprocess.STDOUT,
    )
    try:
        for name, url in urls.items():
            _wait_ready(name, url, processes[name], data / f"{name}.log")
        urls["web"] = f"http://127.0.0.1:{ports.web}"
        _wait_ready("web", urls["web"], processes["web"], data / "web.log", probe="/healthz")
        yield urls
    finally:
        for process in processes.values():
            process.terminate()
        for process in processes.values():
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
        for log in logs.values():
            log.close()


def _command(service: str) -> str:
    """The service's console script, from the environment `uv run` put us in."""
    return str(Path(sys.executable).parent / f"tandem-{service}")


def web_environment(data: Path, ports: Ports, urls: dict[str, str]) -> dict[str, str]:
    """The web app: the services' public URLs, and the demo's local key, whose tokens the
    services verify (its sign-in page lists the demo programme's people)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("TANDEM_WEB_")}
    env |= {f"TANDEM_WEB_{name.upper()}_URL": url for name, url in urls.items()}
    env |= {
        "TANDEM_WEB_HTTP_PORT": str(ports.web),
        "TANDEM_WEB_AUTH__LOCAL_KEY_PATH": str(data / "keys" / "jwt-signing-key.pem"),
        "TANDEM_WEB_SESSION_DATABASE": str(data / "web" / "sessions.db"),
        "TANDEM_WEB_SESSION_KEY_FILE": str(data / "web" / "session.key"),
    }
    return env


def _wait_ready(
    name: str, url: str, process: subprocess.Popen[bytes], log: Path, probe: str = "/readyz"
) -> None:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{name} exited; see {log}:\n{log.read_text()[-3000:]}")
        try:
            if httpx2.get(f"{url}{probe}", timeout=2).status_code == 200:
                return
        except httpx2.HTTPError:
            pass
        time.sleep(0.5)
    raise RuntimeError(f"{name} did not become ready; see {log}")
