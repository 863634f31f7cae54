"""A meeting's mails: the invitation, each update and the cancellation, one per member,
each with its iCalendar part, queued in the transaction of the change.

Every schedule, significant reschedule (time, duration or place), cancel, and video link
that arrives after its invitation (``Change.LINK_READY``) calls :func:`announce` in its
own transaction, so a mail exists exactly when the change does.
Each invited member (an attendee row that is not erased and whose contact the
directory holds) gets one mail in their language, with every time in their zone, their
own video link, their own one-click RSVP links, and ``invite.ics``: METHOD REQUEST (or
CANCEL), the meeting's one UID, its stored SEQUENCE, the programme as ORGANIZER and
every member an ATTENDEE with the PARTSTAT of their attendee row. The mail's key is the
meeting, the member, the SEQUENCE and the kind, so a retried use case (or a redelivered
event) queues nothing twice.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import timedelta
from enum import StrEnum
from uuid import UUID

from sqlalchemy.ext.asyncio import AsyncSession

from tandem_contracts.common import Role
from tandem_contracts.meetings import MeetingMode
from tandem_kit import directory
from tandem_kit.directory import Contact
from tandem_kit.i18n import Wording
from tandem_kit.mail import Attachment, MailRelay, RenderedMail, queue_rendered
from tandem_kit.privacy import participant
from tandem_kit.runtime import Runtime
from tandem_meetings.adapters import invitations as words_of
from tandem_meetings.adapters import meetings as repo
from tandem_meetings.adapters import relationships as relationship_repo
from tandem_meetings.adapters.invitations import MAILS, mail_values
from tandem_meetings.domain import calendar
from tandem_meetings.domain import mail_texts as texts
from tandem_meetings.domain.calendar import CalendarEntry, CalendarPerson, EntryStatus, Method
from tandem_meetings.domain.invitations import MeetingMail, Person, RsvpLinks, Span
from tandem_meetings.domain.meetings import Attendee, Meeting, Partstat, local_time
from tandem_meetings.domain.places import Place
from tandem_meetings.domain.relationships import Member
from tandem_meetings.domain.rsvp_links import (
    RsvpResponse,
    new_nonce,
    rsvp_expiry,
    rsvp_url,
    sign_rsvp,
)
from tandem_meetings.domain.video_links import VideoLink
from tandem_meetings.service import sealing
from tandem_meetings.service.context import Context
from tandem_meetings.service.video import url_for
from tandem_meetings.settings import MeetingsSettings

ATTACHMENT_NAME = "invite.ics"
DEFAULT_PROGRAMME_NAME = "Tandem"


def render_mail(
    template: str,
    to: Contact,
    meeting: MeetingMail,
    *,
    wording: Wording | None = None,
    rsvp: RsvpLinks | None = None,
) -> RenderedMail:
    """``template`` (a meetings template of ``tandem_contracts.mails``) for ``to``.

    The language is the recipient's if the catalog (or the programme's override)
    has it, else the programme's first that does, else English; every time is
    shown in ``to.time_zone``. ``rsvp``: the recipient's own one-click links, for
    the templates that offer them (a template whose value is missing raises
    ``MissingTemplateValueError``, never sends a hole).
    """
    wording = wording or Wording()
    language = MAILS.negotiate(template, to.language, wording)
    words = MAILS.words(language)
    values = mail_values(words, to.time_zone, meeting, rsvp)
    return MAILS.render(template, language, wording, name=to.display_name, **values)


class Change(StrEnum):
    """What happened to the meeting; each is one kind of mail."""

    SCHEDULED = "scheduled"
    RESCHEDULED = "rescheduled"
    CANCELLED = "cancelled"
    # The video link was pending when the invitation went and has arrived: the
    # invitation again, with the link, at the same SEQUENCE (service/link_retry.py).
    LINK_READY = "link-ready"


_TEMPLATES = {
    Change.SCHEDULED: texts.INVITATION,
    Change.LINK_READY: texts.INVITATION,
    Change.RESCHEDULED: texts.UPDATED,
    Change.CANCELLED: texts.CANCELLED,
}


def mail_key(meeting: Meeting, participant_id: UUID, change: Change) -> str:
    """One mail per meeting, member, revision and kind: a retry queues nothing new."""
    return f"meetings/{change.value}/{meeting.id}/{participant_id}/{meeting.sequence}"


@dataclass(frozen=True, slots=True)
class _Setting:
    """What every member's mail of one change shares, read once."""

    meeting: Meeting
    change: Change
    programme: str
    wording: Wording
    organizer: CalendarPerson
    invited: tuple[tuple[Attendee, Contact], ...]
    members: dict[UUID, Member]
    place: Place | None
    link: VideoLink | None
    previous: Span | None


