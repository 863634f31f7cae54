"""`tandem-analytics rebuild` gives a fresh database the live one's read models, row for
row, from analytics' own store (erasure included), on SQLite and PostgreSQL, and the
rest of what it holds: check-ins' copy of relationships, the match weights' facts, and
analytics' own state (thresholds, flags, plans, check-ins, reports) copied as it stands,
with nothing queued to publish; and the command is wired into the service's command
line."""

from __future__ import annotations

import asyncio
import os
from pathlib import Path

import pytest
from sqlalchemy import func, select

from tandem_analytics.adapters.tables import metadata
from tandem_analytics.main import DEFINITION, MIGRATIONS, create_app
from tandem_analytics.service import rebuild, reports
from tandem_analytics.service.check_in_workers import send_due
from tandem_analytics.service.context import Context
from tandem_analytics.service.risk_flags import evaluation_tick
from tandem_analytics.settings import AnalyticsSettings
from tandem_kit.db.database import Database
from tandem_kit.db.tables import outbox_table
from tandem_kit.testing import isolated_settings, run_app
from tests.analytics.integration.readmodels_history import (
    READ_MODELS,
    dump,
    sample_history,
    stored_events,
)
from tests.conftest import UrlFactory

DIRECTORY = ["tandem_directory_erased_participants", "tandem_directory_participants"]
# Every table of the service but the event store (compared as stored_events).
EVERYTHING = sorted(set(metadata.tables) - {"consumed_events", "consumed_event_people"})
THRESHOLDS = {
    "no_contact_days": 3,
    "unanswered_factor": 2,
    "default_response_days": 2,
    "missed_windows": 1,
    "window_grace_days": 2,
    "no_shows": 2,
    "agreement_days": 21,
    "isolation_days": 5,
    "nudge_members": False,
}
PLAN = {
    "pulse_every_weeks": 2,
    "midpoint": True,
    "final": True,
    "own_questions": [],
    "consent": "named",
}


@pytest.mark.postgres
async def test_a_rebuild_gives_identical_read_models(
    url_factory: UrlFactory, tmp_path: Path
) -> None:
    live_url, fresh_url = await url_factory("live"), await url_factory("fresh")
    settings = isolated_settings(
        AnalyticsSettings, tmp_path, database_url=live_url, rebuild_database_url=fresh_url
    )
    history = sample_history(7)
    async with run_app(create_app(settings), settings, definition=DEFINITION) as live:
        # Delivered out of event-time order, as partitions would.
        for envelope in reversed(history.envelopes):
            await live.deliver(envelope)
        # Analytics' own state: what a manager set, what the workers made of it.
        manager = live.bearer("mia", manager=[history.programme])
        base = f"/v1/programmes/{history.programme}"
        for path, body in (("risk-thresholds", THRESHOLDS), ("check-in-plan", PLAN)):
            put = await live.client.put(f"{base}/{path}", json=body, headers=manager)
            assert put.status_code == 200, put.text
        ctx, now = Context.of(live.runtime), live.runtime.clock()
        assert await evaluation_tick(ctx, now) > 0
        assert await reports.make_due(ctx, now) == 1
        await send_due(ctx, now)
        expected = await dump(live.runtime.database, EVERYTHING)
        expected_store = await stored_events(live.runtime.database)

    done = await rebuild.command(settings, MIGRATIONS)
    assert done.events == len(history.envelopes) - 1  # the erasure is the directory's
    assert done.bytes_per_event > 0

    fresh = Database(fresh_url)
    try:
        assert await dump(fresh, EVERYTHING) == expected
        assert await stored_events(fresh) == expected_store
        # every table has rows to compare
        own = ["risk_thresholds", "risk_flags", "check_in_plans", "programme_reports"]
        derived = ["checkin_relationships", "checkin_members", "match_criterion_scores"]
        empty = [n for n in [*READ_MODELS, *own, *derived] if not expected[n]]
        assert empty == []
        async with fresh.transaction() as session:  # nothing to publish a second time
            assert await session.scalar(select(func.count()).select_from(outbox_table)) == 0
        with pytest.raises(rebuild.NotFresh):  # a second rebuild into it is refused
            await rebuild.rebuild(Database(live_url), fresh, "analytics")
    finally:
        await fresh.dispose()


async def test_the_rebuild_command_runs(tmp_path: Path, repo_root: Path) -> None:
    live, fresh = tmp_path / "live.db", tmp_path / "fresh.db"
    settings = isolated_settings(
        AnalyticsSettings, tmp_path, database_url=f"sqlite+aiosqlite:///{live}"
    )
    async with run_app(create_app(settings), settings, definition=DEFINITION) as app:
        for envelope in sample_history(3, relationships=2).envelopes:
            await app.deliver(envelope)
        expected = await dump(app.runtime.database)
    env = {
        **os.environ,
        "TANDEM_ANALYTICS_DATABASE_URL": f"sqlite+aiosqlite:///{live}",
        "TANDEM_ANALYTICS_REBUILD_DATABASE_URL": f"sqlite+aiosqlite:///{fresh}",
        "TANDEM_ANALYTICS_MASTER_KEY_FILE": str(tmp_path / "master.key"),
    }
    process = await asyncio.create_subprocess_exec(
        "uv",
        "run",
        "tandem-analytics",
        "rebuild",
        cwd=repo_root,
        env=env,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    out, err = await asyncio.wait_for(process.communicate(), timeout=120)
    assert process.returncode == 0, err.decode()
    assert "bytes per event" in out.decode()
    database = Database(f"sqlite+aiosqlite:///{fresh}")
    try:
        assert await dump(database) == expected
    finally:
        await database.dispose()
