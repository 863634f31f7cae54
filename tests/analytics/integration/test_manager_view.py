"""A participant's "what the manager sees about me": their isolation as the dashboard
judges it, and each of their relationships exactly as the manager's statistics read."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import timedelta
from pathlib import Path

import pytest

from tandem_analytics.main import DEFINITION, create_app
from tandem_analytics.settings import AnalyticsSettings
from tandem_contracts.common import Contact, Role
from tandem_contracts.contacts import ParticipantContact
from tandem_kit.clock import ManualClock
from tandem_kit.testing import RunningApp, assert_problem, isolated_settings, run_app
from tests.analytics.integration.readmodels_history import START, History, Person


@pytest.fixture
async def analytics(tmp_path: Path) -> AsyncIterator[RunningApp[AnalyticsSettings]]:
    settings = isolated_settings(AnalyticsSettings, tmp_path, isolation_days=10)
    clock = ManualClock(START + timedelta(days=20))
    async with run_app(create_app(settings, clock=clock), settings, definition=DEFINITION) as app:
        yield app


def _contact(h: History, person: Person) -> ParticipantContact:
    return ParticipantContact(
        programme_id=h.programme,
        participant_id=person.participant_id,
        role=person.role,
        contact=Contact(
            subject=person.subject,
            display_name="Someone",
            email="someone@example.org",
            time_zone="Europe/Berlin",
        ),
    )


async def test_the_manager_view_is_what_the_manager_reads(
    analytics: RunningApp[AnalyticsSettings],
) -> None:
    h = History()
    max_, ana = h.person(Role.MENTOR, "DE"), h.person(Role.MENTEE, "SY")
    pair = h.start(max_, ana)
    h.message(pair, max_, START, None)
    h.message(pair, ana, START + timedelta(days=15), None)
    for envelope in h.envelopes:
        await analytics.deliver(envelope)
    for person in (max_, ana):
        await analytics.deliver(_contact(h, person))

    manager = analytics.bearer("manager", manager=[h.programme])
    seen = await analytics.client.get(
        f"/v1/programmes/{h.programme}/relationships/{pair}/statistics", headers=manager
    )
    dashboard = await analytics.client.get(
        f"/v1/programmes/{h.programme}/dashboard", headers=manager
    )
    for person, isolated in ((max_, True), (ana, False)):
        if person.role is Role.MENTOR:
            headers = analytics.bearer(person.subject, mentor=[h.programme])
        else:
            headers = analytics.bearer(person.subject, mentee=[h.programme])
        response = await analytics.client.get("/v1/me/manager-view", headers=headers)
        assert response.status_code == 200, response.text
        (view,) = response.json()["programmes"]
        assert view["participant_id"] == str(person.participant_id)
        assert view["isolated"] is isolated
        assert (str(person.participant_id) in dashboard.json()["isolated_participants"]) is isolated
        assert view["relationships"] == [seen.json()]
        assert view["ever_posted"] is True

    nobody = await analytics.client.get("/v1/me/manager-view", headers=analytics.bearer("eve"))
    assert nobody.json() == {"programmes": []}
    assert_problem(await analytics.client.get("/v1/me/manager-view"), 401, "missing_token")
