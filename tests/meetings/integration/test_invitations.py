"""Invitations by mail: one per member, in their language and zone, with a calendar part
whose METHOD matches the mail's, one UID for the meeting's life, SEQUENCE as stored,
PARTSTAT as answered, and one-click RSVP links that work. Real mails through aiosmtpd."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from tandem_contracts.common import Contact, Role
from tandem_contracts.contacts import ParticipantContact
from tandem_kit.mail import message_id_for
from tandem_meetings.adapters import meetings as meeting_repo
from tandem_meetings.domain.video_links import ProviderUnavailable, VideoProvider
from tandem_meetings.service import invitations
from tandem_meetings.service.context import Context
from tandem_meetings.service.invitations import Change, mail_key
from tandem_meetings.service.link_retry import retry_pending_links
from tests.conftest import UrlFactory
from tests.meetings.integration.invitation_mail import (
    calendar_part,
    deliver_mails,
    ics_of,
    only,
    parsed,
    rsvp_links,
    text_of,
)
from tests.meetings.integration.meetings_world import Person, World, open_world
from tests.support.smtp import SmtpTestServer, smtp_test_server

MAX, ANA = "max@example.org", "ana@example.org"
PLACE = {"name": "Café Central", "address": "Rua Augusta 1, Lisboa", "notes": "upstairs"}


@pytest.fixture
async def smtp() -> AsyncIterator[SmtpTestServer]:
    async with smtp_test_server() as server:
        yield server


def instant(moment: date | datetime) -> datetime:
    assert isinstance(moment, datetime), "a meeting has times, not just a date"
    return moment.astimezone(UTC)


async def speaks(w: World, person: Person, language: str) -> None:
    """The person's contact again, now with their language (the contacts topic)."""
    contact = person.contact()
    await w.app.deliver(
        ParticipantContact(
            programme_id=w.programme,
            participant_id=person.participant_id,
            role=Role(person.role),
            contact=Contact(**{**contact.model_dump(), "preferred_language": language}),
        )
    )


async def test_scheduling_mails_each_member_in_their_language_and_zone_with_a_request(
    tmp_path: Path, url_factory: UrlFactory, smtp: SmtpTestServer
) -> None:
    async with open_world(tmp_path, await url_factory("invite")) as w:
        await speaks(w, w.mentee, "es")
        made = await w.schedule(w.mentor)  # online, 9 March 2026 16:00-17:00 UTC
        assert made.status_code == 201, made.text
        meeting = made.json()
        await deliver_mails(w.app, smtp)
        mails = smtp.unique()
        assert sorted(m["To"] for m in mails) == [ANA, MAX]  # one per member, nobody else

        to_ana, to_max = only(mails, ANA), only(mails, MAX)
        assert to_ana["Content-Language"] == "es"
        assert to_max["Content-Language"] == "en"
        # Each reads their own clock: New York is on EDT since 8 March, Lisbon on WET.
        assert "12:00" in text_of(to_ana)
        assert "Nueva York" in text_of(to_ana)
        assert "4:00" in text_of(to_max)
        assert "Lisbon" in text_of(to_max)
        # The mentor's way in moderates; the mentee gets her own link, never his.
        assert meeting["link"]["url"] in text_of(to_max)

        for mail in (to_ana, to_max):
            part = calendar_part(mail)
            assert part.get_content_type() == "text/calendar"
            assert part.get_param("method") == "REQUEST"
            assert part.get_filename() == "invite.ics"
            calendar, event = parsed(mail)
            assert calendar.method == "REQUEST"
            assert (event.uid, event.sequence) == (meeting["ical_uid"], 0)
            assert instant(event.start) == datetime(2026, 3, 9, 16, tzinfo=UTC)
            assert instant(event.end) == datetime(2026, 3, 9, 17, tzinfo=UTC)
            assert event.organizer is not None
            assert event.organizer.uri == "mailto:no-reply@tandem.local"
            assert event.organizer.common_name == "Blended 2026"
            answers = {str(a.uri): a.status for a in event.attendees}
            # Max scheduled it (accepted); Ana is asked.
            assert answers == {f"mailto:{MAX}": "ACCEPTED", f"mailto:{ANA}": "NEEDS-ACTION"}
            assert {tz.tz_id for tz in calendar.timezones} <= {"Europe/Lisbon", "America/New_York"}
        assert b"TZID=America/New_York" in ics_of(to_ana)
        assert b"TZID=Europe/Lisbon" in ics_of(to_max)
        assert {tz.tz_id for tz in parsed(to_ana)[0].timezones} == {"America/New_York"}

        # Ana's "accept" link answers for her, once, without signing her in.
        accept, tentative, decline = rsvp_links(to_ana)
        assert len({accept, tentative, decline}) == 3
        answered = await w.app.client.post(accept)
        assert answered.status_code == 200, answered.text
        assert answered.json()["partstat"] == "accepted"
        assert "set-cookie" not in answered.headers
        shown = await w.app.client.get(f"/v1/meetings/{meeting['id']}", headers=w.headers(w.mentee))
        assert {a["role"]: a["partstat"] for a in shown.json()["attendees"]} == {
            "mentor": "accepted",
            "mentee": "accepted",
        }
        assert (await w.app.client.post(accept)).status_code == 409  # used