async def announce(
    ctx: Context,
    session: AsyncSession,
    meeting: Meeting,
    change: Change | str,
    previous: Meeting | None = None,
) -> int:
    """Queue the change's mail to every invited member; how many were queued."""
    setting = await _setting(ctx, session, meeting, Change(change), previous)
    # Each mail names every member it lists (and its recipient): erasing any of them
    # deletes it, sent or not (tandem_kit.privacy).
    names = [participant(a.participant_id) for a, _ in setting.invited if a.participant_id]
    queued = 0
    for attendee, contact in setting.invited:
        assert attendee.participant_id is not None
        mail, ics = _mail_for(ctx, setting, attendee, contact)
        method = Method.CANCEL if setting.change is Change.CANCELLED else Method.REQUEST
        queued += await queue_rendered(
            session,
            mail,
            recipient=contact.email,
            idempotency_key=mail_key(meeting, attendee.participant_id, setting.change),
            attachments=[Attachment(ATTACHMENT_NAME, calendar.content_type(method), ics)],
            names=names,
        )
    return queued


async def _setting(
    ctx: Context,
    session: AsyncSession,
    meeting: Meeting,
    change: Change,
    previous: Meeting | None,
) -> _Setting:
    programme = await directory.programme(session, meeting.programme_id)
    name = programme.name if programme is not None and programme.name else None
    attendees = [a for a in await repo.attendees_of(session, meeting.id) if not a.erased]
    people = await directory.participants_by_id(
        session, [a.participant_id for a in attendees if a.participant_id is not None]
    )
    invited = tuple(
        (a, people[a.participant_id].contact)
        for a in attendees
        if a.participant_id is not None and a.participant_id in people
    )
    relationship = await relationship_repo.by_id(session, meeting.relationship_id)
    assert relationship is not None, "a meeting's relationship is kept for its life"
    key = sealing.relationship_key(ctx.keyring, relationship)
    place = sealing.open_place(key, meeting)
    members = await relationship_repo.members_of(session, relationship.id)
    return _Setting(
        meeting=meeting,
        change=change,
        programme=name or DEFAULT_PROGRAMME_NAME,
        wording=programme.wording if programme is not None else Wording(),
        organizer=CalendarPerson(ctx.settings.organizer_email, name or DEFAULT_PROGRAMME_NAME),
        invited=invited,
        members={m.participant_id: m for m in members},
        place=place,
        link=sealing.open_link(key, meeting) if meeting.mode is MeetingMode.ONLINE else None,
        previous=Span(previous.starts_at, previous.ends_at) if previous is not None else None,
    )


