"""Reading the invitations meetings sends, as a receiver would: the real mails taken from
an aiosmtpd server, their text, their one-click links and their ``text/calendar`` part
(read back with ``ical``, a parser that shares no code with the ``icalendar`` writer)."""

from __future__ import annotations

import re
from email.message import EmailMessage

from ical.calendar import Calendar
from ical.calendar_stream import IcsCalendarStream
from ical.event import Event

from tandem_kit.mail import MailRelay
from tandem_kit.testing import RunningApp
from tandem_meetings.settings import MeetingsSettings
from tests.support.smtp import SmtpTestServer


async def deliver_mails(app: RunningApp[MeetingsSettings], smtp: SmtpTestServer) -> None:
    """Send what the mail outbox holds now, through the kit's relay, to the test server."""
    relay = MailRelay(app.runtime.database, smtp.settings(), service="meetings", retry_backoff=0)
    await relay.send_pending_once()


def text_of(mail: EmailMessage) -> str:
    part = mail.get_body(("plain",))
    assert part is not None, "the mail has no text part"
    return str(part.get_content())


def calendar_part(mail: EmailMessage) -> EmailMessage:
    parts = [p for p in mail.iter_attachments() if p.get_content_type() == "text/calendar"]
    assert len(parts) == 1, [p.get_content_type() for p in mail.iter_attachments()]
    part = parts[0]
    assert isinstance(part, EmailMessage)
    return part


def ics_of(mail: EmailMessage) -> bytes:
    payload = calendar_part(mail).get_payload(decode=True)
    assert isinstance(payload, bytes)
    return payload


def parsed(mail: EmailMessage) -> tuple[Calendar, Event]:
    calendar = IcsCalendarStream.calendar_from_ics(ics_of(mail).decode("utf-8"))
    assert len(calendar.events) == 1
    return calendar, calendar.events[0]


def rsvp_links(mail: EmailMessage) -> list[str]:
    """The one-click links in the mail's text, in order (accept, maybe, decline)."""
    return re.findall(r"https?://\S+/v1/rsvp/[A-Za-z0-9_-]+", text_of(mail))


def only(mails: list[EmailMessage], to: str) -> EmailMessage:
    found = [m for m in mails if m["To"] == to]
    assert len(found) == 1, [(m["To"], m["Subject"]) for m in mails]
    return found[0]
