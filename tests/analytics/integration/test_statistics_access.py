"""Every manager endpoint of the statistics: no token 401, a member of the programme
403, a manager of another programme 404, its manager and an admin 200."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from tandem_analytics.main import DEFINITION, create_app
from tandem_analytics.settings import AnalyticsSettings
from tandem_contracts.common import Role
from tandem_kit.testing import RunningApp, assert_problem, isolated_settings, run_app
from tests.analytics.integration.readmodels_history import History

PATHS = ["dashboard", "breakdowns", "survival", "relationships/{rid}/statistics"]


@pytest.fixture
async def analytics(tmp_path: Path) -> AsyncIterator[RunningApp[AnalyticsSettings]]:
    settings = isolated_settings(AnalyticsSettings, tmp_path)
    async with run_app(create_app(settings), settings, definition=DEFINITION) as app:
        yield app


@pytest.mark.parametrize("tail", PATHS)
async def test_managers_and_admins_only(
    analytics: RunningApp[AnalyticsSettings], tail: str
) -> None:
    h = History()
    pair = h.start(h.person(Role.MENTOR, "DE"), h.person(Role.MENTEE, "SY"))
    for envelope in h.envelopes:
        await analytics.deliver(envelope)
    path = f"/v1/programmes/{h.programme}/" + tail.format(rid=pair)
    assert_problem(await analytics.client.get(path), 401, "missing_token")
    member = analytics.bearer("ana", mentee=[h.programme])
    assert_problem(await analytics.client.get(path, headers=member), 403, "managers_only")
    stranger = analytics.bearer("eve", manager=[uuid.uuid4()])
    assert_problem(await analytics.client.get(path, headers=stranger), 404, "programme_not_found")
    for headers in (
        analytics.bearer("m", manager=[h.programme]),
        analytics.bearer("r", admin=True),
    ):
        response = await analytics.client.get(path, headers=headers)
        assert response.status_code == 200, response.text