async def test_a_reschedule_sends_an_update_and_a_cancel_a_cancel_with_the_same_uid(
    tmp_path: Path, smtp: SmtpTestServer
) -> None:
    async with open_world(tmp_path) as w:
        made = await w.schedule(w.mentor, mode="face_to_face", place=PLACE)
        meeting = made.json()
        await deliver_mails(w.app, smtp)
        smtp.clear()

        moved = await w.app.client.patch(
            f"/v1/meetings/{meeting['id']}",
            json={"starts_at": "2026-03-10T18:30:00Z"},
            headers=w.headers(w.mentee),
        )
        assert moved.status_code == 200, moved.text
        await deliver_mails(w.app, smtp)
        mails = smtp.unique()
        assert sorted(m["To"] for m in mails) == [ANA, MAX]
        to_max = only(mails, MAX)
        assert str(to_max["Subject"]).startswith("Changed:")
        text = text_of(to_max)
        assert "Café Central, Rua Augusta 1, Lisboa" in text
        assert "4:00" in text
        assert "6:30" in text
        calendar, event = parsed(to_max)
        assert calendar.method == "REQUEST"
        assert (event.uid, event.sequence) == (meeting["ical_uid"], 1)
        assert instant(event.start) == datetime(2026, 3, 10, 18, 30, tzinfo=UTC)
        assert event.location == "Café Central, Rua Augusta 1, Lisboa"
        # Ana moved it, so she accepts it; Max is asked again.
        answers = {str(a.uri): a.status for a in event.attendees}
        assert answers == {f"mailto:{MAX}": "NEEDS-ACTION", f"mailto:{ANA}": "ACCEPTED"}
        assert len(rsvp_links(to_max)) == 3
        smtp.clear()

        cancelled = await w.app.client.post(
            f"/v1/meetings/{meeting['id']}/cancel",
            json={"reason": "illness"},
            headers=w.headers(w.mentor),
        )
        assert cancelled.status_code == 200, cancelled.text
        await deliver_mails(w.app, smtp)
        mails = smtp.unique()
        assert sorted(m["To"] for m in mails) == [ANA, MAX]
        for mail in mails:
            assert str(mail["Subject"]).startswith("Cancelled:")
            assert "illness" in text_of(mail)
            assert rsvp_links(mail) == []  # nothing to answer
            assert calendar_part(mail).get_param("method") == "CANCEL"
            calendar, event = parsed(mail)
            assert calendar.method == "CANCEL"
            assert (event.uid, event.sequence) == (meeting["ical_uid"], 2)
            assert str(event.status) in {"CANCELLED", "EventStatus.CANCELLED"}


async def test_an_ended_relationship_mails_each_member_the_cancellation_of_its_meetings(
    tmp_path: Path, smtp: SmtpTestServer
) -> None:
    async with open_world(tmp_path) as w:
        first = (await w.schedule(w.mentor)).json()
        second = (await w.schedule(w.mentee, starts_at="2026-03-16T16:00:00Z")).json()
        other = (await w.schedule(w.mentor, w.other, starts_at="2026-03-11T08:00:00Z")).json()
        await deliver_mails(w.app, smtp)
        smtp.clear()

        await w.app.deliver(w.ended(w.pair))
        await deliver_mails(w.app, smtp)
        mails = smtp.unique()
        cancelled = sorted((m["To"], parsed(m)[1].uid) for m in mails)
        assert cancelled == sorted(
            (to, uid) for to in (ANA, MAX) for uid in (first["ical_uid"], second["ical_uid"])
        )
        assert other["ical_uid"] not in {uid for _, uid in cancelled}  # Bea's pair goes on
        for mail in mails:
            assert parsed(mail)[0].method == "CANCEL"
            assert "the mentoring relationship has ended" in text_of(mail)
            assert "bea@example.org" not in ics_of(mail).decode()


