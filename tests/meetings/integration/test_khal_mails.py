"""The invitations meetings really mails, imported into khal as a receiver would.

test_khal.py imports what the calendar module writes; this test starts one step later:
a meeting is scheduled, rescheduled and cancelled through the API, the kit's mail relay
delivers the outbox to aiosmtpd, and every ``text/calendar`` part of the received mails
is read by the second parser (``ical``) and then imported, in the order sent, into a
khal of each recipient's own zone. khal 0.10.5 keeps a cancelled event and marks it
(see test_khal.py), so the end state is one event, at the rescheduled time, CANCELLED.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime
from email.message import EmailMessage
from pathlib import Path

import pytest

from tests.meetings.integration.invitation_mail import deliver_mails, ics_of, parsed
from tests.meetings.integration.meetings_world import open_world
from tests.meetings.integration.test_khal import Khal, only
from tests.support.smtp import SmtpTestServer, smtp_test_server

# Inside the window test_khal's listing reads (June 2026 onwards) and the pair's
# relationship (until 1 September 2026); both zones are on summer time then.
FIRST_START = datetime(2026, 6, 15, 16, 0, tzinfo=UTC)
MOVED_START = datetime(2026, 6, 17, 18, 30, tzinfo=UTC)


@pytest.fixture
async def smtp() -> AsyncIterator[SmtpTestServer]:
    async with smtp_test_server() as server:
        yield server


# What each member's khal shows, worked out by hand: Max in Lisbon (WEST, +01:00), Ana
# in New York (EDT, -04:00); first the scheduled time, then the rescheduled one.
SHOWN = {
    "max@example.org": [
        ("2026-06-15 17:00", "2026-06-15 18:00"),
        ("2026-06-17 19:30", "2026-06-17 20:30"),
    ],
    "ana@example.org": [
        ("2026-06-15 12:00", "2026-06-15 13:00"),
        ("2026-06-17 14:30", "2026-06-17 15:30"),
    ],
}


async def received_batch(smtp: SmtpTestServer) -> dict[str, EmailMessage]:
    """The mails of one change, by recipient (one each), then an empty catcher."""
    mails = {str(m["To"]): m for m in smtp.unique()}
    assert len(mails) == len(smtp.unique()), [m["To"] for m in smtp.unique()]
    smtp.clear()
    return mails


async def test_the_mailed_invitations_update_and_cancel_one_event_in_khal(
    tmp_path: Path, smtp: SmtpTestServer
) -> None:
    async with open_world(tmp_path / "world") as w:
        people = {f"{p.subject}@example.org": p for p in (w.mentor, w.mentee)}
        khals = {
            address: Khal(tmp_path / person.subject, person.time_zone)
            for address, person in people.items()
        }

        made = await w.schedule(w.mentor, starts_at=FIRST_START.isoformat(), duration_minutes=60)
        assert made.status_code == 201, made.text
        meeting = made.json()
        await deliver_mails(w.app, smtp)
        scheduled = await received_batch(smtp)

        moved = await w.app.client.patch(
            f"/v1/meetings/{meeting['id']}",
            json={"starts_at": MOVED_START.isoformat()},
            headers=w.headers(w.mentee),
        )
        assert moved.status_code == 200, moved.text
        await deliver_mails(w.app, smtp)
        rescheduled = await received_batch(smtp)

        cancelled = await w.app.client.post(
            f"/v1/meetings/{meeting['id']}/cancel",
            json={"reason": "illness"},
            headers=w.headers(w.mentor),
        )
        assert cancelled.status_code == 200, cancelled.text
        await deliver_mails(w.app, smtp)
        cancellation = await received_batch(smtp)

        batches = [("request", scheduled), ("update", rescheduled), ("cancel", cancellation)]
        for _, batch in batches:
            assert set(batch) == set(people)  # each member, every time

        for address, khal in khals.items():
            for step, (name, batch) in enumerate(batches):
                mail = batch[address]
                # The second parser reads the part first: METHOD as the part says, one UID.
                calendar, event = parsed(mail)
                methods = {
                    p.get_param("method")
                    for p in mail.iter_attachments()
                    if p.get_content_type() == "text/calendar"
                }
                assert methods == {calendar.method}
                assert calendar.method == ("CANCEL" if name == "cancel" else "REQUEST")
                assert (event.uid, event.sequence) == (meeting["ical_uid"], step)
                khal.import_ics(ics_of(mail), f"{step}-{name}")

                shown = only(khal.listed())  # never a second event
                assert shown.uid == meeting["ical_uid"]
                assert (shown.start, shown.end) == SHOWN[address][min(step, 1)], name
                if name == "cancel":
                    assert (shown.status, shown.cancelled) == ("CANCELLED", "CANCELLED")
                else:
                    assert shown.cancelled == "", name
            assert len(khal.stored_files()) == 1
