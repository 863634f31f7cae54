"""Managers hear about agreements waiting for them in one digest per period, not one mail
per relationship (a match run starting 33 relationships used to mean 33 mails in seconds).
"""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from email.message import EmailMessage
from pathlib import Path

import pytest

from tandem_kit.mail import MailRelay
from tandem_messaging.service.digests import send_manager_digests
from tests.messaging.harness import Harness, Person, Programme, running, seed, settings_for
from tests.support.smtp import SmtpTestServer, smtp_test_server

NOON = datetime(2026, 3, 2, 12, 20, tzinfo=UTC)  # inside the period 12:00-13:00 UTC
NEXT_PERIOD = datetime(2026, 3, 2, 13, 1, tzinfo=UTC)
PAIRS = 33


@pytest.fixture
async def smtp() -> AsyncIterator[SmtpTestServer]:
    async with smtp_test_server() as server:
        yield server


@pytest.fixture
async def h(tmp_path: Path) -> AsyncIterator[Harness]:
    async with running(settings_for(tmp_path)) as harness:
        harness.clock.set(NOON)
        yield harness


def text_of(message: EmailMessage) -> str:
    part = message.get_body(("plain",))
    assert part is not None
    return str(part.get_content()).replace("\r\n", "\n")


async def programme_with_pairs(h: Harness, pairs: int, manager: str = "mia") -> Programme:
    people = []
    for n in range(pairs):
        people += [
            Person(f"mentor-{n}", f"Mentor Nr{n}", "mentor"),
            Person(f"mentee-{n}", f"Mentee Nr{n}", "mentee"),
        ]
    programme = Programme(
        manager=Person(manager, f"{manager.title()} Manager", "manager"), people=people
    )
    await seed(h, programme)
    return programme


async def start_pairs(h: Harness, programme: Programme) -> list[uuid.UUID]:
    started = []
    for mentor, mentee in zip(programme.people[::2], programme.people[1::2], strict=True):
        relationship = uuid.uuid4()
        await h.deliver(programme.started(relationship, mentor, mentee))
        started.append(relationship)
    return started


async def send_all(h: Harness, smtp: SmtpTestServer) -> list[EmailMessage]:
    await MailRelay(h.runtime.database, smtp.settings(), service="messaging").send_pending_once()
    return smtp.unique()


async def test_33_agreements_pending_are_one_manager_mail_naming_33(
    h: Harness, smtp: SmtpTestServer
) -> None:
    programme = await programme_with_pairs(h, PAIRS)
    relationships = await start_pairs(h, programme)
    mails = await send_all(h, smtp)
    assert [m for m in mails if m["To"] == "mia@example.org"] == [], (
        "nothing before the period ends"
    )
    assert len([m for m in mails if "communication agreement" in str(m["Subject"])]) == 2 * PAIRS

    assert await send_manager_digests(h.ctx, NOON + timedelta(minutes=30)) == 0
    assert await send_manager_digests(h.ctx, NEXT_PERIOD) == 1
    assert await send_manager_digests(h.ctx, NEXT_PERIOD + timedelta(minutes=30)) == 0
    [digest] = [m for m in await send_all(h, smtp) if m["To"] == "mia@example.org"]
    assert digest["Subject"] == f"Communication agreements waiting for your acceptance: {PAIRS}"
    text = text_of(digest)
    for n, relationship in enumerate(relationships):
        assert f"- Mentee Nr{n}, Mentor Nr{n} (Women in Tech 2026, version 1): " in text
        assert f"https://tandem.test/relationships/{relationship}/agreement" in text
    assert text.count("/agreement\n") == PAIRS


async def test_the_digest_leaves_out_what_a_manager_accepted_and_keeps_later_ones_for_the_next(
    h: Harness, smtp: SmtpTestServer
) -> None:
    programme = await programme_with_pairs(h, 3)
    first, second, third = await start_pairs(h, programme)
    manager = h.as_person(programme.manager, programme)
    accepted = await h.client.post(
        f"/v1/relationships/{first}/agreement/acceptances", json={"version": 1}, headers=manager
    )
    assert accepted.status_code == 200, accepted.text
    # Another programme's relationship starts in the next period: the next digest's.
    h.clock.set(NEXT_PERIOD)
    later = await programme_with_pairs(h, 1, manager="mia")
    [fourth] = await start_pairs(h, later)

    assert await send_manager_digests(h.ctx, NEXT_PERIOD) == 1
    [digest] = [m for m in await send_all(h, smtp) if m["To"] == "mia@example.org"]
    text = text_of(digest)
    assert str(first) not in text
    assert str(second) in text
    assert str(third) in text
    assert str(fourth) not in text
    assert digest["Subject"].endswith(": 2")

    smtp.clear()
    assert await send_manager_digests(h.ctx, NEXT_PERIOD + timedelta(minutes=58)) == 0
    assert await send_manager_digests(h.ctx, NEXT_PERIOD + timedelta(hours=1)) == 1
    [digest] = [m for m in await send_all(h, smtp) if m["To"] == "mia@example.org"]
    assert str(fourth) in text_of(digest)
    assert str(second) not in text_of(digest), "each waiting agreement is digested once"


async def test_two_workers_at_once_queue_one_digest(h: Harness, smtp: SmtpTestServer) -> None:
    programme = await programme_with_pairs(h, 4)
    await start_pairs(h, programme)
    results = await asyncio.gather(
        send_manager_digests(h.ctx, NEXT_PERIOD), send_manager_digests(h.ctx, NEXT_PERIOD)
    )
    assert sorted(results) == [0, 1]
    assert len([m for m in await send_all(h, smtp) if m["To"] == "mia@example.org"]) == 1


async def test_a_manager_who_chose_immediate_gets_one_mail_per_agreement(
    h: Harness, smtp: SmtpTestServer
) -> None:
    programme = await programme_with_pairs(h, 2)
    manager = h.as_person(programme.manager, programme)
    url = "/v1/me/notification-preferences"
    assert (await h.client.get(url, headers=manager)).json()["manager_mail"] == "digest"
    chosen = {"new_message": "immediate", "digest_hour": 18, "manager_mail": "immediate"}
    assert (await h.client.put(url, json=chosen, headers=manager)).status_code == 200
    assert (await h.client.get(url, headers=manager)).json() == chosen
    await start_pairs(h, programme)
    to_manager = [m for m in await send_all(h, smtp) if m["To"] == "mia@example.org"]
    assert len(to_manager) == 2
    assert all("communication agreement (version 1)" in str(m["Subject"]) for m in to_manager)
    assert await send_manager_digests(h.ctx, NEXT_PERIOD) == 0
