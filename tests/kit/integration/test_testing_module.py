"""tandem_kit.testing against the fixture service: the app runs, events go through the
real inbox, tokens are accepted, and the outbox reads back as contract events."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from tandem_contracts import Envelope
from tandem_kit.db.tables import inbox_table
from tandem_kit.kafka import create_producer
from tandem_kit.settings import ServiceSettings
from tandem_kit.testing import (
    OutboxEvent,
    RunningApp,
    assert_problem,
    isolated_settings,
    run_app,
    wait_until,
)
from tests.kit.fixture_service.app import build_app, definition
from tests.kit.fixture_service.events import NoteAdded
from tests.kit.integration.harness import fresh_topic


@pytest.fixture
async def running(tmp_path: Path) -> AsyncIterator[RunningApp[ServiceSettings]]:
    settings = isolated_settings(ServiceSettings, tmp_path, service_name="fixture")
    async with run_app(build_app(settings), settings, definition=definition()) as running:
        yield running


def note(text: str = "hello") -> NoteAdded:
    return NoteAdded(programme_id=uuid.uuid4(), note_id=uuid.uuid4(), text=text)


async def inbox_rows(running: RunningApp[ServiceSettings]) -> list[tuple[str, str]]:
    async with running.runtime.database.sessions() as session:
        rows = await session.execute(select(inbox_table.c.consumer, inbox_table.c.event_id))
    return [(consumer, event_id) for consumer, event_id in rows.all()]


async def received(running: RunningApp[ServiceSettings]) -> list[str]:
    response = await running.client.get("/v1/received")
    assert response.status_code == 200, response.text
    body: list[str] = response.json()
    return body


async def test_the_app_runs_its_lifespan_and_accepts_minted_tokens(
    running: RunningApp[ServiceSettings],
) -> None:
    assert (await running.client.get("/healthz")).json() == {"status": "ok"}
    programme = uuid.uuid4()
    headers = running.bearer("mia", manager=[programme], mentee=[str(programme)])
    response = await running.client.get("/v1/me", headers=headers)
    assert response.status_code == 200, response.text
    assert response.json() == {
        "subject": "mia",
        "roles": sorted([f"manager:{programme}", f"mentee:{programme}"]),
    }
    admin = await running.client.get("/v1/me", headers=running.bearer("root", admin=True))
    assert admin.json()["roles"] == ["admin"]
    assert (await running.client.get("/v1/me")).status_code == 401
    # Each request starts from the lifespan's state, not from the previous request's.
    assert [(await running.client.get("/v1/visits")).json() for _ in range(2)] == [1, 1]


async def test_delivery_writes_the_inbox_row_with_the_effect_and_redelivery_is_a_no_op(
    running: RunningApp[ServiceSettings],
) -> None:
    event = note()
    event_id = uuid.uuid4()
    assert await running.deliver(event, event_id=event_id) is True
    assert await running.deliver(event, event_id=event_id) is False
    assert await received(running) == [str(event.note_id)]
    assert await inbox_rows(running) == [("fixture", str(event_id))]
    envelope = Envelope.wrap(note("as an envelope"))
    assert await running.deliver(envelope) is True
    assert await running.deliver(envelope) is False
    assert len(await received(running)) == 2


async def test_a_failing_handler_leaves_neither_inbox_row_nor_effect(
    running: RunningApp[ServiceSettings],
) -> None:
    poison = note("poison")  # the fixture's handler raises on it
    with pytest.raises(ValueError, match="can never be handled"):
        await running.deliver(poison)
    assert await inbox_rows(running) == []
    assert await received(running) == []


async def test_an_event_the_service_does_not_handle_is_an_error(
    running: RunningApp[ServiceSettings], tmp_path: Path
) -> None:
    settings = isolated_settings(ServiceSettings, tmp_path / "bare", service_name="fixture")
    async with run_app(build_app(settings), settings) as bare:
        with pytest.raises(RuntimeError, match="names the consumer"):
            await bare.deliver(note())
    no_handlers = definition()
    async with run_app(
        build_app(settings), settings, definition=no_handlers, handlers=lambda _: {}
    ) as other:
        with pytest.raises(LookupError, match=r"no handler for tandem\.test\.note\.added\.v1"):
            await other.deliver(note())


async def test_the_outbox_reads_back_as_contract_events(
    running: RunningApp[ServiceSettings],
) -> None:
    programme = uuid.uuid4()
    first = await running.client.post(
        "/v1/notes", json={"programme_id": str(programme), "text": "one"}
    )
    assert first.status_code == 201, first.text
    position = await running.outbox_position()
    second = await running.client.post(
        "/v1/notes", json={"programme_id": str(programme), "text": "two"}
    )
    assert second.status_code == 201, second.text

    events = await running.outbox(NoteAdded)
    assert [type(e) for e in events] == [NoteAdded, NoteAdded]
    assert [(e.text, str(e.note_id)) for e in events] == [
        ("one", first.json()["id"]),
        ("two", second.json()["id"]),
    ]
    assert [e.text for e in await running.outbox(NoteAdded, after=position)] == ["two"]
    rows = await running.outbox()
    assert all(isinstance(row, OutboxEvent) for row in rows)
    assert [(row.type, row.key, row.topic) for row in rows] == [
        ("tandem.test.note.added.v1", str(programme), NoteAdded.topic())
    ] * 2
    assert rows[0].position == position < rows[1].position


@pytest.mark.kafka
async def test_the_apps_own_consumer_skips_an_event_already_delivered(
    tmp_path: Path, kafka_bootstrap: str
) -> None:
    """deliver() and the Kafka consumer share one inbox: the consumer, receiving the same
    event id from the broker, does nothing; a new event it handles."""
    topic = await fresh_topic(kafka_bootstrap, "fixture")
    settings = isolated_settings(
        ServiceSettings,
        tmp_path,
        service_name="fixture",
        kafka_bootstrap_servers=kafka_bootstrap,
        run_consumers=True,
    )
    app = build_app(settings, topic)
    async with run_app(app, settings, definition=definition(topic)) as running:
        delivered, fresh = note("delivered in the test"), note("only over Kafka")
        delivered_id = uuid.uuid4()
        assert await running.deliver(delivered, event_id=delivered_id)
        producer = create_producer(kafka_bootstrap)
        await producer.start()
        try:
            for event, event_id in ((delivered, delivered_id), (fresh, uuid.uuid4())):
                envelope = Envelope.wrap(event, event_id=event_id)
                await producer.send_and_wait(
                    topic,
                    value=envelope.data,
                    key=envelope.key.encode(),
                    headers=envelope.kafka_headers(),
                )
        finally:
            await producer.stop()

        async def both_seen() -> bool:
            async with running.runtime.database.sessions() as session:
                count = await session.scalar(select(func.count()).select_from(inbox_table))
            return count == 2

        await wait_until(both_seen)
        assert await received(running) == [str(delivered.note_id), str(fresh.note_id)]


async def test_assert_problem_checks_status_media_type_and_code(
    running: RunningApp[ServiceSettings],
) -> None:
    unauthenticated = await running.client.get("/v1/me")
    body = assert_problem(unauthenticated, 401, "missing_token")
    assert body["title"]
    with pytest.raises(AssertionError):
        assert_problem(unauthenticated, 401, "invalid_token")
    with pytest.raises(AssertionError):
        assert_problem(unauthenticated, 403)
    with pytest.raises(AssertionError):  # a 200 JSON body is not a problem
        assert_problem(await running.client.get("/healthz"), 200)


async def test_wait_until_polls_until_the_condition_holds_or_times_out() -> None:
    calls = 0

    async def third_time() -> bool:
        nonlocal calls
        calls += 1
        return calls >= 3

    await wait_until(third_time, timeout=5, interval=0.01)
    assert calls == 3

    async def never() -> bool:
        return False

    with pytest.raises(AssertionError, match=r"not met within 0\.05s"):
        await wait_until(never, timeout=0.05, interval=0.01)
