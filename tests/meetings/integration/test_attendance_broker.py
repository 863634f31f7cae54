"""With the real broker: a member's attendance record reaches ``tandem.meetings.v1`` as
``meeting.attendance.recorded`` through the outbox relay, under the deterministic id."""

from __future__ import annotations

import json
import uuid
from pathlib import Path

import pytest

from tandem_contracts import Envelope
from tandem_contracts.meetings import MeetingAttendanceRecorded
from tandem_contracts.topics import service_topic
from tandem_kit.testing import wait_until
from tandem_meetings.domain.attendance import event_id
from tests.kit.integration.harness import read_topic
from tests.meetings.integration.meetings_world import START, open_world

TYPE = MeetingAttendanceRecorded.event_type


@pytest.mark.kafka
async def test_the_attendance_event_reaches_the_topic(tmp_path: Path, kafka_bootstrap: str) -> None:
    topic = service_topic("meetings")
    async with open_world(tmp_path, kafka_bootstrap_servers=kafka_bootstrap, run_relay=True) as w:
        meeting = await w.schedule(w.mentor)
        assert meeting.status_code == 201, meeting.text
        meeting_id = meeting.json()["id"]
        w.clock.set(START.replace(day=9, hour=17, minute=10))
        recorded = await w.app.client.put(
            f"/v1/meetings/{meeting_id}/attendance",
            json={
                "members": [
                    {"participant_id": str(w.mentor.participant_id), "presence": "attended"},
                    {"participant_id": str(w.mentee.participant_id), "presence": "no_show"},
                ],
                "mode": "online",
                "duration_minutes": 20,
            },
            headers=w.headers(w.mentee),
        )
        assert recorded.status_code == 200, recorded.text

        async def ours() -> list[Envelope]:
            found = []
            for key, value, headers in await read_topic(kafka_bootstrap, topic, 1, timeout=5):
                envelope = Envelope.from_kafka(list(headers.items()), key, value)
                if envelope.type == TYPE and json.loads(envelope.data)["meeting_id"] == meeting_id:
                    found.append(envelope)
            return found

        async def arrived() -> bool:
            return bool(await ours())

        await wait_until(arrived, timeout=90)
        [envelope] = await ours()
        assert envelope.id == event_id(uuid.UUID(meeting_id), 1)
        event = MeetingAttendanceRecorded.model_validate_json(envelope.data)
        assert event.outcome.value == "no_show"
        assert [(a.participant_id, a.role.value) for a in event.attended] == [
            (w.mentor.participant_id, "mentor")
        ]
        assert (event.mode.value, event.duration_minutes) == ("online", 20)
        assert event.recorded_at == START.replace(day=9, hour=17, minute=10)
