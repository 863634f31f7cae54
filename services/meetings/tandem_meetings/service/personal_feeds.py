"""Your personal calendar feed (webcal): make, rotate and revoke its URL; serve it.

The feed is fetched by calendar programs with no bearer token: the URL's token is the
credential (``domain/personal_feeds.py``). A fetch reads the token's holder, their
contact and one stamp per meeting; the digest of those is the version. A matching
``If-None-Match`` is answered 304 without rendering; a version rendered before (in this
process) is served from :data:`BODIES`; otherwise the body is rendered once, outside the
transaction and off the event loop (about 2 ms a meeting), and kept.

What a meeting shows is what the reader's invitation shows: the activity and programme,
the place or the reader's own video link, the programme as ORGANIZER, and the reader as
ATTENDEE with their answer. Other members' names and addresses stay out: a feed URL
is copied into calendar services that fetch it from their own servers, and no one else
needs them there.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from datetime import datetime
from uuid import UUID

from sqlalchemy.ext.asyncio import AsyncSession

from tandem_contracts.common import Role
from tandem_contracts.meetings import MeetingMode
from tandem_kit import directory
from tandem_kit.auth import Principal
from tandem_kit.errors import Forbidden, NotFound
from tandem_kit.i18n import Words
from tandem_meetings.adapters import invitations as words_of
from tandem_meetings.adapters import personal_feeds as repo
from tandem_meetings.adapters import relationships as relationship_repo
from tandem_meetings.adapters.invitations import MAILS
from tandem_meetings.domain import calendar
from tandem_meetings.domain import mail_texts as texts
from tandem_meetings.domain.calendar import CalendarEntry, CalendarPerson, EntryStatus
from tandem_meetings.domain.meetings import local_time
from tandem_meetings.domain.personal_feeds import (
    BodyCache,
    FeedReader,
    FeedWindow,
    Invited,
    etag_of,
    matches,
    new_token,
    stamp_of,
    token_hash,
    version_of,
    window_at,
)
from tandem_meetings.schemas.personal_feeds import CalendarFeedCreatedPublic, CalendarFeedPublic
from tandem_meetings.service import sealing
from tandem_meetings.service.context import Context
from tandem_meetings.service.invitations import DEFAULT_PROGRAMME_NAME, location, partstat
from tandem_meetings.service.video import url_for

FEED_NAME = "Tandem"
FEED_PATH = "/v1/calendar-feeds/{token}.ics"
# Rendered bodies kept per process (about 1.3 kB a meeting: some 25 feeds of 1000).
BODIES = BodyCache(max_bytes=32 * 1024 * 1024)


def _urls(base: str, token: str) -> tuple[str, str]:
    url = base.rstrip("/") + FEED_PATH.format(token=token)
    return url, "webcal://" + url.split("://", 1)[1]


async def _require_granted_memberships(
    session: AsyncSession, principal: Principal, now: datetime
) -> None:
    """The feed is fetched without a token, so its roles are checked when it is made: a
    membership whose role the token no longer grants (a revoked grant) makes no feed, as
    it would show that relationship's places and links (access.py's rule)."""
    held = await relationship_repo.active_roles_of_subject(session, principal.subject)
    shown = await repo.invited(session, principal.subject, window_at(now))
    held |= {(row.meeting.programme_id, row.member.role) for row in shown}
    if any(not principal.acts_as(role.value, programme) for programme, role in held):
        raise Forbidden(
            "Your token does not grant your role in every programme whose meetings the "
            "feed would show; sign in again with your current roles.",
            code="memberships_not_granted",
        )


async def create(ctx: Context, principal: Principal) -> CalendarFeedCreatedPublic:
    """A new feed URL for the caller; any URL they had before stops working."""
    token, now = new_token(), ctx.now()
    hashed = token_hash(token)
    assert hashed is not None, "a new token has the token's shape"
    async with ctx.database.transaction() as session:
        await _require_granted_memberships(session, principal, now)
        await repo.replace_token(session, principal.subject, hashed, now)
    BODIES.forget(principal.subject)
    url, webcal = _urls(ctx.settings.public_base_url, token)
    return CalendarFeedCreatedPublic(url=url, webcal_url=webcal, created_at=now)


async def describe(ctx: Context, principal: Principal) -> CalendarFeedPublic:
    async with ctx.database.transaction() as session:
        made = await repo.created_at(session, principal.subject)
    return CalendarFeedPublic(active=made is not None, created_at=made)


async def revoke(ctx: Context, principal: Principal) -> None:
    """The caller's feed URL stops working (nothing to revoke is no error: it is gone)."""
    async with ctx.database.transaction() as session:
        await forget_subject(session, principal.subject)


async def forget_subject(session: AsyncSession, subject: str) -> None:
    """Delete the subject's feed token (revocation, and their part of an erasure)."""
    await repo.delete_token(session, subject)
    BODIES.forget(subject)


def no_feed() -> NotFound:
    # One answer for a malformed, unknown, rotated or revoked token: none tells which.
    return NotFound("No such calendar feed.", code="calendar_feed_not_found")


