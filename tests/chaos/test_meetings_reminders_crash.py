"""Reminders exactly once in effect, with the real meetings process (``tandem-meetings
serve``: API, outbox relay, consumers, and the relay workers ``reminders`` and
``mail-relay``), a real SMTP server (aiosmtpd) and the real Kafka broker.

1. **A crash after SMTP acceptance.** When the first reminder reaches the SMTP server,
   the server stops the process (SIGSTOP) before it answers ``250``, answers, and the
   test kills the process (SIGKILL): the server has the mail, the process never marked
   it sent. Started again, the process sends it once more when its lease runs out.
2. **A restart of the whole service.** With reminders still pending (due later), the
   process is stopped (SIGTERM) and started again: they go once, after the restart.

What "exactly once in effect" means here: SMTP is at least once (the kit's relay, see
``tandem_kit.mail.relay``, re-sends a mail accepted but not yet marked, and nothing can
unsend a mail the server took), so the crashed reminder arrives twice, both copies with
the same ``Message-ID`` (and ``Date`` and text): a receiver that de-duplicates by
``Message-ID`` shows it once. The test asserts exactly that: every due reminder
arrived, the set of distinct ``Message-ID`` s is exactly the set of due reminders, the
crashed one came twice as the same message and every other one once; no reminder was
lost, doubled under another id, or dropped.

Times are the wall clock's (the process has no test clock, and gets no backdoor): a
meeting a little over two minutes ahead and a programme policy of reminders 2 and 1
minutes before it, so the first two are due some 20 seconds after scheduling and the
other two a minute later (the crash and restart take some 20 seconds of it).
"""

from __future__ import annotations

import asyncio
import os
import signal
import sys
import uuid
from collections import Counter
from collections.abc import AsyncIterator, Awaitable, Callable
from datetime import UTC, date, datetime, timedelta
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import httpx2
import pytest
from aiokafka import TopicPartition
from sqlalchemy import select
from sqlalchemy.ext.asyncio import create_async_engine

from tandem_contracts.common import Contact, MentoringFormat, Role
from tandem_contracts.contacts import ParticipantContact
from tandem_contracts.matching import Member, ProgrammeCreated, RelationshipStarted
from tandem_kit.kafka.groups import start_group_at_end
from tandem_kit.kafka.provision import default_topics, provision_topics
from tandem_kit.mail import message_id_for
from tandem_kit.testing import bearer, isolated_settings, run_app
from tandem_meetings.adapters.tables import reminder_jobs as jobs
from tandem_meetings.domain.reminders import Reminder, ReminderState, idempotency_key
from tandem_meetings.main import DEFINITION, create_app
from tandem_meetings.settings import MeetingsSettings
from tests.conftest import UrlFactory
from tests.support.smtp import SmtpTestServer, free_port, smtp_test_server

pytestmark = [pytest.mark.kafka, pytest.mark.slow, pytest.mark.timeout(900)]

OFFSETS = (2, 1)  # minutes before the start
LEASE_SECONDS = 5  # the mail relay's and the reminders worker's, so a crash heals soon
PLAN: dict[str, Any] = {
    "activities": [
        {
            "key": "kick_off",
            "name": "Kick-off",
            "mode": "online",
            "duration_minutes": 60,
            "window": {"anchor": "start", "from_day": 0, "to_day": 21},
        }
    ],
    "policy": {"min_notice_hours": 0, "reminder_offsets_minutes": list(OFFSETS)},
}


