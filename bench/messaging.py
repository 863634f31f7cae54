"""Messages posted per second over HTTP: the service as shipped vs. a bare write path.

    uv run python bench/messaging.py [--rounds 5] [--duration 4] [--concurrency 4]
                                     [--database sqlite|postgres]

Both variants are the same messaging app, driven the same way (httpx against
the ASGI app in-process, ``POST /v1/conversations/{id}/messages`` with a bearer
token, ``concurrency`` clients in a closed loop, each in its own relationship's
conversation, its two members taking turns), each on its own fresh
database, alternating every round (the order flips each round); medians are
compared:

- ``on``: the service as shipped — the body sealed with AES-256-GCM under the
  conversation's data key (unwrapped by the master key), ``message.posted``
  written to the outbox and the other member's notification mail to the mail
  outbox, all in the message's transaction.
- ``baseline``: the same endpoint and use case writing the same message row,
  but the body stored as plain bytes, no event and no mail. It exists only here:
  the bench builds that app with a ``MessagePoster`` subclass that skips sealing
  and announcing (``poster=``, passed in code to ``create_app``; no setting selects it).

The outbox and mail relays are off on both sides (no Kafka or SMTP needed): the
cost measured is the write path's. Prints both rates and the ratio (target: the
service keeps at least 70% of the baseline) and checks that each variant wrote
what it claims.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import httpx2
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from tandem_kit.crypto import Sealed
from tandem_kit.db.tables import mail_outbox_table, outbox_table
from tandem_kit.runtime import Runtime
from tandem_messaging.adapters.tables import messages
from tandem_messaging.domain.conversations import Conversation, Member
from tandem_messaging.domain.messages import StoredMessage
from tandem_messaging.service.messages import MessagePoster
from tandem_messaging.settings import MessagingSettings
from tests.messaging.harness import Harness, Person, Programme, running, settings_for
from tests.support.infra import (
    create_postgres_database,
    drop_postgres_database,
    ensure_postgres,
)

BODY = ("Thanks for today! Here is what I will prepare before our next meeting: " * 4).strip()


class BaselinePoster(MessagePoster):
    """The same write path without encryption, event or mail (bench only)."""

    def seal(self, conversation: Conversation, message_id: uuid.UUID, body: str) -> Sealed:
        return Sealed(b"", body.encode())

    async def announce(
        self,
        session: AsyncSession,
        conversation: Conversation,
        sender: Member,
        message: StoredMessage,
    ) -> str | None:
        return None


@dataclass
class Pair:
    """One relationship's conversation and its two members' tokens."""

    url: str
    headers: tuple[dict[str, str], dict[str, str]]


@dataclass
class Target:
    name: str
    client: httpx2.AsyncClient
    pairs: list[Pair]
    runtime: Runtime[MessagingSettings]


@asynccontextmanager
async def serve(name: str, database_url: str, workdir: Path, pairs: int) -> AsyncIterator[Target]:
    settings = settings_for(workdir, database_url)
    async with running(settings, BaselinePoster if name == "baseline" else MessagePoster) as h:
        assert not h.app.dependency_overrides, "overrides would slow every request"
        people = [Person(f"mentor{i}", f"Mentor {i}", "mentor", "de") for i in range(pairs)]
        people += [Person(f"mentee{i}", f"Mentee {i}", "mentee", "es") for i in range(pairs)]
        programme = Programme(manager=Person("mia", "Mia", "manager"), people=people)
        await h.deliver(programme.created())
        for person in programme.people:
            await h.deliver(programme.contact(person))
        target = Target(name, h.client, [], h.runtime)
        for mentor, mentee in zip(people[:pairs], people[pairs:], strict=True):
            await h.deliver(programme.started(uuid.uuid4(), mentor, mentee))
            target.pairs.append(
                Pair(
                    f"/v1/conversations/{await _conversation(h, programme, mentor)}/messages",
                    (_bearer(h, programme, mentor), _bearer(h, programme, mentee)),
                )
            )
        yield target


def _bearer(h: Harness, programme: Programme, person: Person) -> dict[str, str]:
    roles = {"mentor" if person.role == "mentor" else "mentee": [str(programme.id)]}
    return h.auth(person.subject, **roles)


async def _conversation(h: Harness, programme: Programme, person: Person) -> str:
    listed = await h.client.get("/v1/conversations", headers=h.as_person(person, programme))
    conversation_id: str = listed.json()["items"][0]["id"]
    return conversation_id


async def measure(target: Target, seconds: float) -> float:
    """Each client posts to its own conversation, the two members taking turns."""
    done = 0
    stop_at = time.perf_counter() + seconds

    async def client(pair: Pair) -> None:
        nonlocal done
        turn = 0
        while time.perf_counter() < stop_at:
            turn += 1
            response = await target.client.post(
                pair.url, json={"body": BODY}, headers=pair.headers[turn % 2]
            )
            if response.status_code != 201:
                raise RuntimeError(f"{target.name}: {response.status_code} {response.text}")
            done += 1

    started = time.perf_counter()
    await asyncio.gather(*(client(pair) for pair in target.pairs))
    return done / (time.perf_counter() - started)


async def written(target: Target) -> tuple[int, int, int, bool]:
    async with target.runtime.database.sessions() as session:
        count = await session.scalar(select(func.count()).select_from(messages))
        events = await session.scalar(select(func.count()).select_from(outbox_table))
        mails = await session.scalar(
            select(func.count())
            .select_from(mail_outbox_table)
            .where(mail_outbox_table.c.template == "message-new")
        )
        sample = await session.scalar(select(messages.c.body_ciphertext).limit(1))
    return int(count or 0), int(events or 0), int(mails or 0), BODY.encode() == sample


async def main(rounds: int, duration: float, concurrency: int, database: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        urls, admin = {}, ""
        for name in ("on", "baseline"):
            if database == "postgres":
                admin = ensure_postgres()
                urls[name] = await create_postgres_database(admin)
            else:
                urls[name] = f"sqlite+aiosqlite:///{Path(tmp) / name}.db"
            (Path(tmp) / name).mkdir()
        try:
            async with (
                serve("on", urls["on"], Path(tmp) / "on", concurrency) as on,
                serve("baseline", urls["baseline"], Path(tmp) / "baseline", concurrency) as base,
            ):
                rates: dict[str, list[float]] = {"on": [], "baseline": []}
                for target in (on, base):  # warm-up: caches, connections, JIT-free but lazy
                    await measure(target, 1.0)
                for round_ in range(rounds):
                    order = (on, base) if round_ % 2 == 0 else (base, on)
                    for target in order:
                        rates[target.name].append(await measure(target, duration))
                    print(
                        f"round {round_ + 1}: on {rates['on'][-1]:7.0f}/s   "
                        f"baseline {rates['baseline'][-1]:7.0f}/s"
                    )
                on_rows, base_rows = await written(on), await written(base)
        finally:
            if database == "postgres":
                for url in urls.values():
                    await drop_postgres_database(admin, url)
    assert on_rows[1] == on_rows[0]
    assert on_rows[2] == on_rows[0]
    assert not on_rows[3], on_rows
    assert base_rows[1] == 0
    assert base_rows[2] == 0
    assert base_rows[3], base_rows
    on_rate, base_rate = statistics.median(rates["on"]), statistics.median(rates["baseline"])
    print(
        f"\nmessages posted per second over HTTP ({database}, {concurrency} clients, "
        f"median of {rounds} rounds of {duration:.0f}s):"
    )
    print(f"  baseline (no encryption, no outbox, no mail): {base_rate:8.0f}/s")
    print(f"  service as shipped (AES-GCM + outbox + mail): {on_rate:8.0f}/s")
    print(f"  ratio: {on_rate / base_rate:.0%} (target >= 70%)")
    print(
        f"  rows written: on {on_rows[0]} messages / {on_rows[1]} events / {on_rows[2]} mails;"
        f" baseline {base_rows[0]} messages / {base_rows[1]} events / {base_rows[2]} mails"
    )


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--duration", type=float, default=4.0)
    parser.add_argument(
        "--concurrency", type=int, default=4, help="clients, each posting to its own conversation"
    )
    parser.add_argument("--database", choices=["sqlite", "postgres"], default="sqlite")
    arguments = parser.parse_args()
    asyncio.run(
        main(arguments.rounds, arguments.duration, arguments.concurrency, arguments.database)
    )
