"""Meetings' mail catalog and the words its placeholders need, in the reader's
language and time zone (Babel, CLDR).

``MAILS`` refuses to load unless it renders exactly the contract's meeting templates
(``tandem_contracts.mails``) and every language's ``meetings.po`` is complete. The
helpers below turn a :class:`~tandem_meetings.domain.invitations.MeetingMail` into the
placeholders' values for one recipient: times in *their* zone, named after the zone's
city in *their* language, so that a mentor in Athens and a mentee in Lisbon each read
their own clock.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from functools import lru_cache
from pathlib import Path
from zoneinfo import ZoneInfo

from babel.dates import format_date, format_interval, get_timezone_location

import tandem_meetings
from tandem_contracts.meetings import CancelReason, MeetingMode
from tandem_kit.i18n import MailCatalog, MailTemplate, Msg, Words
from tandem_meetings.domain import mail_texts as texts
from tandem_meetings.domain.invitations import MeetingMail, Person, RsvpLinks, Span
from tandem_meetings.domain.places import Place
from tandem_meetings.domain.rsvp_links import RsvpResponse

LOCALE = Path(tandem_meetings.__file__).parent / "locale"


def _msg(context: str, source: texts.Text) -> Msg:
    return Msg(context, source) if isinstance(source, str) else Msg(context, *source)


MAILS = MailCatalog(
    "meetings",
    LOCALE,
    [
        MailTemplate(name, _msg(f"{name}.subject", subject), _msg(f"{name}.text", text))
        for name, (subject, text) in texts.TEMPLATES.items()
    ],
    [_msg(context, source) for context, source in texts.WORDS.items()],
)
WORDS = {context: _msg(context, source) for context, source in texts.WORDS.items()}

_ROLES = {"mentor": texts.ROLE_MENTOR, "mentee": texts.ROLE_MENTEE, "manager": texts.ROLE_MANAGER}
_ACTIVITIES = {
    "kick_off": texts.ACTIVITY_KICK_OFF,
    "regular": texts.ACTIVITY_REGULAR,
    "midpoint_review": texts.ACTIVITY_MIDPOINT_REVIEW,
    "closing": texts.ACTIVITY_CLOSING,
}
_MODES = {MeetingMode.ONLINE: texts.MODE_ONLINE, MeetingMode.FACE_TO_FACE: texts.MODE_FACE_TO_FACE}
_RSVP = {
    RsvpResponse.ACCEPTED: texts.RSVP_ACCEPTED,
    RsvpResponse.TENTATIVE: texts.RSVP_TENTATIVE,
    RsvpResponse.DECLINED: texts.RSVP_DECLINED,
}


def _word(words: Words, context: str, **values: object) -> str:
    return words.text(WORDS[context], **values)


def zone_name(words: Words, time_zone: str) -> str:
    """ "Lisbon time": the zone's exemplar city in the reader's language (CLDR)."""
    return _zone_name(words.language, time_zone)


@lru_cache(maxsize=64)
def _words(language: str) -> Words:
    return MAILS.words(language)


# Babel's formatting costs most of a mail; the same times in the same zone and language
# come back all the time (a programme's starts propose the same few hours), and the
# catalog and CLDR never change while the process runs.
@lru_cache(maxsize=4096)
def _zone_name(language: str, time_zone: str) -> str:
    words = _words(language)
    city = get_timezone_location(ZoneInfo(time_zone), locale=words.locale, return_city=True)
    return _word(words, texts.ZONE, city=city)


def when(words: Words, span: Span, time_zone: str) -> str:
    """The span in the reader's zone and language, with the zone named:
    "Tuesday, March 2, 2027 at 6:00 – 7:00 PM (Lisbon time)"."""
    return _when(words.language, span.starts_at, span.ends_at, time_zone)


@lru_cache(maxsize=16_384)
def _when(language: str, starts_at: datetime, ends_at: datetime, time_zone: str) -> str:
    words = _words(language)
    zone = ZoneInfo(time_zone)
    start, end = starts_at.astimezone(zone), ends_at.astimezone(zone)
    if start.date() == end.date():
        # CLDR's interval format of the locale's own clock (12 or 24 hours), joined to
        # the full date by the locale's date-time pattern, as Words.moment does.
        clock = "hm" if "h" in str(words.locale.time_formats["short"]) else "Hm"
        hours = format_interval(start, end, clock, tzinfo=zone, locale=words.locale)
        pattern = str(words.locale.datetime_formats["full"]).replace("'", "")
        date = format_date(start, "full", locale=words.locale)
        shown = pattern.replace("{0}", hours).replace("{1}", date)
    else:  # across local midnight: both ends in full
        shown = f"{words.moment(start, time_zone)} – {words.moment(end, time_zone)}"
    return f"{shown} ({zone_name(words, time_zone)})"


def where(words: Words, mode: MeetingMode, place: Place | None, video_link: str | None) -> str:
    """The place of a face-to-face meeting, or the video link (or that it is pending)."""
    if mode is MeetingMode.FACE_TO_FACE and place is not None:
        shown = (
            _word(words, texts.WHERE_PLACE, place=place.name, address=place.address)
            if place.address
            else _word(words, texts.WHERE_PLACE_NAME, place=place.name)
        )
        return f"{shown} ({place.notes})" if place.notes else shown
    if video_link:
        return _word(words, texts.WHERE_ONLINE, link=video_link)
    return _word(words, texts.WHERE_LINK_PENDING)


def role(words: Words, value: str) -> str:
    return _word(words, _ROLES[value]) if value in _ROLES else value


def members(words: Words, people: Iterable[Person]) -> str:
    """One line per member: "- Ana Costa (mentee)"."""
    return "\n".join(
        f"- {person.display_name or _word(words, texts.SOMEONE)} ({role(words, person.role)})"
        for person in people
    )


def options(words: Words, spans: Iterable[Span], time_zone: str) -> str:
    """One line per proposed time, in the reader's zone."""
    return "\n".join(f"- {when(words, span, time_zone)}" for span in spans)


