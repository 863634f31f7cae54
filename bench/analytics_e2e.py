"""``bench/analytics.py --part e2e``: a message posted over HTTP until analytics counts it.

Messaging runs in this process as the message-flow tests run it (``tests/messaging``'s
harness and world: a programme, its pairs and their conversations, on SQLite), with its
outbox relay on and the real broker. Analytics runs in a child process with its own
consumer (a fresh group started at the topics' ends, so earlier runs' events are not
read), and polls its read model (``rm_messages``: a message is counted there, in the inbox
transaction) every ``POLL_S``, printing each newly counted message id with the wall-clock
time it saw it. The parent posts ``--rate`` messages a second for ``--seconds`` (the
mentor and the mentee of two pairs in turn), after ``WARM_UP`` untimed messages that
wait for the consumer's group join, and takes for each message the time from just before
its POST to analytics counting it (both clocks are this machine's ``time.time()``).
"""

from __future__ import annotations

import asyncio
import json
import os
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import select

from tandem_analytics.adapters.tables import rm_messages
from tandem_analytics.main import DEFINITION as ANALYTICS
from tandem_analytics.main import create_app as analytics_app
from tandem_analytics.settings import AnalyticsSettings
from tandem_kit.testing import isolated_settings, run_app

POLL_S = 0.01
WARM_UP = 10
LATE_S = 60.0  # what is not counted this long after the last post is reported missing
CHILD = Path(__file__).resolve().parent / "analytics.py"


async def analytics_child(job_json: str) -> None:
    """Consume, and print ``<message id> <time seen>`` for each message counted."""
    job = json.loads(job_json)
    settings = isolated_settings(
        AnalyticsSettings,
        Path(job["folder"]),
        kafka_bootstrap_servers=job["bootstrap"],
        kafka_consumer_group=job["group"],
        run_consumers=True,
    )
    seen: set[uuid.UUID] = set()
    async with run_app(analytics_app(settings), settings) as running:
        print("ready", flush=True)
        while len(seen) < job["expect"]:
            async with running.runtime.database.transaction() as session:
                ids = set(await session.scalars(select(rm_messages.c.message_id)))
            now = time.time()
            for new in ids - seen:
                print(f"{new} {now}", flush=True)
            seen |= ids
            await asyncio.sleep(POLL_S)


async def _until(done: Callable[[], bool], seconds: float) -> bool:
    """Whether ``done()`` came true within ``seconds``."""
    deadline = time.time() + seconds
    while time.time() < deadline:
        if done():
            return True
        await asyncio.sleep(0.1)
    return done()


async def e2e_figures(bootstrap: str, rate: float, seconds: float) -> dict[str, Any]:
    from tests.messaging.conftest import build_world
    from tests.messaging.harness import running, settings_for
    from tests.support.groups import start_group_at_the_end

    total = round(rate * seconds)
    group = f"tandem.bench-analytics-e2e-{uuid.uuid4().hex[:8]}"
    for topic in ANALYTICS.consumes:
        await start_group_at_the_end(bootstrap, group, topic)
    counted: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as folder:
        job = {
            "folder": folder,
            "bootstrap": bootstrap,
            "group": group,
            "expect": WARM_UP + total,
        }
        child = await asyncio.create_subprocess_exec(
            sys.executable,
            str(CHILD),
            "--part",
            "e2e-child",
            "--job",
            json.dumps(job),
            stdout=asyncio.subprocess.PIPE,
            env=os.environ.copy(),
        )
        assert child.stdout is not None
        assert (await child.stdout.readline()).strip() == b"ready"

        async def read() -> None:
            assert child.stdout is not None
            async for line in child.stdout:
                message, at = line.decode().split()
                counted[message] = float(at)

        reader = asyncio.create_task(read())
        with tempfile.TemporaryDirectory() as messaging_folder:
            settings = settings_for(
                Path(messaging_folder), kafka_bootstrap_servers=bootstrap, run_relay=True
            )
            async with running(settings) as h:
                world = await build_world(h)
                senders = [
                    (world.conversation, h.as_person(world.mentor, world.a)),
                    (world.conversation, h.as_person(world.mentee, world.a)),
                    (world.other_conversation, h.as_person(world.a.people[2], world.a)),
                    (world.other_conversation, h.as_person(world.a.people[3], world.a)),
                ]

                async def post(n: int) -> tuple[str, float]:
                    conversation, headers = senders[n % len(senders)]
                    sent = time.time()
                    response = await h.client.post(
                        f"/v1/conversations/{conversation}/messages",
                        json={"body": f"Message {n} of the bench."},
                        headers=headers,
                    )
                    if response.status_code != 201:  # counted as failed, not timed
                        return f"failed: {response.status_code}", sent
                    return str(response.json()["id"]), sent

                warm = [await post(n) for n in range(WARM_UP)]
                joined = time.time() + LATE_S
                while not all(m in counted for m, _ in warm):
                    if time.time() > joined or child.returncode is not None:
                        raise RuntimeError("analytics never counted the warm-up messages")
                    await asyncio.sleep(0.1)
                began = time.perf_counter()
                tasks = []
                for n in range(total):
                    # the n-th post at its slot of the schedule, whatever the last one took
                    await asyncio.sleep(max(0.0, began + n / rate - time.perf_counter()))
                    tasks.append(asyncio.create_task(post(WARM_UP + n)))
                answered = await asyncio.gather(*tasks)
                posted = [(m, sent) for m, sent in answered if not m.startswith("failed")]
                posting_s = time.perf_counter() - began
                everything = await _until(lambda: all(m in counted for m, _ in posted), LATE_S)
        if child.returncode is None and not everything:
            child.terminate()  # our own child, by its id: it waits for messages never counted
        await child.wait()
        reader.cancel()
    latencies = sorted((counted[m] - sent) * 1000 for m, sent in posted if m in counted)
    return {
        "rate": rate,
        "messages": total,
        "posting_s": posting_s,
        "failed": total - len(posted),
        "counted": len(latencies),
        "latencies_ms": latencies,
    }
