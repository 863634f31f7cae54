"""An organisation's roll-up: its programmes side by side, cursor-paginated; an admin
sees all, a manager the ones they manage, anyone else a 404. programme.created reaches
both the directory and the read models, and its managers' contacts are never stored."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from datetime import date, timedelta
from pathlib import Path

import pytest

from tandem_analytics.main import DEFINITION, create_app
from tandem_analytics.settings import AnalyticsSettings
from tandem_contracts.common import Contact, MentoringFormat, Role
from tandem_contracts.matching import ProgrammeCreated
from tandem_kit import directory
from tandem_kit.testing import RunningApp, assert_problem, isolated_settings, run_app
from tests.analytics.integration.readmodels_history import START, History, stored_events


@pytest.fixture
async def analytics(tmp_path: Path) -> AsyncIterator[RunningApp[AnalyticsSettings]]:
    settings = isolated_settings(AnalyticsSettings, tmp_path)
    async with run_app(create_app(settings), settings, definition=DEFINITION) as app:
        yield app


def _created(h: History, organisation: uuid.UUID) -> ProgrammeCreated:
    return ProgrammeCreated(
        programme_id=h.programme,
        organisation_id=organisation,
        name="Mentoring 2026",
        countries=["DE"],
        languages=["en"],
        starts_on=date(2026, 3, 1),
        ends_on=date(2026, 9, 1),
        formats=[MentoringFormat.PAIR],
        managers=[
            Contact(
                subject="mona",
                display_name="Mona Manager",
                email="mona@example.org",
                time_zone="Europe/Berlin",
            )
        ],
    )


async def test_the_rollup_across_programmes(analytics: RunningApp[AnalyticsSettings]) -> None:
    organisation = uuid.uuid4()
    histories = [History() for _ in range(3)]
    for number, h in enumerate(histories):
        h.add(_created(h, organisation), START - timedelta(days=30))
        for _ in range(number + 1):
            mentor, mentee = h.person(Role.MENTOR, "DE"), h.person(Role.MENTEE, "SY")
            pair = h.start(mentor, mentee)
            h.message(pair, mentee, START, None)
        if number == 0:
            h.end(pair, START + timedelta(days=5), early=True)
        for envelope in h.envelopes:
            await analytics.deliver(envelope)
    async with analytics.runtime.database.transaction() as session:
        known = await directory.programme(session, histories[0].programme)
    assert known is not None
    assert known.name == "Mentoring 2026"  # the directory got it too
    stored = b"".join((await stored_events(analytics.runtime.database)).values())
    assert b"mona" not in stored  # the managers' contacts stay out of the store

    path = f"/v1/organisations/{organisation}/rollup"
    admin = analytics.bearer("root", admin=True)
    first = await analytics.client.get(path, params={"limit": 2}, headers=admin)
    assert first.status_code == 200, first.text
    page = first.json()
    assert len(page["items"]) == 2
    rest = await analytics.client.get(
        path, params={"limit": 2, "cursor": page["next_cursor"]}, headers=admin
    )
    lines = {line["programme_id"]: line for line in page["items"] + rest.json()["items"]}
    assert rest.json()["next_cursor"] is None
    assert {p: line["relationships"] for p, line in lines.items()} == {
        str(h.programme): n + 1 for n, h in enumerate(histories)
    }
    assert lines[str(histories[0].programme)]["drop_out_rate"] == 1.0
    assert lines[str(histories[2].programme)]["messages"] == 3

    manager = analytics.bearer("mona", manager=[histories[1].programme])
    mine = (await analytics.client.get(path, headers=manager)).json()["items"]
    assert [line["programme_id"] for line in mine] == [str(histories[1].programme)]
    member = analytics.bearer("ana", mentee=[histories[1].programme])
    assert_problem(await analytics.client.get(path, headers=member), 404, "organisation_not_found")
    unknown = f"/v1/organisations/{uuid.uuid4()}/rollup"
    assert_problem(
        await analytics.client.get(unknown, headers=admin), 404, "organisation_not_found"
    )
