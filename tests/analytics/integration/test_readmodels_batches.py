"""A run of events handed to analytics' batch handlers (``Handlers.on_batch``, in one
transaction, as the consumer hands consecutive records of a partition) leaves exactly
the read models, check-ins' copy of relationships and the event store of the same events
delivered one by one, in the same order: on SQLite and on PostgreSQL, for a seeded
programme with late messages, an erasure and redeliveries, and for hypothesis' histories
cut into random runs."""

from __future__ import annotations

import random
import uuid
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from tandem_analytics.main import DEFINITION, create_app
from tandem_analytics.service.readmodel_batches import BATCHED
from tandem_analytics.settings import AnalyticsSettings
from tandem_contracts import Envelope
from tandem_contracts.messaging import MessagePosted
from tandem_kit.testing import RunningApp, isolated_settings, run_app
from tests.analytics.integration.readmodels_history import (
    READ_MODELS,
    History,
    dump,
    forget_everything,
    histories,
    sample_history,
    stored_events,
)
from tests.conftest import UrlFactory

BATCHED_TYPES = {event_class.event_type for event_class in BATCHED}
# The read models, and check-ins' copy of relationships that starts and profiles also write.
TABLES = [*READ_MODELS, "checkin_relationships", "checkin_members", "checkin_countries"]


@pytest.fixture
async def analytics(
    url_factory: UrlFactory, tmp_path: Path
) -> AsyncIterator[RunningApp[AnalyticsSettings]]:
    url = await url_factory("readmodels")
    settings = isolated_settings(AnalyticsSettings, tmp_path, database_url=url)
    async with run_app(create_app(settings), settings, definition=DEFINITION) as running:
        yield running


async def _one_by_one(app: RunningApp[AnalyticsSettings], delivery: list[Envelope]) -> Any:
    database = app.runtime.database
    await forget_everything(database)
    for envelope in delivery:
        await app.deliver(envelope)
    return await dump(database, TABLES), await stored_events(database)


async def _in_runs(
    app: RunningApp[AnalyticsSettings], delivery: list[Envelope], cuts: list[int]
) -> Any:
    database = app.runtime.database
    await forget_everything(database)
    start = 0
    for end in [*sorted(set(cuts)), len(delivery)]:
        if end > start:
            await app.deliver_together(delivery[start:end])
            start = end
    return await dump(database, TABLES), await stored_events(database)


def _longest_batched_run(delivery: list[Envelope]) -> int:
    longest = length = 0
    previous = None
    for envelope in delivery:
        same = envelope.type == previous and envelope.type in BATCHED_TYPES
        length = length + 1 if same else 1
        longest = max(longest, length if envelope.type in BATCHED_TYPES else 0)
        previous = envelope.type
    return longest


def _late_and_again(history: History, seed: int) -> list[Envelope]:
    """Time order, but a third of the messages held back to the end (late), and a few
    messages again: the same envelope (the inbox drops it) and the same facts under a
    new event id (the read models absorb it)."""
    rng = random.Random(seed)
    ordered = sorted(history.envelopes, key=lambda e: e.time)
    messages = [e for e in ordered if e.type == MessagePosted.event_type]
    late = rng.sample(messages, len(messages) // 3)
    delivery = [e for e in ordered if e not in late] + late
    again = rng.sample(messages, 4)
    return [*delivery, *again, *(e.model_copy(update={"id": uuid.uuid4()}) for e in again)]


@pytest.mark.postgres
@pytest.mark.parametrize("seed", [3, 11])
async def test_runs_give_the_figures_of_one_by_one(
    analytics: RunningApp[AnalyticsSettings], seed: int
) -> None:
    delivery = _late_and_again(sample_history(seed, relationships=6), seed)
    expected = await _one_by_one(analytics, delivery)
    # The erasure falls inside one run: its later events are scrubbed in that transaction.
    got = await _in_runs(analytics, delivery, list(range(0, len(delivery), 40)))
    assert _longest_batched_run(delivery) > 1  # the batch handlers did get runs
    assert any(expected[0].values())
    assert got == expected
    everything = await _in_runs(analytics, delivery, [])  # the whole delivery as one run
    assert everything == expected


@pytest.mark.postgres
@settings(
    max_examples=10,
    deadline=None,
    phases=(Phase.explicit, Phase.reuse, Phase.generate),
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(history=histories(), data=st.data())
async def test_any_runs_of_any_order_give_the_figures_of_one_by_one(
    analytics: RunningApp[AnalyticsSettings], history: History, data: st.DataObject
) -> None:
    delivery = list(data.draw(st.permutations(history.envelopes), label="order"))
    again = data.draw(st.lists(st.sampled_from(history.envelopes), max_size=6), label="again")
    delivery += again
    cuts = data.draw(
        st.lists(st.integers(min_value=0, max_value=len(delivery)), max_size=6), label="cuts"
    )
    expected = await _one_by_one(analytics, delivery)
    assert await _in_runs(analytics, delivery, cuts) == expected
