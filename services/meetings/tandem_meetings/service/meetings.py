"""Use cases of a meeting's life: schedule, list, show, reschedule, cancel.

Each runs in one transaction: the meeting, its attendees and its event (outbox) are
written together, or nothing is. Bad input is refused before anything is written.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from uuid import UUID

from sqlalchemy.ext.asyncio import AsyncSession

from tandem_contracts.meetings import CancelledBy, CancelReason, MeetingMode
from tandem_kit import directory
from tandem_kit.api import Page, keyset_page
from tandem_kit.auth import Principal
from tandem_kit.errors import Conflict, Unprocessable
from tandem_kit.outbox import add_event
from tandem_meetings.adapters import meetings as repo
from tandem_meetings.adapters import relationships as relationship_repo
from tandem_meetings.domain import meetings as life
from tandem_meetings.domain.meetings import (
    Attendee,
    InvalidMeeting,
    Meeting,
    MeetingStateConflict,
    Partstat,
)
from tandem_meetings.domain.places import Place, PlaceInvalid
from tandem_meetings.domain.relationships import Member, Relationship
from tandem_meetings.schemas.meetings import (
    AttendeePublic,
    CancellationPublic,
    MeetingCancel,
    MeetingCreate,
    MeetingPublic,
    MeetingUpdate,
    PlacePublic,
    VideoLinkPublic,
)
from tandem_meetings.service import (
    access,
    events,
    goals,
    invitations,
    plans,
    reminders,
    sealing,
    video,
)
from tandem_meetings.service.busy import require_free
from tandem_meetings.service.context import Context


@contextmanager
def domain_errors() -> Iterator[None]:
    """The domain's refusals as problems: bad input 422, a state that forbids it 409."""
    try:
        yield
    except InvalidMeeting as error:
        raise Unprocessable(
            error.detail,
            code=error.code,
            errors=[{"loc": f"body.{error.field}", "msg": error.detail, "type": error.code}],
        ) from error
    except PlaceInvalid as error:
        raise Unprocessable(
            f"The place's {error.message}.",
            code="invalid_place",
            errors=[{"loc": f"body.place.{error.field}", "msg": error.message, "type": "place"}],
        ) from error
    except MeetingStateConflict as error:
        raise Conflict(error.detail, code=error.code) from error


def _require_active(relationship: Relationship) -> None:
    if not relationship.active:
        raise Conflict(
            "This relationship has ended: nothing new is scheduled in it.",
            code="relationship_ended",
        )


async def _current_members(session: AsyncSession, relationship: Relationship) -> list[Member]:
    """The members who are still there (an erased person is no longer invited)."""
    members = await relationship_repo.members_of(session, relationship.id)
    erased = await directory.erased_among(session, [m.participant_id for m in members])
    return [m for m in members if m.participant_id not in erased]


# --- schedule ----------------------------------------------------------------------


async def schedule(
    ctx: Context, principal: Principal, relationship_id: UUID, body: MeetingCreate
) -> MeetingPublic:
    now = ctx.now()
    with domain_errors():
        place = body.place.record() if body.place is not None else None
        starts_at, ends_at = life.timing(
            body.starts_at, body.ends_at, body.duration_minutes, ctx.meeting_rules, now
        )
        life.check_setting(body.mode, place)
    async with ctx.database.transaction() as session:
        relationship, me = await access.relationship_member(
            session, principal, relationship_id, for_update=True
        )
        _require_active(relationship)
        activity_key = body.activity_key
        if body.planned_activity_id is not None:  # one of the plan's: its key goes with it
            planned = await plans.planned_activity_of(
                session, relationship.id, body.planned_activity_id, body.activity_key
            )
            activity_key = planned.key
        await goals.require_agenda(session, relationship.id, body.agenda_goal_ids)
        members = await _current_members(session, relationship)
        await require_free(session, members, starts_at, ends_at)
        key = sealing.relationship_key(ctx.keyring, relationship)
        meeting_id = uuid.uuid4()
        meeting = life.new_meeting(
            meeting_id=meeting_id,
            relationship_id=relationship.id,
            programme_id=relationship.programme_id,
            planned_activity_id=body.planned_activity_id,
            activity_key=activity_key,
            mode=body.mode,
            starts_at=starts_at,
            ends_at=ends_at,
            place=sealing.seal_place(key, relationship.id, meeting_id, place),
            agenda_goal_ids=body.agenda_goal_ids,
            now=now,
        )
        meeting = await video.provide_link(ctx, session, key, meeting, members, now)
        attendees = [
            Attendee(
                id=uuid.uuid4(),
                meeting_id=meeting_id,
                participant_id=m.participant_id,
                role=m.role,
                # whoever schedules it accepts it; the others are asked
                partstat=Partstat.ACCEPTED if m == me else Partstat.NEEDS_ACTION,
                responded_at=now if m == me else None,
            )
            for m in members
        ]
        await repo.add(session, meeting, attendees)
        await reminders.plan(ctx, session, meeting, [m.participant_id for m in members])
        await add_event(session, events.meeting_scheduled(meeting))
        await announce(ctx, session, meeting, "scheduled")
        return await _public(session, ctx, meeting, relationship, me, key, attendees)


