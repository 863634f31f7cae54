"""With the real broker: matching's ``relationship.ended`` reaches the meetings consumer over
Kafka and cancels the relationship's future meetings (one under way and another pair's
stay), with a cancellation mail to each member (aiosmtpd); ``participant.erased`` and her
contact's tombstone make meetings forget the mentee (her export is empty, her attendee rows
anonymised)."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from tandem_contracts import CONTACTS_TOPIC, Envelope, service_topic
from tandem_contracts.contacts import ParticipantContact
from tandem_contracts.matching import ParticipantErased
from tandem_kit import directory
from tandem_kit.kafka import create_producer
from tandem_kit.testing import wait_until
from tandem_meetings.adapters.tables import meeting_attendees
from tests.meetings.integration.invitation_mail import deliver_mails, parsed
from tests.meetings.integration.meetings_world import World, open_world
from tests.support.groups import start_group_at_the_end
from tests.support.smtp import SmtpTestServer, smtp_test_server

pytestmark = [pytest.mark.kafka]


@pytest.fixture
async def smtp() -> AsyncIterator[SmtpTestServer]:
    async with smtp_test_server() as server:
        yield server


async def _publish(bootstrap: str, records: list[tuple[str, Envelope]]) -> None:
    """As matching's relay does: each envelope's key, headers and value on its topic."""
    producer = create_producer(bootstrap)
    await producer.start()
    try:
        for topic, envelope in records:
            await producer.send_and_wait(
                topic,
                value=envelope.kafka_value(),
                key=envelope.key.encode(),
                headers=envelope.kafka_headers(),
            )
    finally:
        await producer.stop()


async def _meeting(w: World, meeting: dict[str, Any]) -> Any:
    shown = await w.app.client.get(f"/v1/meetings/{meeting['id']}", headers=w.headers(w.mentor))
    assert shown.status_code == 200, shown.text
    return shown.json()


async def test_an_end_and_an_erasure_over_the_broker(
    tmp_path: Path, kafka_bootstrap: str, smtp: SmtpTestServer
) -> None:
    # A new group at the topics' ends: earlier runs' events (other worlds' starts, their
    # proposal mails) are not this test's.
    group = f"tandem.meetings.broker-{uuid.uuid4().hex[:8]}"
    for topic in (service_topic("matching"), CONTACTS_TOPIC, service_topic("messaging")):
        await start_group_at_the_end(kafka_bootstrap, group, topic)
    async with open_world(
        tmp_path,
        kafka_bootstrap_servers=kafka_bootstrap,
        run_consumers=True,
        kafka_consumer_group=group,
    ) as w:
        under_way = (await w.schedule(w.mentor, starts_at="2026-03-02T10:00:00Z")).json()
        later = (await w.schedule(w.mentee, starts_at="2026-03-20T10:00:00Z")).json()
        elsewhere = (await w.schedule(w.mentor, w.other, starts_at="2026-03-21T10:00:00Z")).json()
        await deliver_mails(w.app, smtp)
        smtp.clear()
        w.clock.advance(hours=1, minutes=15)  # the first is under way

        end = w.ended(w.pair)
        await _publish(kafka_bootstrap, [(end.topic(), Envelope.wrap(end))])

        async def cancelled() -> bool:
            return bool((await _meeting(w, later))["status"] == "cancelled")

        await wait_until(cancelled, timeout=60)
        shown = await _meeting(w, later)
        assert shown["cancellation"]["reason"] == "relationship_ended"
        assert shown["cancellation"]["cancelled_by"] == "system"
        for untouched in (under_way, elsewhere):
            assert (await _meeting(w, untouched))["status"] == "scheduled"
        await deliver_mails(w.app, smtp)
        mails = sorted((str(m["To"]), parsed(m)[0].method, parsed(m)[1].uid) for m in smtp.unique())
        assert mails == sorted(
            (f"{p.subject}@example.org", "CANCEL", later["ical_uid"]) for p in (w.mentor, w.mentee)
        )

        # The erasure, as matching publishes it: the event, then the contact's tombstone.
        ana = w.mentee.participant_id
        erased = ParticipantErased(
            programme_id=w.programme, participant_id=ana, subject=w.mentee.subject
        )
        tombstone = Envelope.tombstone_of(ParticipantContact, str(ana))
        await _publish(
            kafka_bootstrap, [(erased.topic(), Envelope.wrap(erased)), (CONTACTS_TOPIC, tombstone)]
        )

        async def forgot_her() -> bool:
            async with w.app.runtime.database.transaction() as session:
                return await directory.is_erased(session, ana)

        await wait_until(forgot_her, timeout=60)
        exported = (await w.app.client.get("/v1/me/export", headers=w.headers(w.mentee))).json()
        for part in ("participations", "memberships", "meetings", "goals", "notes", "reminders"):
            assert exported[part] == [], part
        async with w.app.runtime.database.transaction() as session:
            hers = await session.scalar(
                select(func.count())
                .select_from(meeting_attendees)
                .where(meeting_attendees.c.participant_id == ana)
            )
            anonymous = await session.scalar(
                select(func.count())
                .select_from(meeting_attendees)
                .where(meeting_attendees.c.erased.is_(True))
            )
        assert (hers, anonymous) == (0, 2)  # her two meetings keep a mentee, unnamed
        mentees = [a for a in (await _meeting(w, later))["attendees"] if a["role"] == "mentee"]
        assert [a["participant_id"] for a in mentees] == [None]
