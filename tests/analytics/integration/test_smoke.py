"""The analytics service starts (migrations, lifespan), answers with a token, and stops."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from tandem_analytics.main import DEFINITION, create_app
from tandem_analytics.settings import AnalyticsSettings
from tandem_kit.clock import ManualClock
from tandem_kit.testing import assert_problem, isolated_settings, run_app


async def test_the_service_starts_and_answers(tmp_path: Path) -> None:
    settings = isolated_settings(AnalyticsSettings, tmp_path, service_name="analytics")
    clock = ManualClock(datetime(2026, 3, 1, 9, 30, tzinfo=UTC))
    app = create_app(settings, clock=clock)
    async with run_app(app, settings, definition=DEFINITION) as running:
        assert (await running.client.get("/healthz")).json() == {"status": "ok"}
        assert_problem(await running.client.get("/v1/status"), 401, "missing_token")

        response = await running.client.get("/v1/status", headers=running.bearer("ana"))
        assert response.status_code == 200, response.text
        assert response.json() == {
            "service": "analytics",
            "version": "0.1.0",
            "events_handled": 0,
            "checked_at": "2026-03-01T09:30:00Z",
        }

        paths = (await running.client.get("/openapi.json")).json()["paths"]
        assert "401" in paths["/v1/status"]["get"]["responses"]  # problems() documents it
