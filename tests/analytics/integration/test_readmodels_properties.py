"""Duplicated, reordered, late and replayed events give the same read models, on SQLite
and on PostgreSQL: hypothesis draws a programme's history, delivers it in event-time
order, then again shuffled with duplicates (the same envelope again, which the inbox
drops, and the same fact re-announced under a new event id, which the read models
must absorb), and every read-model table must come out row for row the same."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from tandem_analytics.main import DEFINITION, create_app
from tandem_analytics.settings import AnalyticsSettings
from tandem_contracts import Envelope
from tandem_kit.testing import RunningApp, isolated_settings, run_app
from tests.analytics.integration.readmodels_history import (
    History,
    dump,
    forget_everything,
    histories,
    stored_events,
)
from tests.conftest import UrlFactory


@pytest.fixture
async def analytics(
    url_factory: UrlFactory, tmp_path: Path
) -> AsyncIterator[RunningApp[AnalyticsSettings]]:
    url = await url_factory("readmodels")
    settings = isolated_settings(AnalyticsSettings, tmp_path, database_url=url)
    async with run_app(create_app(settings), settings, definition=DEFINITION) as running:
        yield running


async def _deliver_all(app: RunningApp[AnalyticsSettings], envelopes: list[Envelope]) -> None:
    for envelope in envelopes:
        await app.deliver(envelope)


def _in_time_order(history: History) -> list[Envelope]:
    return sorted(history.envelopes, key=lambda e: e.time)


@pytest.mark.postgres
@settings(
    max_examples=12,
    deadline=None,
    # No shrinking: each example is two deliveries of a history into a real database, and
    # the drawn history (printed on failure) is small already.
    phases=(Phase.explicit, Phase.reuse, Phase.generate),
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(history=histories(), data=st.data())
async def test_any_order_with_duplicates_gives_the_same_read_models(
    analytics: RunningApp[AnalyticsSettings], history: History, data: st.DataObject
) -> None:
    database = analytics.runtime.database
    await forget_everything(database)
    await _deliver_all(analytics, _in_time_order(history))
    expected = await dump(database)
    expected_store = await stored_events(database)

    await forget_everything(database)
    shuffled = data.draw(st.permutations(history.envelopes), label="order")
    again = data.draw(st.lists(st.sampled_from(history.envelopes), max_size=10), label="again")
    anew = data.draw(st.lists(st.sampled_from(history.envelopes), max_size=5), label="anew")
    position = st.integers(min_value=0, max_value=len(shuffled))
    delivery = list(shuffled)
    for envelope in again:
        delivery.insert(data.draw(position), envelope)
    await _deliver_all(analytics, delivery)
    # The same store whatever the order (the inbox dropped the same envelopes again).
    assert await stored_events(database) == expected_store
    for envelope in anew:  # a replay under new ids: the read models absorb it
        if envelope.type != "tandem.participant.erased.v1":
            await analytics.deliver(envelope.model_copy(update={"id": uuid.uuid4()}))
    assert await dump(database) == expected
    assert any(expected.values()) or not history.envelopes