# --- read ----------------------------------------------------------------------------


async def list_meetings(
    ctx: Context, principal: Principal, relationship_id: UUID, *, cursor: str | None, limit: int
) -> Page[MeetingPublic]:
    async with ctx.database.transaction() as session:
        relationship, me = await access.relationship_party(session, principal, relationship_id)
        rows = await repo.page_of_relationship(session, relationship.id, cursor, limit)
        attendees = await repo.attendees_of_many(session, [m.id for m in rows[:limit]])
        key = sealing.relationship_key(ctx.keyring, relationship) if me is not None else None
        shown = {
            m.id: await _public(session, ctx, m, relationship, me, key, attendees.get(m.id, []))
            for m in rows[:limit]
        }
    return keyset_page(rows, limit, key=lambda m: (m.starts_at, m.id), item=lambda m: shown[m.id])


async def get_meeting(ctx: Context, principal: Principal, meeting_id: UUID) -> MeetingPublic:
    async with ctx.database.transaction() as session:
        meeting, relationship, me = await access.meeting_party(session, principal, meeting_id)
        key = sealing.relationship_key(ctx.keyring, relationship) if me is not None else None
        attendees = await repo.attendees_of(session, meeting.id)
        return await _public(session, ctx, meeting, relationship, me, key, attendees)


# --- reschedule ----------------------------------------------------------------------


def _new_times(
    ctx: Context, meeting: Meeting, body: MeetingUpdate, now: datetime
) -> tuple[datetime, datetime]:
    given = body.model_fields_set
    if not given & {"starts_at", "ends_at", "duration_minutes"}:
        return meeting.starts_at, meeting.ends_at
    starts_at = body.starts_at if body.starts_at is not None else meeting.starts_at
    if body.ends_at is None and body.duration_minutes is None:
        # a new start keeps the duration
        return life.timing(starts_at, None, meeting.duration_minutes, ctx.meeting_rules, now)
    return life.timing(starts_at, body.ends_at, body.duration_minutes, ctx.meeting_rules, now)


def _new_place(
    meeting: Meeting, current: Place | None, body: MeetingUpdate, mode: MeetingMode
) -> Place | None:
    if "place" in body.model_fields_set:
        return body.place.record() if body.place is not None else None
    if mode is MeetingMode.ONLINE:
        return None  # going online drops the place
    return current


async def reschedule(
    ctx: Context, principal: Principal, meeting_id: UUID, body: MeetingUpdate
) -> MeetingPublic:
    now = ctx.now()
    if not body.model_fields_set:
        raise Unprocessable(
            "Nothing to change: give a time, a duration, a mode or a place.",
            code="nothing_to_change",
        )
    async with ctx.database.transaction() as session:
        meeting, relationship, me = await access.meeting_member(
            session, principal, meeting_id, for_update=True
        )
        key = sealing.relationship_key(ctx.keyring, relationship)
        current = sealing.open_place(key, meeting)
        mode = body.mode or meeting.mode
        with domain_errors():
            life.require_changeable(meeting, now)
            _require_active(relationship)
            starts_at, ends_at = _new_times(ctx, meeting, body, now)
            revision = life.revise(
                meeting,
                current,
                starts_at=starts_at,
                ends_at=ends_at,
                mode=mode,
                place=_new_place(meeting, current, body, mode),
                now=now,
            )
        attendees = await repo.attendees_of(session, meeting.id)
        if not revision.significant:
            return await _public(session, ctx, meeting, relationship, me, key, attendees)
        if revision.time_changed:
            members = await _current_members(session, relationship)
            await require_free(session, members, starts_at, ends_at, excluding_meeting=meeting.id)
        sealed_place = (
            sealing.seal_place(key, relationship.id, meeting.id, revision.place)
            if revision.place_changed
            else meeting.place
        )
        moved = life.rescheduled(meeting, revision, sealed_place, now)
        if moved.mode is MeetingMode.ONLINE and moved.link is None:
            members = await _current_members(session, relationship)
            moved = await video.provide_link(ctx, session, key, moved, members, now)
        await repo.save(session, moved)
        attendees = life.answers_after_change(attendees, me.participant_id)
        await repo.save_answers(session, attendees)
        if revision.time_changed or revision.place_changed:
            # a new SEQUENCE: reminders of the new schedule (the old ones' keys differ)
            ids = [a.participant_id for a in attendees if a.participant_id is not None]
            await reminders.plan(ctx, session, moved, ids)
        await add_event(session, events.meeting_rescheduled(meeting, moved))
        await announce(ctx, session, moved, "rescheduled", previous=meeting)
        return await _public(session, ctx, moved, relationship, me, key, attendees)


# --- cancel --------------------------------------------------------------------------


