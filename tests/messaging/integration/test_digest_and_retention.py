"""The daily digest at each member's local hour, and the end of the retention period."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select, update

from tandem_kit.db.tables import mail_outbox_table
from tandem_kit.mail import MailRelay
from tandem_kit.runtime import Runtime
from tandem_kit.workers import PeriodicWorker
from tandem_messaging.adapters.tables import conversations, messages
from tandem_messaging.service.digests import send_due_digests
from tandem_messaging.service.retention import purge_expired
from tandem_messaging.service.scheduling import digest_job
from tests.kit.integration.harness import wait_until
from tests.messaging.conftest import World
from tests.messaging.harness import Harness
from tests.support.smtp import SmtpTestServer, smtp_test_server

# Ana lives in Madrid (UTC+1 in March): her 18:00 is 17:00 UTC.
BEFORE = datetime(2026, 3, 2, 16, 59, tzinfo=UTC)
AT_SIX = datetime(2026, 3, 2, 17, 5, tzinfo=UTC)


@pytest.fixture
async def smtp() -> AsyncIterator[SmtpTestServer]:
    async with smtp_test_server() as server:
        yield server


async def deliver_all(world: World, smtp: SmtpTestServer) -> None:
    relay = MailRelay(world.h.runtime.database, smtp.settings(), service="messaging")
    await relay.send_pending_once()


async def test_one_digest_per_day_at_the_members_local_hour(
    world: World, smtp: SmtpTestServer
) -> None:
    h, a = world.h, world.a
    mentee, mentor = h.as_person(world.mentee, a), h.as_person(world.mentor, a)
    await deliver_all(world, smtp)
    smtp.clear()
    await h.client.put(
        "/v1/me/notification-preferences",
        headers=mentee,
        json={"new_message": "daily_digest", "digest_hour": 18},
    )
    url = f"/v1/conversations/{world.conversation}/messages"
    for text in ("one", "two", "three"):
        await h.client.post(url, json={"body": f"confidential {text}"}, headers=mentor)

    assert await send_due_digests(h.ctx, BEFORE) == 0
    assert await send_due_digests(h.ctx, AT_SIX) == 1
    assert await send_due_digests(h.ctx, AT_SIX + timedelta(minutes=30)) == 0, "once a day"
    await deliver_all(world, smtp)
    [digest] = smtp.unique()
    assert digest["To"] == "ana@example.org"
    assert digest["Subject"] == "Tu día en Tandem: 3 mensajes sin leer"
    text = str(digest.get_body(("plain",)).get_content())  # type: ignore[union-attr]
    assert "- 3 mensajes sin leer en tu conversación con Max Mentor" in text
    assert "confidential" not in text

    next_day = AT_SIX + timedelta(days=1)
    assert await send_due_digests(h.ctx, next_day) == 1, "still unread: another digest"
    latest = (await h.client.get(url, headers=mentee)).json()["items"][0]
    await h.client.post(
        f"/v1/conversations/{world.conversation}/read",
        json={"up_to_message_id": latest["id"]},
        headers=mentee,
    )
    assert await send_due_digests(h.ctx, next_day + timedelta(days=1)) == 0, "all read"


async def test_the_digest_worker_uses_the_injected_clock(world: World) -> None:
    h, a = world.h, world.a
    await h.client.put(
        "/v1/me/notification-preferences",
        json={"new_message": "daily_digest", "digest_hour": 18},
        headers=h.as_person(world.mentee, a),
    )
    await h.client.post(
        f"/v1/conversations/{world.conversation}/messages",
        json={"body": "hi"},
        headers=h.as_person(world.mentor, a),
    )
    settings = h.settings.model_copy(update={"run_relay": True, "digest_interval_seconds": 0.05})
    runtime = Runtime(
        settings, h.runtime.database, h.runtime.kafka, h.runtime.verifier, clock=h.clock
    )
    h.clock.set(BEFORE)
    worker = digest_job(runtime)
    assert isinstance(worker, PeriodicWorker)
    running = asyncio.create_task(worker.run())
    await asyncio.sleep(0.3)
    assert await queued_digests(h) == 0, "not yet 18:00 in Madrid"
    h.clock.set(AT_SIX)

    async def sent() -> bool:
        return await queued_digests(h) == 1

    await wait_until(sent, timeout=5, interval=0.05)
    await asyncio.sleep(0.3)
    worker.stop()
    await running
    assert await queued_digests(h) == 1, "one per day, however often the worker runs"


async def queued_digests(h: Harness) -> int:
    async with h.runtime.database.sessions() as session:
        return len(
            (
                await session.execute(
                    select(mail_outbox_table.c.id).where(
                        mail_outbox_table.c.template == "message-digest"
                    )
                )
            ).all()
        )


async def test_content_is_deleted_when_the_programmes_retention_ends(world: World) -> None:
    h, a = world.h, world.a
    mentor, manager = h.as_person(world.mentor, a), h.as_person(a.manager, a)
    settings = await h.client.put(
        f"/v1/programmes/{a.id}/settings", headers=manager, json={"retention_days": 30}
    )
    assert settings.json()["retention_days"] == 30
    url = f"/v1/conversations/{world.conversation}/messages"
    await h.client.post(url, json={"body": "keep this for a month"}, headers=mentor)
    h.clock.set(datetime(2026, 6, 1, tzinfo=UTC))
    await h.deliver(a.ended(world.pair))
    assert (await h.client.get(url, headers=mentor)).status_code == 200

    assert await purge_expired(h.ctx, datetime(2026, 6, 30, tzinfo=UTC)) == 0
    h.clock.set(datetime(2026, 7, 2, tzinfo=UTC))
    assert (await h.client.get(url, headers=mentor)).status_code == 410, "past retention"
    assert await purge_expired(h.ctx, datetime(2026, 7, 2, tzinfo=UTC)) == 1
    gone = await h.client.get(url, headers=mentor)
    assert gone.status_code == 410
    assert gone.json()["code"] == "retention_expired"
    stats = await h.client.get(
        f"/v1/conversations/{world.conversation}/statistics", headers=manager
    )
    assert stats.json()["message_count"] == 1
    assert stats.json()["status"] == "purged"
    async with h.runtime.database.sessions() as session:
        row = (
            await session.execute(
                select(conversations).where(conversations.c.id == world.conversation)
            )
        ).one()
        assert row.wrapped_key_ciphertext is None
        bodies = (
            (
                await session.execute(
                    select(messages.c.body_ciphertext).where(
                        messages.c.conversation_id == world.conversation
                    )
                )
            )
            .scalars()
            .all()
        )
        assert bodies == [None]


async def test_sent_mails_are_deleted_after_their_retention(world: World) -> None:
    h = world.h
    now = datetime(2026, 6, 1, tzinfo=UTC)
    async with h.runtime.database.transaction() as session:
        ids = (await session.execute(select(mail_outbox_table.c.id))).scalars().all()
        assert len(ids) > 4
        old, recent = ids[:2], ids[2:4]
        await session.execute(
            update(mail_outbox_table)
            .where(mail_outbox_table.c.id.in_(old))
            .values(sent_at=now - timedelta(days=31))
        )
        await session.execute(
            update(mail_outbox_table)
            .where(mail_outbox_table.c.id.in_(recent))
            .values(sent_at=now - timedelta(days=29))
        )
    await purge_expired(h.ctx, now)
    async with h.runtime.database.sessions() as session:
        left = set((await session.execute(select(mail_outbox_table.c.id))).scalars().all())
    assert left == set(ids) - set(old), "only mails sent more than 30 days ago go"
