"""Reminder lateness on /metrics: from each reminder's due time to the round that queued
or dropped it, on the world's clock (the system dashboard's "Reminder lateness" panel)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from prometheus_client import REGISTRY

from tandem_meetings.service.context import Context
from tandem_meetings.service.reminders import send_due_reminders
from tests.meetings.integration.meetings_world import START, World, open_world

NAME = "tandem_meetings_reminder_lateness_seconds"


@pytest.fixture
async def world(tmp_path: Path) -> AsyncIterator[World]:
    async with open_world(tmp_path) as world:
        yield world


def observed() -> dict[str, float]:
    def value(suffix: str, **labels: str) -> float:
        return REGISTRY.get_sample_value(f"{NAME}{suffix}", labels) or 0.0

    return {
        "count": value("_count"),
        "sum": value("_sum"),
        "le 30": value("_bucket", le="30.0"),
        "le 60": value("_bucket", le="60.0"),
        "le 600": value("_bucket", le="600.0"),
    }


async def test_each_queued_or_dropped_reminder_records_how_late_it_was(world: World) -> None:
    created = await world.schedule(world.mentor, starts_at="2026-03-09T16:00:00Z")
    assert created.status_code == 201, created.text
    ctx = Context.of(world.app.runtime)
    before = observed()
    # The two 24-hour reminders were due at 16:00 the day before: a minute late.
    world.clock.set(START.replace(day=8, hour=16, minute=1))
    assert await send_due_reminders(ctx, world.clock(), owner="test-worker") == 2
    after = observed()
    assert after["count"] - before["count"] == 2
    assert after["sum"] - before["sum"] == pytest.approx(120.0)
    assert after["le 30"] - before["le 30"] == 0
    assert after["le 60"] - before["le 60"] == 2
    # The worker was down past the start: the 1-hour reminders are dropped, 65 min late.
    world.clock.set(START.replace(day=9, hour=16, minute=5))
    assert await send_due_reminders(ctx, world.clock(), owner="test-worker") == 2
    last = observed()
    assert last["count"] - after["count"] == 2
    assert last["sum"] - after["sum"] == pytest.approx(2 * 65 * 60.0)
    assert last["le 600"] - after["le 600"] == 0