@dataclass(frozen=True, slots=True)
class FeedAnswer:
    """The feed's ETag, and its body unless the caller's copy is current (304)."""

    etag: str
    body: bytes | None


async def fetch(ctx: Context, token: str, if_none_match: str | None) -> FeedAnswer:
    hashed = token_hash(token)
    if hashed is None:
        raise no_feed()
    window = window_at(ctx.now())
    async with ctx.database.transaction() as session:
        holder = await repo.holder_of(session, hashed)
        if holder is None:
            raise no_feed()
        reader = await _reader(session, *holder)
        stamps = await repo.stamps(session, reader.subject, window)
        names = await _programme_names(session, {stamp[4] for stamp in stamps})
        version = version_of(reader, [(*s, names.get(s[4])) for s in stamps])
        if matches(if_none_match, etag_of(version)):
            return FeedAnswer(etag_of(version), None)
        cached = BODIES.get(version)
        if cached is not None:
            return FeedAnswer(etag_of(version), cached)
        entries, version = await _entries(ctx, session, reader, window, names)
    body = await asyncio.to_thread(calendar.feed, entries, FEED_NAME, _zone(reader))
    BODIES.put(version, reader.subject, body)
    return FeedAnswer(etag_of(version), body)


async def _reader(session: AsyncSession, subject: str, created: datetime) -> FeedReader:
    contact = await directory.contact_of_subject(session, subject)
    if contact is None:  # not heard of yet: UTC, English, no ATTENDEE line
        return FeedReader(subject, created, None, None, None, None)
    return FeedReader(
        subject, created, contact.display_name, contact.email, contact.language, contact.time_zone
    )


def _zone(reader: FeedReader) -> str:
    return local_time(reader.token_created_at, reader.time_zone)[1]  # UTC if unknown


async def _programme_names(session: AsyncSession, ids: set[object]) -> dict[object, str]:
    names: dict[object, str] = {}
    for programme_id in ids:
        assert isinstance(programme_id, UUID)
        programme = await directory.programme(session, programme_id)
        names[programme_id] = (programme.name if programme else None) or DEFAULT_PROGRAMME_NAME
    return names


async def _entries(
    ctx: Context,
    session: AsyncSession,
    reader: FeedReader,
    window: FeedWindow,
    names: dict[object, str],
) -> tuple[list[CalendarEntry], str]:
    """The feed's entries and the version of exactly these rows (another transaction may
    have committed since the stamps were read: the body is filed under what it shows)."""
    rows = await repo.invited(session, reader.subject, window)
    missing = {row.meeting.programme_id for row in rows} - set(names)
    names = {**names, **await _programme_names(session, set(missing))}
    words = MAILS.words(MAILS.negotiate(texts.INVITATION, reader.language))
    keys: dict[UUID, bytes] = {}
    entries = []
    for row in rows:
        relationship_id = row.meeting.relationship_id
        if relationship_id not in keys:
            relationship = await relationship_repo.by_id(session, relationship_id)
            assert relationship is not None, "a meeting's relationship is kept for its life"
            keys[relationship_id] = sealing.relationship_key(ctx.keyring, relationship)
        programme = names[row.meeting.programme_id]
        entries.append(_entry(ctx, words, reader, row, keys[relationship_id], programme))
    stamps = [(*stamp_of(row), names[row.meeting.programme_id]) for row in rows]
    return entries, version_of(reader, stamps)


def _entry(
    ctx: Context, words: Words, reader: FeedReader, row: Invited, key: bytes, programme: str
) -> CalendarEntry:
    meeting = row.meeting
    place = sealing.open_place(key, meeting)
    link = sealing.open_link(key, meeting) if meeting.mode is MeetingMode.ONLINE else None
    video = url_for(link, row.member)[0] if link is not None else None
    what = words_of.activity(words, meeting.activity_key)
    where = words_of.where(words, meeting.mode, place, video)
    me: tuple[CalendarPerson, ...] = ()
    if reader.email and reader.display_name:
        chair = row.member.role is Role.MENTOR
        me = (
            CalendarPerson(
                reader.email,
                reader.display_name,
                partstat(row.partstat),
                calendar.Role.CHAIR if chair else calendar.Role.REQ_PARTICIPANT,
            ),
        )
    return CalendarEntry(
        uid=meeting.ical_uid,
        sequence=meeting.sequence,
        summary=f"{what} · {programme}",
        description=f"{what} · {programme}\n{where}",
        starts_at=meeting.starts_at,
        ends_at=meeting.ends_at,
        time_zone=None,  # the reader's, the feed's default
        location=location(place, video),
        url=video,
        organizer=CalendarPerson(ctx.settings.organizer_email, programme),
        attendees=me,
        status=EntryStatus.CONFIRMED if meeting.scheduled else EntryStatus.CANCELLED,
        created=meeting.created_at,
        # Without METHOD, DTSTAMP is the last change (RFC 5545 §3.8.7.2): the same
        # rows give the same bytes, which a strong ETag promises.
        last_modified=meeting.updated_at,
        dtstamp=meeting.updated_at,
    )
