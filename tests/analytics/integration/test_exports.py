"""The programme's CSV export: streamed a page at a time, UTF-8 with a BOM, CRLF, one
line per relationship, figures only."""

from __future__ import annotations

import csv
import io
from collections.abc import AsyncIterator
from datetime import timedelta
from pathlib import Path

import pytest

from tandem_analytics.main import DEFINITION, create_app
from tandem_analytics.service import exports
from tandem_analytics.settings import AnalyticsSettings
from tandem_contracts.common import Role
from tandem_kit.testing import RunningApp, isolated_settings, run_app
from tests.analytics.integration.readmodels_history import START, History


@pytest.fixture
async def analytics(tmp_path: Path) -> AsyncIterator[RunningApp[AnalyticsSettings]]:
    settings = isolated_settings(AnalyticsSettings, tmp_path)
    async with run_app(create_app(settings), settings, definition=DEFINITION) as app:
        yield app


async def test_the_export_streams_every_relationship_once(
    analytics: RunningApp[AnalyticsSettings], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(exports, "PAGE", 2)  # three pages for five relationships
    h = History()
    pairs = []
    for country in ["DE", "SY", "UA", "PT", "FR"]:
        mentor, mentee = h.person(Role.MENTOR, "DE"), h.person(Role.MENTEE, country)
        pair = h.start(mentor, mentee)
        h.message(pair, mentee, START + timedelta(hours=1), None)
        pairs.append(pair)
    h.end(pairs[0], START + timedelta(days=9), early=True)
    for envelope in h.envelopes:
        await analytics.deliver(envelope)

    manager = analytics.bearer("manager", manager=[h.programme])
    path = f"/v1/programmes/{h.programme}/export.csv"
    response = await analytics.client.get(path, headers=manager)
    assert response.status_code == 200
    assert response.headers["content-type"] == "text/csv; charset=utf-8"
    assert "attachment" in response.headers["content-disposition"]
    raw = response.content
    assert raw.startswith(b"\xef\xbb\xbf")
    assert raw.count(b"\r\n") == 6
    assert b"\n" not in raw.replace(b"\r\n", b"")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    assert sorted(r["relationship_id"] for r in rows) == sorted(str(p) for p in pairs)
    first = next(r for r in rows if r["relationship_id"] == str(pairs[0]))
    assert first["outcome"] == "ended_early"
    assert first["messages"] == "1"
    assert first["countries"] == "DE"
    assert first["reach"] == "same_country"
    assert {r["reach"] for r in rows} == {"same_country", "cross_country"}

    member = analytics.bearer("ana", mentee=[h.programme])
    assert (await analytics.client.get(path, headers=member)).status_code == 403
