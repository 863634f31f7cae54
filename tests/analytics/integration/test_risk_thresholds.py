"""A programme's managers read and set its drop-out risk thresholds; nobody else does."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from uuid import uuid4

from sqlalchemy import func, select

from tandem_analytics.adapters.tables import risk_thresholds
from tandem_analytics.main import DEFINITION, create_app
from tandem_analytics.settings import AnalyticsSettings
from tandem_kit.clock import ManualClock
from tandem_kit.testing import assert_problem, isolated_settings, run_app

DEMO: dict[str, Any] = {
    "no_contact_days": 3.0,  # three minutes on the demo's time scale
    "unanswered_factor": 2.0,
    "default_response_days": 0.04,  # the least: just under an hour
    "missed_windows": None,
    "window_grace_days": 0,
    "no_shows": 2,
    "agreement_days": 0.5,
    "isolation_days": None,
    "nudge_members": True,
}


async def test_defaults_then_a_demo_programme_sets_minutes(tmp_path: Path) -> None:
    settings = isolated_settings(
        AnalyticsSettings, tmp_path, service_name="analytics", risk_demo_day_seconds=60
    )
    clock = ManualClock(datetime(2026, 3, 1, 9, 30, tzinfo=UTC))
    programme, other = uuid4(), uuid4()
    app = create_app(settings, clock=clock)
    async with run_app(app, settings, definition=DEFINITION) as running:
        path = f"/v1/programmes/{programme}/risk-thresholds"
        manager = running.bearer("mia", manager=[str(programme)])

        defaults = (await running.client.get(path, headers=manager)).json()
        assert defaults["default"] is True
        assert defaults["updated_at"] is None
        assert (defaults["no_contact_days"], defaults["no_shows"]) == (14.0, 2)

        response = await running.client.put(path, json=DEMO, headers=manager)
        assert response.status_code == 200, response.text
        clock.advance(minutes=1)
        got = (await running.client.get(path, headers=manager)).json()
        assert got == {
            **DEMO,
            "default": False,
            "updated_at": "2026-03-01T09:30:00Z",
            "day_seconds": 60.0,
        }

        # Another manager's programme keeps its defaults.
        other_path = f"/v1/programmes/{other}/risk-thresholds"
        admin = running.bearer("root", admin=True)
        assert (await running.client.get(other_path, headers=admin)).json()["default"] is True

        # A second PUT replaces the whole set.
        changed = {**DEMO, "no_contact_days": None, "nudge_members": False}
        assert (await running.client.put(path, json=changed, headers=manager)).status_code == 200
        got = (await running.client.get(path, headers=manager)).json()
        assert (got["no_contact_days"], got["nudge_members"]) == (None, False)


async def test_roles_and_bad_input_change_nothing(tmp_path: Path) -> None:
    settings = isolated_settings(AnalyticsSettings, tmp_path, service_name="analytics")
    programme = uuid4()
    app = create_app(settings, clock=ManualClock(datetime(2026, 3, 1, tzinfo=UTC)))
    async with run_app(app, settings, definition=DEFINITION) as running:
        path = f"/v1/programmes/{programme}/risk-thresholds"
        mentee = running.bearer("ana", mentee=[str(programme)])
        stranger = running.bearer("eve", manager=[str(uuid4())])
        manager = running.bearer("mia", manager=[str(programme)])

        assert_problem(await running.client.get(path), 401, "missing_token")
        assert_problem(await running.client.get(path, headers=mentee), 403, "managers_only")
        assert_problem(await running.client.put(path, json=DEMO, headers=mentee), 403)
        assert_problem(await running.client.get(path, headers=stranger), 404)
        assert_problem(await running.client.put(path, json=DEMO, headers=stranger), 404)
        for bad in (
            {**DEMO, "no_contact_days": 0},  # zero days would flag every relationship at once
            {**DEMO, "no_contact_days": 0.002},  # minutes are a demo's time scale, not a figure
            {**DEMO, "default_response_days": 0.039},
            {**DEMO, "no_shows": 0},
            {**DEMO, "no_shows": 1.5},
            {**DEMO, "nudge_members": "yes"},
            {**DEMO, "unknown": 1},
            {key: value for key, value in DEMO.items() if key != "no_shows"},
        ):
            response = await running.client.put(path, json=bad, headers=manager)
            assert response.status_code == 422, (bad, response.text)

        async with running.runtime.database.sessions() as session:
            assert await session.scalar(select(func.count()).select_from(risk_thresholds)) == 0
