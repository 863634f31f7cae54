"""What a meeting's mail says, as records: the facts every recipient's mail shows,
before they are put into the recipient's language and time zone.

Times are aware datetimes (UTC in the database); the mail shows them in each
recipient's zone. Names and places arrive opened (the mail is rendered inside the
use case's transaction and queued there; the kit's mail outbox keeps it sealed).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from tandem_contracts.meetings import CancelReason, MeetingMode
from tandem_meetings.domain.places import Place


@dataclass(frozen=True, slots=True)
class Span:
    """A meeting's (or a proposed time's) start and end."""

    starts_at: datetime
    ends_at: datetime


@dataclass(frozen=True, slots=True)
class Person:
    """Someone a mail lists (not its recipient); no name until their contact arrives."""

    display_name: str | None
    role: str  # a tandem_contracts.common.Role value: mentor, mentee or manager


@dataclass(frozen=True, slots=True)
class RsvpLinks:
    """The recipient's own one-click answers (signed links, one per answer)."""

    accept: str
    tentative: str
    decline: str


@dataclass(frozen=True, slots=True)
class MeetingMail:
    """One meeting as its mails show it.

    ``activity_key`` is the plan's key (``kick_off``, ``regular``, …); a key the
    catalog does not know shows ``activity_name``, the manager's own words.
    ``video_link`` None on an online meeting means the link is pending.
    ``options`` are the proposed times (meeting-proposals), ``previous`` the time
    before a change (meeting-updated), ``reason`` why it was cancelled, ``link``
    the meeting's (or the plan's) page on Tandem.
    """

    programme: str
    span: Span
    mode: MeetingMode
    activity_key: str | None = None
    activity_name: str | None = None
    place: Place | None = None
    video_link: str | None = None
    members: tuple[Person, ...] = ()
    options: tuple[Span, ...] = ()
    previous: Span | None = None
    reason: CancelReason | None = None
    link: str | None = None
