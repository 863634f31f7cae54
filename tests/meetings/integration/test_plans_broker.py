"""With the real broker: matching's events (programme, contacts, profiles, a relationship's
start) and messaging's ``agreement.accepted`` reach the meetings consumer over Kafka; the
start instantiates the plan and proposes the kick-off, the agreement changes the cadence."""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any

import pytest

from tandem_contracts import CONTACTS_TOPIC, Envelope, service_topic
from tandem_contracts.base import Event
from tandem_kit import directory
from tandem_kit.kafka import create_producer
from tandem_kit.testing import wait_until
from tandem_meetings.service import profiles
from tests.meetings.integration.plans_world import World, open_world, programme_created
from tests.support.groups import start_group_at_the_end


async def _send(bootstrap: str, events: list[Event]) -> None:
    producer = create_producer(bootstrap)
    await producer.start()
    try:
        for event in events:
            envelope = Envelope.wrap(event)
            await producer.send_and_wait(
                event.topic(),
                value=envelope.data,
                key=envelope.key.encode(),
                headers=envelope.kafka_headers(),
            )
    finally:
        await producer.stop()


async def _plan(w: World, relationship: Any) -> Any:
    response = await w.app.client.get(
        f"/v1/relationships/{relationship}/plan", headers=w.headers(w.max)
    )
    return response.json() if response.status_code == 200 else None


@pytest.mark.kafka
async def test_over_the_broker(tmp_path: Path, kafka_bootstrap: str) -> None:
    # Earlier runs' events (a bench's ten thousand starts) are not this test's to replay.
    group = f"tandem.meetings.plans-{uuid.uuid4().hex[:8]}"
    topics = (service_topic("matching"), CONTACTS_TOPIC, service_topic("messaging"))
    await start_group_at_the_end(kafka_bootstrap, group, *topics)
    async with open_world(
        tmp_path,
        deliver=False,
        kafka_bootstrap_servers=kafka_bootstrap,
        run_consumers=True,
        kafka_consumer_group=group,
    ) as w:
        start = w.started(w.max, w.bea)
        people = [
            programme_created(w.programme, w.manager),
            *w.registration(w.max),
            *w.registration(w.bea),
        ]
        await _send(kafka_bootstrap, people)

        # Three topics, no order between them: the start goes once the people are known
        # (in a programme they register long before they are matched).
        async def known() -> bool:
            ids = [w.max.participant_id, w.bea.participant_id]
            async with w.app.runtime.database.transaction() as session:
                found = await profiles.profiles(session, ids)
                contacts = await directory.participants_by_id(session, ids)
            return len(found) == len(contacts) == 2

        await wait_until(known, timeout=60)
        await _send(kafka_bootstrap, [start])

        async def proposed() -> bool:
            plan = await _plan(w, start.relationship_id)
            return plan is not None and bool(plan["activities"][0]["proposals"])

        await wait_until(proposed, timeout=60)
        plan = await _plan(w, start.relationship_id)
        kick_off = plan["activities"][0]
        assert kick_off["key"] == "kick_off"
        assert kick_off["mode"] == "face_to_face"  # both in Lisbon
        assert len(kick_off["proposals"]) == 3
        fortnightly = [a for a in plan["activities"] if a["key"] == "regular"]

        await _send(kafka_bootstrap, [w.agreement(start.relationship_id, cadence_days=7)])

        async def weekly() -> bool:
            plan = await _plan(w, start.relationship_id)
            return plan is not None and plan["cadence_days"] == 7

        await wait_until(weekly, timeout=60)
        plan = await _plan(w, start.relationship_id)
        assert plan["cadence_source"] == "agreement"
        weekly_sessions = [a for a in plan["activities"] if a["key"] == "regular"]
        assert len(weekly_sessions) > len(fortnightly)