class MeetingsProcess:
    """``tandem-meetings serve`` on its own port, files and consumer group; started and
    stopped (gracefully or not) as often as the test needs, on the same data."""

    def __init__(self, tmp: Path, settings: MeetingsSettings, smtp: SmtpTestServer, kafka: str):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = tmp / "meetings.log"
        self.process: asyncio.subprocess.Process | None = None
        prefix = "TANDEM_MEETINGS_"
        self.group = f"tandem.chaos-{uuid.uuid4().hex[:12]}"
        self.env = {k: v for k, v in os.environ.items() if not k.startswith(prefix)}
        self.env.update(
            {
                f"{prefix}{name}": str(value)
                for name, value in {
                    "ENVIRONMENT": "test",
                    "HTTP_PORT": self.port,
                    "DATABASE_URL": settings.database_url,
                    "MASTER_KEY_FILE": settings.master_key_file,
                    "AUTH__LOCAL_KEY_PATH": settings.auth.local_key_path,
                    "KAFKA_BOOTSTRAP_SERVERS": kafka,
                    "KAFKA_CONSUMER_GROUP": self.group,
                    "SMTP__HOST": smtp.host,
                    "SMTP__PORT": smtp.port,
                    "MAIL_POLL_INTERVAL_SECONDS": 0.2,
                    "MAIL_LEASE_SECONDS": LEASE_SECONDS,
                    "REMINDER_INTERVAL_SECONDS": 0.5,
                    "REMINDER_LEASE_SECONDS": LEASE_SECONDS,
                    "CALENDAR_FEEDS_ENABLED": "false",
                }.items()
            }
        )

    @property
    def pid(self) -> int:
        assert self.process is not None
        return self.process.pid

    async def start(self) -> None:
        command = str(Path(sys.executable).parent / "tandem-meetings")
        with self.log.open("ab") as log:
            self.process = await asyncio.create_subprocess_exec(
                command, "serve", env=self.env, stdout=log, stderr=asyncio.subprocess.STDOUT
            )
        async with httpx2.AsyncClient(timeout=2) as client:

            async def ready() -> bool:
                assert self.process is not None
                if self.process.returncode is not None:
                    raise AssertionError(f"meetings exited:\n{self.log.read_text()[-3000:]}")
                try:
                    return (await client.get(f"{self.url}/readyz")).status_code == 200
                except httpx2.HTTPError:
                    return False

            await until(ready, 180, "the meetings process did not become ready")

    async def join_at_the_end(self, bootstrap: str) -> None:
        """Commit the process's consumer group at the end of every topic it consumes, as
        if it had been running all along: ``seed`` delivered what it needs, and a fresh
        group would otherwise read the shared broker's whole history (every relationship
        the suite started), whose proposal mails would queue ahead of the reminders."""
        partitions = [
            TopicPartition(spec.name, p)
            for spec in default_topics()
            if spec.name in DEFINITION.consumes
            for p in range(spec.partitions)
        ]
        assert {tp.topic for tp in partitions} == set(DEFINITION.consumes)
        await provision_topics(bootstrap, default_topics())  # as `serve` does
        await start_group_at_end(bootstrap, self.group, partitions)

    async def kill(self) -> None:
        """SIGKILL: no shutdown, no release of anything it holds."""
        os.kill(self.pid, signal.SIGKILL)
        await self._exit()

    async def terminate(self) -> None:
        """SIGTERM: the graceful shutdown an operator's restart does (uvicorn finishes the
        lifespan, then ends by the signal it was sent, so the status is -SIGTERM)."""
        assert self.process is not None
        self.process.terminate()
        code = await self._exit()
        assert code in (0, -signal.SIGTERM), code
        last = self.log.read_text().rsplit("Waiting for application startup.", 1)[-1]
        assert "Application shutdown complete." in last, "the shutdown was not graceful"

    async def _exit(self) -> int:
        assert self.process is not None
        async with asyncio.timeout(60):
            code = await self.process.wait()
        self.process = None
        return code


async def until(check: Callable[[], Awaitable[bool]], within: float, failure: str) -> None:
    """Poll ``check`` until it holds (``within`` seconds at most: a safety net, not a
    measurement)."""
    deadline = asyncio.get_running_loop().time() + within
    while not await check():
        if asyncio.get_running_loop().time() > deadline:
            raise AssertionError(f"{failure} within {within}s")
        await asyncio.sleep(0.25)


async def reminder_rows(settings: MeetingsSettings) -> list[tuple[str, int, str]]:
    """(participant, offset, state) of every reminder row, read from the process's database."""
    engine = create_async_engine(settings.database_url)
    try:
        async with engine.connect() as connection:
            rows = await connection.execute(
                select(jobs.c.participant_id, jobs.c.offset_minutes, jobs.c.state)
            )
            return sorted((str(p), int(o), str(s)) for p, o, s in rows)
    finally:
        await engine.dispose()


def reminders(smtp: SmtpTestServer) -> list[EmailMessage]:
    return [m for m in smtp.messages if str(m["Subject"]).startswith("Reminder:")]


def plain(message: EmailMessage) -> str:
    body = message.get_body(("plain",))
    assert body is not None
    return str(body.get_content())


@pytest.fixture
async def smtp() -> AsyncIterator[SmtpTestServer]:
    async with smtp_test_server() as server:
        yield server


async def seed(
    settings: MeetingsSettings, programme: uuid.UUID, relationship: uuid.UUID, people: list[Member]
) -> None:
    """What matching and the contacts topic would have told meetings, through meetings'
    own consumer path (inbox + handler), and the manager's policy, on the data files the
    process then runs on."""
    async with run_app(create_app(settings), settings, definition=DEFINITION) as app:
        manager = Contact(
            subject="maria",
            display_name="Maria",
            email="maria@example.org",
            time_zone="Europe/Berlin",
        )
        await app.deliver(
            ProgrammeCreated(
                programme_id=programme,
                organisation_id=uuid.uuid4(),
                name="Chaos 2026",
                countries=["PT"],
                languages=["en"],
                starts_on=date(2026, 1, 1),
                ends_on=date(2027, 12, 31),
                formats=[MentoringFormat.PAIR],
                managers=[manager],
                time_zone="Europe/Lisbon",
            )
        )
        for member in people:
            contact = Contact(
                time_zone="Europe/Lisbon",
                subject=member.subject,
                display_name=member.subject.title(),
                email=f"{member.subject}@example.org",
            )
            await app.deliver(
                ParticipantContact(
                    programme_id=programme,
                    participant_id=member.participant_id,
                    role=member.role,
                    contact=contact,
                )
            )
        put = await app.client.put(
            f"/v1/programmes/{programme}/plan",
            json=PLAN,
            headers=app.bearer("maria", manager=[programme]),
        )
        assert put.status_code == 200, put.text
        await app.deliver(
            RelationshipStarted(
                programme_id=programme,
                relationship_id=relationship,
                format=MentoringFormat.PAIR,
                members=people,
                starts_on=date(2026, 1, 1),
                agreed_end_date=date(2027, 12, 31),
            )
        )


