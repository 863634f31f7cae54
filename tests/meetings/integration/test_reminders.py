"""Reminders: planned with the meeting (24 h and 1 h, each member), sent by the worker
through the kit's mail outbox to a real SMTP server in the recipient's language and zone,
moved by a reschedule, removed by a cancel, dropped when they would arrive too late, and
queued once however often a round runs."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import timedelta
from pathlib import Path
from uuid import UUID

import pytest

from tandem_kit.mail import MailRelay, message_id_for
from tandem_meetings.adapters.reminders import REMINDERS_DROPPED
from tandem_meetings.domain.reminders import ReminderState, idempotency_key
from tandem_meetings.service.context import Context
from tandem_meetings.service.reminders import reminders_of, send_due_reminders
from tests.meetings.integration.meetings_world import START, World, open_world
from tests.support.smtp import SmtpTestServer, smtp_test_server


@pytest.fixture
async def smtp() -> AsyncIterator[SmtpTestServer]:
    async with smtp_test_server() as server:
        yield server


@pytest.fixture
async def world(tmp_path: Path) -> AsyncIterator[World]:
    async with open_world(tmp_path) as world:
        yield world


def _ctx(world: World) -> Context:
    return Context.of(world.app.runtime)


async def _tick(world: World) -> int:
    return await send_due_reminders(_ctx(world), world.clock(), owner="test-worker")


async def _deliver(world: World, smtp: SmtpTestServer) -> int:
    """Deliver the outbox; how many of the arrived mails are reminders (invitations and
    updates go through the same outbox and are not counted)."""
    relay = MailRelay(world.app.runtime.database, smtp.settings(), service="meetings")
    await relay.send_pending_once()
    return len(_reminders_received(smtp))


def _reminders_received(smtp: SmtpTestServer) -> list[object]:
    return [m for m in smtp.messages if "reminder" in str(m["Subject"]).lower()]


async def test_schedule_plans_two_reminders_per_member_and_sends_each_once(
    world: World, smtp: SmtpTestServer
) -> None:
    created = await world.schedule(world.mentor, starts_at="2026-03-09T16:00:00Z")
    assert created.status_code == 201, created.text
    meeting = UUID(created.json()["id"])
    planned = await reminders_of(_ctx(world), meeting)
    assert sorted((r.participant_id, r.offset_minutes) for r in planned) == sorted(
        (p.participant_id, o) for p in (world.mentor, world.mentee) for o in (1440, 60)
    )
    assert await _tick(world) == 0  # nothing due a week ahead
    world.clock.set(START.replace(day=8, hour=16, minute=1))  # 24 h before, and a minute
    assert await _tick(world) == 2
    assert await _tick(world) == 0  # done rows are not claimed again
    assert await _deliver(world, smtp) == 2
    ana = [m for m in smtp.to("ana@example.org") if m in _reminders_received(smtp)]
    assert len(ana) == 1
    body = ana[0].get_body(("plain",))
    assert body is not None
    # Ana reads New York's clock: 16:00 UTC is 12:00 there (EDT since 8 March 2026).
    assert "12:00" in body.get_content()
    due = [r for r in await reminders_of(_ctx(world), meeting) if r.offset_minutes == 1440]
    assert {r.state for r in due} == {ReminderState.SENT}
    mine = next(r for r in due if r.participant_id == world.mentee.participant_id)
    assert ana[0]["Message-ID"] == message_id_for(idempotency_key(mine))
    # Where she can act: the web app's meeting page, not the API (web_base_url).
    web_page = f"{world.app.settings.web_base_url}/meetings/{meeting}"
    assert web_page in body.get_content().splitlines()
    assert "/v1/" not in body.get_content()
    world.clock.set(START.replace(day=9, hour=15, minute=5))
    assert await _tick(world) == 2
    assert await _deliver(world, smtp) == 4
    assert len(smtp.unique()) == len(smtp.messages)


async def test_reschedule_moves_reminders_and_cancel_removes_them(
    world: World, smtp: SmtpTestServer
) -> None:
    created = await world.schedule(world.mentor, starts_at="2026-03-09T16:00:00Z")
    meeting = created.json()["id"]
    world.clock.set(START.replace(day=8, hour=16, minute=1))
    assert await _tick(world) == 2  # the 24 h reminders of the first time went
    moved = await world.app.client.patch(
        f"/v1/meetings/{meeting}",
        json={"starts_at": "2026-03-12T16:00:00Z"},
        headers=world.headers(world.mentor),
    )
    assert moved.status_code == 200, moved.text
    rows = await reminders_of(_ctx(world), UUID(meeting))
    pending = {(r.offset_minutes, r.due_at) for r in rows if r.state is ReminderState.PENDING}
    new_start = START.replace(day=12, hour=16)
    assert pending == {(1440, new_start - timedelta(days=1)), (60, new_start - timedelta(hours=1))}
    assert {r.sequence for r in rows if r.state is ReminderState.PENDING} == {1}
    cancelled = await world.app.client.post(
        f"/v1/meetings/{meeting}/cancel",
        json={"reason": "conflict"},
        headers=world.headers(world.mentor),
    )
    assert cancelled.status_code == 200, cancelled.text
    rows = await reminders_of(_ctx(world), UUID(meeting))
    assert [r for r in rows if r.state is ReminderState.PENDING] == []
    world.clock.set(new_start - timedelta(minutes=30))
    assert await _tick(world) == 0
    assert await _deliver(world, smtp) == 2  # only the two sent before the move


async def test_a_reminder_that_would_arrive_after_the_start_is_dropped(
    world: World, smtp: SmtpTestServer
) -> None:
    created = await world.schedule(world.mentor, starts_at="2026-03-09T16:00:00Z")
    meeting = UUID(created.json()["id"])
    before = REMINDERS_DROPPED._value.get()
    world.clock.set(START.replace(day=9, hour=16, minute=5))  # the worker was down till now
    assert await _tick(world) == 4
    states = {r.state for r in await reminders_of(_ctx(world), meeting)}
    assert states == {ReminderState.DROPPED}
    assert REMINDERS_DROPPED._value.get() == before + 4
    assert await _deliver(world, smtp) == 0