async def test_a_change_is_mailed_once_however_often_it_is_announced(
    tmp_path: Path, smtp: SmtpTestServer
) -> None:
    async with open_world(tmp_path) as w:
        meeting = (await w.schedule(w.mentor)).json()
        ctx = Context.of(w.app.runtime)
        async with ctx.database.transaction() as session:
            stored = await meeting_repo.by_id(session, uuid.UUID(meeting["id"]))
            assert stored is not None
            again = await invitations.announce(ctx, session, stored, Change.SCHEDULED)
        assert again == 0  # the same meeting, members, SEQUENCE and kind: queued before
        await deliver_mails(w.app, smtp)
        mails = smtp.unique()
        assert len(smtp.messages) == len(mails) == 2
        assert only(mails, ANA)["Message-ID"] == message_id_for(
            mail_key(stored, w.mentee.participant_id, Change.SCHEDULED)
        )


async def test_a_member_without_a_contact_gets_nothing_and_is_not_listed(
    tmp_path: Path, smtp: SmtpTestServer
) -> None:
    async with open_world(tmp_path) as w:
        newcomer = Person("nia", "mentee", "Africa/Lagos")  # her contact never arrived
        group = uuid.uuid4()
        await w.app.deliver(w.started(group, w.mentor, w.mentee, newcomer))
        made = await w.schedule(w.mentor, group)
        assert made.status_code == 201, made.text
        await deliver_mails(w.app, smtp)
        mails = smtp.unique()
        assert sorted(m["To"] for m in mails) == [ANA, MAX]
        _, event = parsed(mails[0])
        assert {str(a.uri) for a in event.attendees} == {f"mailto:{MAX}", f"mailto:{ANA}"}


def _no_video() -> VideoProvider:
    raise ProviderUnavailable("the video server's configuration is missing")


async def test_a_video_link_that_arrives_late_is_mailed_with_the_same_sequence(
    tmp_path: Path, smtp: SmtpTestServer
) -> None:
    """The invitation went out with the link pending; when the link-retry worker gets it,
    every member is sent the invitation again, now with their link: METHOD:REQUEST, the
    same UID and the same SEQUENCE (a link is not a significant change, RFC 5546 2.1.4:
    the time is the same, so answers and the first invitation's RSVP links stay good)."""
    async with open_world(tmp_path, video=_no_video) as w:
        made = await w.schedule(w.mentor)
        assert made.json()["link_status"] == "pending"
        meeting = made.json()
        await deliver_mails(w.app, smtp)
        first = only(smtp.unique(), ANA)
        assert "not ready yet" in text_of(first)
        smtp.clear()

        assert await retry_pending_links(Context.of(w.app.runtime)) == 1
        await deliver_mails(w.app, smtp)
        mails = smtp.unique()
        assert sorted(m["To"] for m in mails) == [ANA, MAX]
        get = w.app.client.get
        for person, address in ((w.mentee, ANA), (w.mentor, MAX)):
            shown = await get(f"/v1/meetings/{meeting['id']}", headers=w.headers(person))
            url = shown.json()["link"]["url"]
            mail = only(mails, address)
            assert url in text_of(mail), "each member's own way in"
            assert "not ready yet" not in text_of(mail)
            calendar, event = parsed(mail)
            assert calendar.method == "REQUEST"
            assert (event.uid, event.sequence) == (meeting["ical_uid"], 0)
            assert event.location == url
            assert instant(event.start) == datetime(2026, 3, 9, 16, tzinfo=UTC)
        # Same SEQUENCE: the first invitation's one-click answer still holds.
        answered = await w.app.client.post(rsvp_links(first)[0])
        assert answered.status_code == 200, answered.text
        smtp.clear()
        assert await retry_pending_links(Context.of(w.app.runtime)) == 0
        await deliver_mails(w.app, smtp)
        assert smtp.messages == []  # the link is mailed once
