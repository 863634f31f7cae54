"""Every timestamp matching writes comes from the kit's one injectable clock.

Issue 9 ("the clock comes from the kit"): matching's use cases stamped their rows with a
``now()`` of their own, so a test's ``ManualClock`` governed the dates relationships
start and end on, but not one ``created_at``, ``updated_at`` or ``decided_at``.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from tandem_kit.clock import ManualClock
from tests.matching.integration.helpers import mentee_body, running_app, settings_for

STILL = dt.datetime(2031, 3, 4, 5, 6, 7, tzinfo=dt.UTC)


def _at(value: str) -> dt.datetime:
    return dt.datetime.fromisoformat(value)


async def test_a_manual_clock_governs_every_timestamp_matching_writes(
    matching_db_url: str, key_path: str, tmp_path: Path
) -> None:
    settings = settings_for(
        matching_db_url, key_path, match_runs_enabled=False, migrate_on_start=False
    )
    clock = ManualClock(STILL)
    async with running_app(settings, clock=clock) as api:
        organisation = await api.client.post(
            "/v1/organisations", json={"name": "Clockwork"}, headers=api.tokens.admin()
        )
        assert organisation.status_code == 201, organisation.text
        assert _at(organisation.json()["created_at"]) == STILL

        programme = await api.programme()
        mentee = await api.register(programme, mentee_body("mira"))
        assert _at(mentee["created_at"]) == STILL
        assert _at(mentee["updated_at"]) == STILL

        later = clock.advance(hours=5)
        changed = await api.client.patch(
            f"/v1/programmes/{programme}/participants/{mentee['id']}",
            json={"goals": ["cv"]},
            headers=api.tokens.manager(programme),
        )
        assert changed.status_code == 200, changed.text
        assert _at(changed.json()["created_at"]) == STILL
        assert _at(changed.json()["updated_at"]) == later