async def cancel(
    ctx: Context, principal: Principal, meeting_id: UUID, body: MeetingCancel
) -> MeetingPublic:
    now = ctx.now()
    if body.reason in life.SYSTEM_REASONS:
        raise Unprocessable(
            f"`{body.reason.value}` is given by the system; choose another reason.",
            code="reason_reserved",
            errors=[{"loc": "body.reason", "msg": "reserved for the system", "type": "reserved"}],
        )
    async with ctx.database.transaction() as session:
        meeting, relationship, me = await access.meeting_party(
            session, principal, meeting_id, for_update=True
        )
        by = CancelledBy(me.role.value) if me is not None else CancelledBy.MANAGER
        author = me.participant_id if me is not None else None
        note = body.note.strip() if body.note and body.note.strip() else None
        if note is not None and author is None:
            raise Unprocessable(
                "A manager cancels with a reason code only: a note is the members' text.",
                code="note_members_only",
            )
        with domain_errors():
            life.require_changeable(meeting, now)
        sealed_note = await sealing.seal_note(session, author, meeting.id, note) if author else None
        done = await cancel_meeting(
            ctx, session, meeting, reason=body.reason, by=by, note=sealed_note, author=author
        )
        key = sealing.relationship_key(ctx.keyring, relationship) if me is not None else None
        attendees = await repo.attendees_of(session, meeting.id)
        return await _public(session, ctx, done, relationship, me, key, attendees)


async def cancel_meeting(
    ctx: Context,
    session: AsyncSession,
    meeting: Meeting,
    *,
    reason: CancelReason,
    by: CancelledBy,
    note: bytes | None = None,
    author: UUID | None = None,
) -> Meeting:
    """Cancel one meeting in the caller's transaction (the API, or a relationship's end)."""
    with domain_errors():
        done = life.cancelled(
            meeting, reason=reason, by=by, note=note, note_author=author, now=ctx.now()
        )
    await repo.save(session, done)
    await reminders.forget(session, done)
    await add_event(session, events.meeting_cancelled(done))
    await announce(ctx, session, done, "cancelled")
    return done


async def announce(
    ctx: Context,
    session: AsyncSession,
    meeting: Meeting,
    change: str,
    previous: Meeting | None = None,
) -> None:
    """Mail the members the invitation, update or cancellation (iCalendar REQUEST/CANCEL)
    for ``change`` in this same transaction (``service/invitations.py``)."""
    await invitations.announce(ctx, session, meeting, change, previous)


# --- what is shown -------------------------------------------------------------------


async def _public(
    session: AsyncSession,
    ctx: Context,
    meeting: Meeting,
    relationship: Relationship,
    me: Member | None,
    key: bytes | None,
    attendees: list[Attendee],
) -> MeetingPublic:
    """The meeting for the caller: members see place, link, agenda and note; managers don't."""
    people = await directory.participants_by_id(
        session, [a.participant_id for a in attendees if a.participant_id is not None]
    )
    shown: list[AttendeePublic] = []
    for a in attendees:
        person = people.get(a.participant_id) if a.participant_id is not None else None
        zone = person.contact.time_zone if person is not None else None
        starts_local, zone_name = life.local_time(meeting.starts_at, zone)
        ends_local, _ = life.local_time(meeting.ends_at, zone)
        shown.append(
            AttendeePublic(
                participant_id=a.participant_id,
                role=a.role,
                partstat=a.partstat,
                responded_at=a.responded_at,
                time_zone=zone_name,
                starts_at_local=starts_local,
                ends_at_local=ends_local,
            )
        )
    member = me is not None and key is not None
    place = sealing.open_place(key, meeting) if member and key is not None else None
    cancellation = None
    if meeting.cancel_reason is not None and meeting.cancelled_by is not None:
        assert meeting.cancelled_at is not None
        cancellation = CancellationPublic(
            reason=meeting.cancel_reason,
            cancelled_by=meeting.cancelled_by,
            cancelled_at=meeting.cancelled_at,
            note=await sealing.open_note(session, meeting) if member else None,
        )
    return MeetingPublic(
        id=meeting.id,
        relationship_id=meeting.relationship_id,
        programme_id=meeting.programme_id,
        planned_activity_id=meeting.planned_activity_id,
        activity_key=meeting.activity_key,
        mode=meeting.mode,
        status=meeting.status,
        starts_at=meeting.starts_at,
        ends_at=meeting.ends_at,
        duration_minutes=meeting.duration_minutes,
        sequence=meeting.sequence,
        ical_uid=meeting.ical_uid,
        viewer="member" if member else "manager",
        link_status=meeting.link_status,
        link=_own_link(key, meeting, me) if member and key is not None and me is not None else None,
        place=PlacePublic.from_record(place) if place is not None else None,
        agenda_goal_ids=list(meeting.agenda_goal_ids) if member else None,
        attendees=shown,
        cancellation=cancellation,
        created_at=meeting.created_at,
        updated_at=meeting.updated_at,
    )


def _own_link(key: bytes, meeting: Meeting, me: Member) -> VideoLinkPublic | None:
    """The caller's own link only: a mentee never sees the mentor's moderator URL."""
    link = sealing.open_link(key, meeting)
    if link is None:
        return None
    url, moderator = video.url_for(link, me)
    return VideoLinkPublic(provider=link.provider, url=url, moderator=moderator)