def _mail_for(
    ctx: Context, setting: _Setting, attendee: Attendee, contact: Contact
) -> tuple[RenderedMail, str]:
    """The member's mail and its calendar file, in their language and zone."""
    assert attendee.participant_id is not None
    meeting = setting.meeting
    member = setting.members.get(attendee.participant_id)
    video = url_for(setting.link, member)[0] if setting.link and member else None
    _, zone = local_time(meeting.starts_at, contact.time_zone)  # UTC if the zone is unknown
    facts = MeetingMail(
        programme=setting.programme,
        span=Span(meeting.starts_at, meeting.ends_at),
        mode=meeting.mode,
        activity_key=meeting.activity_key,
        place=setting.place,
        video_link=video,
        members=tuple(Person(c.display_name, a.role.value) for a, c in setting.invited),
        previous=setting.previous,
        reason=meeting.cancel_reason,
    )
    asks = setting.change is not Change.CANCELLED
    links = _rsvp_links(ctx, meeting, attendee.participant_id) if asks else None
    # In their zone (UTC if theirs is unknown): the mail's times and the file's TZID.
    reader = replace(contact, time_zone=zone)
    mail = render_mail(
        _TEMPLATES[setting.change], reader, facts, wording=setting.wording, rsvp=links
    )
    words = MAILS.words(mail.language)
    what = words_of.activity(words, meeting.activity_key)
    where = words_of.where(words, meeting.mode, setting.place, video)
    entry = CalendarEntry(
        uid=meeting.ical_uid,
        sequence=meeting.sequence,
        summary=f"{what} · {setting.programme}",
        description=f"{what} · {setting.programme}\n{where}",
        starts_at=meeting.starts_at,
        ends_at=meeting.ends_at,
        time_zone=zone,
        location=location(setting.place, video),
        url=video,
        organizer=setting.organizer,
        attendees=_attendees(setting.invited),
        status=EntryStatus.CONFIRMED if meeting.scheduled else EntryStatus.CANCELLED,
        created=meeting.created_at,
        last_modified=meeting.updated_at,
        dtstamp=ctx.now(),
    )
    method = Method.REQUEST if asks else Method.CANCEL
    return mail, calendar.invitation(entry, method).decode()


def _rsvp_links(ctx: Context, meeting: Meeting, participant_id: UUID) -> RsvpLinks:
    """The member's three one-click answers, each signed on its own (its own nonce)."""
    lifetime = timedelta(hours=ctx.settings.rsvp_link_lifetime_hours)
    expires = rsvp_expiry(ctx.now(), meeting.starts_at, lifetime)

    def link(response: RsvpResponse) -> str:
        token = sign_rsvp(
            ctx.rsvp_secret,
            meeting.id,
            participant_id,
            response,
            expires,
            new_nonce(),
            sequence=meeting.sequence,  # an invitation's links answer its own schedule only
        )
        return rsvp_url(ctx.settings.public_base_url, token)

    return RsvpLinks(
        accept=link(RsvpResponse.ACCEPTED),
        tentative=link(RsvpResponse.TENTATIVE),
        decline=link(RsvpResponse.DECLINED),
    )


def location(place: Place | None, video: str | None) -> str | None:
    if place is not None:
        return ", ".join(part for part in (place.name, place.address) if part)
    return video


def partstat(value: Partstat) -> calendar.PartStat:
    return calendar.PartStat(value.value.upper().replace("_", "-"))


def _attendees(invited: Sequence[tuple[Attendee, Contact]]) -> tuple[CalendarPerson, ...]:
    """Every invited member, the mentor chairing; PARTSTAT as their attendee row says."""
    return tuple(
        CalendarPerson(
            contact.email,
            contact.display_name,
            partstat(attendee.partstat),
            calendar.Role.CHAIR if attendee.role is Role.MENTOR else calendar.Role.REQ_PARTICIPANT,
        )
        for attendee, contact in invited
    )


def mail_relay(runtime: Runtime[MeetingsSettings]) -> MailRelay:
    """The kit's relay for meetings' mail outbox (declared in main.py, with the relay)."""
    settings = runtime.settings
    return MailRelay(
        runtime.database,
        settings.smtp,
        service=settings.service_name,
        poll_interval=settings.mail_poll_interval_seconds,
        retry_backoff=settings.mail_retry_backoff_seconds,
        max_attempts=settings.mail_max_attempts,
        lease_seconds=settings.mail_lease_seconds,
    )