def activity(words: Words, key: str | None, name: str | None = None) -> str:
    """The plan's activity in the reader's words; a key of the manager's own is shown
    as the manager named it, and a meeting of no activity is a mentoring meeting."""
    if key in _ACTIVITIES:
        return _word(words, _ACTIVITIES[key])
    return name or key or _word(words, texts.ACTIVITY_MEETING)


def mode(words: Words, value: MeetingMode) -> str:
    return _word(words, _MODES[value])


def reason(words: Words, value: CancelReason) -> str:
    return _word(words, f"reason.{value.value}")


def rsvp(words: Words, answer: RsvpResponse) -> str:
    """An RSVP answer in the reader's words."""
    return _word(words, _RSVP[answer])


def mail_values(
    words: Words, time_zone: str, meeting: MeetingMail, links: RsvpLinks | None = None
) -> dict[str, object]:
    """Every placeholder value the meeting gives, for a reader in ``time_zone``.

    A template uses the ones it names; one it names but the meeting lacks (a
    cancellation without its reason) is left out here, so rendering fails loudly.
    """
    values: dict[str, object] = {
        "programme": meeting.programme,
        "activity": activity(words, meeting.activity_key, meeting.activity_name),
        "when": when(words, meeting.span, time_zone),
        "where": where(words, meeting.mode, meeting.place, meeting.video_link),
        "members": members(words, meeting.members),
        "options": options(words, meeting.options, time_zone),
    }
    if meeting.previous is not None:
        values["previous"] = when(words, meeting.previous, time_zone)
    if meeting.reason is not None:
        values["reason"] = reason(words, meeting.reason)
    if meeting.link is not None:
        values["link"] = meeting.link
    if links is not None:
        values |= {"accept": links.accept, "tentative": links.tentative, "decline": links.decline}
    return values