async def test_reminders_go_once_in_effect_across_a_crash_after_acceptance_and_a_restart(
    tmp_path: Path, smtp: SmtpTestServer, kafka_bootstrap: str, url_factory: UrlFactory
) -> None:
    """On SQLite and on PostgreSQL (where the relay and the reminders worker claim with
    FOR UPDATE SKIP LOCKED)."""
    settings = isolated_settings(
        MeetingsSettings, tmp_path, database_url=await url_factory("meetings")
    )
    programme, relationship = uuid.uuid4(), uuid.uuid4()
    mentor = Member(participant_id=uuid.uuid4(), subject="max", role=Role.MENTOR)
    mentee = Member(participant_id=uuid.uuid4(), subject="ana", role=Role.MENTEE)
    await seed(settings, programme, relationship, [mentor, mentee])
    service = MeetingsProcess(tmp_path, settings, smtp, kafka_bootstrap)
    await service.join_at_the_end(kafka_bootstrap)

    # The SMTP server takes the first reminder, then stops the process before the 250.
    stopped = asyncio.Event()
    crashed: list[str] = []

    def stop_on_first_reminder(message: EmailMessage) -> None:
        if not crashed and str(message["Subject"]).startswith("Reminder:"):
            crashed.append(str(message["Message-ID"]))
            os.kill(service.pid, signal.SIGSTOP)  # frozen: it cannot mark the mail sent
            stopped.set()

    smtp.on_accept = stop_on_first_reminder
    await service.start()
    try:
        async with httpx2.AsyncClient(base_url=service.url, timeout=30) as client:
            starts_at = (datetime.now(UTC) + timedelta(minutes=OFFSETS[0], seconds=20)).replace(
                microsecond=0
            )
            made = await client.post(
                f"/v1/relationships/{relationship}/meetings",
                json={"mode": "online", "starts_at": starts_at.isoformat(), "duration_minutes": 60},
                headers=bearer(settings.auth, "max", mentor=[programme]),
            )
            assert made.status_code == 201, made.text
            meeting = uuid.UUID(made.json()["id"])
        # Each reminder's Message-ID follows from its meeting, member, offset and SEQUENCE.
        due = {
            (who.participant_id, offset): message_id_for(
                idempotency_key(
                    Reminder(
                        id=uuid.uuid4(),  # the row's own id is not part of the key
                        meeting_id=meeting,
                        participant_id=who.participant_id,
                        offset_minutes=offset,
                        sequence=0,
                        due_at=starts_at - timedelta(minutes=offset),
                        state=ReminderState.PENDING,
                    )
                )
            )
            for who in (mentor, mentee)
            for offset in OFFSETS
        }
        first = {mid for (_, offset), mid in due.items() if offset == OFFSETS[0]}

        # 1. The crash: the server has the mail; the process dies before marking it sent.
        async with asyncio.timeout(120):
            await stopped.wait()
        await asyncio.sleep(0.2)  # the 250 goes out to the frozen process meanwhile
        await service.kill()
        [crashed_id] = crashed
        assert crashed_id in first
        await service.start()

        async def first_ones_arrived() -> bool:
            return {str(m["Message-ID"]) for m in reminders(smtp)} >= first

        await until(first_ones_arrived, 120, "the first reminders did not all arrive")

        # 2. A restart of the whole service while the later reminders are still pending.
        pending = [r for r in await reminder_rows(settings) if r[2] == ReminderState.PENDING.value]
        assert sorted((p, o) for p, o, _ in pending) == sorted(
            (str(who.participant_id), OFFSETS[1]) for who in (mentor, mentee)
        ), "the later reminders should still be ahead when the service restarts"
        await service.terminate()
        await service.start()

        async def all_arrived() -> bool:
            return {str(m["Message-ID"]) for m in reminders(smtp)} >= set(due.values())

        await until(all_arrived, 300, "the later reminders did not arrive after the restart")
        await service.terminate()
    finally:
        if service.process is not None:
            await service.kill()

    received = reminders(smtp)
    counts = Counter(str(m["Message-ID"]) for m in received)
    # Exactly the due reminders, each under its own deterministic Message-ID …
    assert set(counts) == set(due.values())
    # … the crashed one twice (SMTP's at least once), as the same message; the rest once.
    assert counts == {mid: 2 if mid == crashed_id else 1 for mid in due.values()}
    copies = [m for m in received if str(m["Message-ID"]) == crashed_id]
    assert copies[0]["Date"] == copies[1]["Date"]
    assert copies[0]["To"] == copies[1]["To"]
    assert plain(copies[0]) == plain(copies[1])
    # Every reminder row was queued once (sent), none dropped or left behind.
    assert await reminder_rows(settings) == sorted(
        (str(who.participant_id), offset, ReminderState.SENT.value)
        for who in (mentor, mentee)
        for offset in OFFSETS
    )
