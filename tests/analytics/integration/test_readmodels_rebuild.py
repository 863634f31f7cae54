"""`tandem-analytics rebuild` gives a fresh database the live one's read models, row for
row, from analytics' own store (erasure included), on SQLite and PostgreSQL; and the
command is wired into the service's command line."""

from __future__ import annotations

import asyncio
import os
from pathlib import Path

import pytest

from tandem_analytics.main import DEFINITION, MIGRATIONS, create_app
from tandem_analytics.service import rebuild
from tandem_analytics.settings import AnalyticsSettings
from tandem_kit.db.database import Database
from tandem_kit.testing import isolated_settings, run_app
from tests.analytics.integration.readmodels_history import (
    READ_MODELS,
    dump,
    sample_history,
    stored_events,
)
from tests.conftest import UrlFactory

DIRECTORY = ["tandem_directory_erased_participants", "tandem_directory_participants"]


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
        expected = await dump(live.runtime.database, [*READ_MODELS, *DIRECTORY])
        expected_store = await stored_events(live.runtime.database)

    done = await rebuild.command(settings, MIGRATIONS)
    assert done.events == len(history.envelopes) - 1  # the erasure is the directory's
    assert done.bytes_per_event > 0

    fresh = Database(fresh_url)
    try:
        assert await dump(fresh, [*READ_MODELS, *DIRECTORY]) == expected
        assert await stored_events(fresh) == expected_store
        assert all(expected[name] for name in READ_MODELS)  # every table has rows to compare
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
