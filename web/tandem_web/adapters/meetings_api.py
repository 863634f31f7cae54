"""Meetings' API, as the web app reads and writes it: a relationship's meetings and the
viewer's answer to each invitation (the home page); one meeting, scheduling, answering,
attendance, the slots that fit and the calendar feed (the meetings pages)."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import TypeVar

from tandem_web.adapters.service_calls import Refused, authenticated, expect, reaching
from tandem_web.clients.meetings import AuthenticatedClient
from tandem_web.clients.meetings.api.attendance import get_attendance, record_attendance
from tandem_web.clients.meetings.api.calendar_feed import (
    create_calendar_feed,
    get_calendar_feed,
    revoke_calendar_feed,
)
from tandem_web.clients.meetings.api.meetings import (
    cancel_meeting,
    get_meeting,
    list_meetings,
    reschedule_meeting,
    schedule_meeting,
)
from tandem_web.clients.meetings.api.plans import find_slots, get_relationship_plan
from tandem_web.clients.meetings.api.rsvp import answer_meeting
from tandem_web.clients.meetings.models import (
    ActivityState,
    AttendancePublic,
    AttendanceRecordPublic,
    AttendanceUpdate,
    CalendarFeedCreatedPublic,
    CalendarFeedPublic,
    CancellationPublic,
    CancelReason,
    LinkStatus,
    MarkUpdate,
    MeetingCancel,
    MeetingCreate,
    MeetingMode,
    MeetingPublic,
    MeetingStatus,
    MeetingUpdate,
    PageMeetingPublic,
    PlaceInput,
    PlacePublic,
    Presence,
    ProblemDetails,
    RelationshipPlanPublic,
    RsvpPublic,
    RsvpResponse,
    RsvpUpdate,
    SlotsPublic,
    VideoLinkPublic,
)
from tandem_web.clients.meetings.types import UNSET, Unset
from tandem_web.domain.meetings import (
    AttendanceView,
    Attendee,
    Feed,
    MeetingView,
    Place,
    Slot,
    Slots,
    SlotTime,
)
from tandem_web.domain.participants import Meeting

T = TypeVar("T")

SERVICE = "meetings"
MAX_PAGES = 10


def _meeting(item: MeetingPublic, me: set[uuid.UUID]) -> Meeting:
    answers = [str(a.partstat) for a in item.attendees if a.participant_id in me]
    return Meeting(
        item.id,
        item.relationship_id,
        item.starts_at,
        item.ends_at,
        str(item.mode),
        item.status == MeetingStatus.CANCELLED,
        answers[0] if answers else None,
    )


async def meetings_of(
    url: str, token: str, relationship_id: uuid.UUID, me: set[uuid.UUID]
) -> list[Meeting]:
    found: list[Meeting] = []
    cursor: str | None = None
    async with (
        reaching(SERVICE),
        authenticated(AuthenticatedClient, url, token) as client,
    ):
        for _ in range(MAX_PAGES):
            answer = await list_meetings.asyncio_detailed(
                relationship_id, client=client, cursor=cursor or UNSET, limit=200
            )
            page = expect(SERVICE, answer.status_code, answer.parsed, PageMeetingPublic)
            found += [_meeting(item, me) for item in page.items]
            cursor = page.next_cursor if isinstance(page.next_cursor, str) else None
            if not cursor:
                break
    return found


# The meetings pages: one meeting, its forms, the slots that fit, the calendar feed.


def _client(url: str, token: str) -> AuthenticatedClient:
    return authenticated(AuthenticatedClient, url, token)


def _checked(status: int, parsed: object, wanted: type[T], ok: int = 200) -> T:
    """As ``expect``, and meetings' 422 (a body it refused) is a refusal too: the page
    says what was wrong with the form instead of calling the service down."""
    if status == 422 and isinstance(parsed, ProblemDetails):
        raise Refused(SERVICE, 422, parsed.code)
    return expect(SERVICE, status, parsed, wanted, ok)


def _view(item: MeetingPublic) -> MeetingView:
    link = item.link.url if isinstance(item.link, VideoLinkPublic) else None
    place = (
        Place(item.place.name, item.place.address, item.place.notes)
        if isinstance(item.place, PlacePublic)
        else None
    )
    reason = item.cancellation.reason if isinstance(item.cancellation, CancellationPublic) else None
    return MeetingView(
        item.id,
        item.relationship_id,
        item.programme_id,
        item.starts_at,
        item.ends_at,
        item.duration_minutes,
        str(item.mode),
        item.status == MeetingStatus.CANCELLED,
        str(item.viewer) == "member",
        link,
        item.link_status == LinkStatus.PENDING,
        place,
        tuple(
            Attendee(
                a.participant_id if isinstance(a.participant_id, uuid.UUID) else None,
                str(a.role),
                a.time_zone,
                str(a.partstat),
            )
            for a in item.attendees
        ),
        str(reason) if reason else None,
    )


async def views_of(url: str, token: str, relationship_id: uuid.UUID) -> list[MeetingView]:
    """Every meeting of the relationship (the first MAX_PAGES pages)."""
    found: list[MeetingView] = []
    cursor: str | None = None
    async with reaching(SERVICE), _client(url, token) as client:
        for _ in range(MAX_PAGES):
            answer = await list_meetings.asyncio_detailed(
                relationship_id, client=client, cursor=cursor or UNSET, limit=200
            )
            page = expect(SERVICE, answer.status_code, answer.parsed, PageMeetingPublic)
            found += [_view(item) for item in page.items]
            cursor = page.next_cursor if isinstance(page.next_cursor, str) else None
            if not cursor:
                break
    return found


async def meeting(url: str, token: str, meeting_id: uuid.UUID) -> MeetingView:
    async with reaching(SERVICE), _client(url, token) as client:
        answer = await get_meeting.asyncio_detailed(meeting_id, client=client)
        return _view(expect(SERVICE, answer.status_code, answer.parsed, MeetingPublic))


def _place(name: str, address: str) -> PlaceInput | Unset:
    return PlaceInput(name=name, address=address) if name else UNSET


async def schedule(
    url: str,
    token: str,
    relationship_id: uuid.UUID,
    *,
    starts_at: datetime,
    duration_minutes: int,
    mode: str,
    place: tuple[str, str],
    activity_id: uuid.UUID | None,
) -> MeetingView:
    body = MeetingCreate(
        mode=MeetingMode(mode),
        starts_at=starts_at,
        duration_minutes=duration_minutes,
        planned_activity_id=activity_id if activity_id else UNSET,
        place=_place(*place) if mode == "face_to_face" else UNSET,
    )
    async with reaching(SERVICE), _client(url, token) as client:
        answer = await schedule_meeting.asyncio_detailed(relationship_id, client=client, body=body)
        return _view(_checked(answer.status_code, answer.parsed, MeetingPublic, ok=201))


async def reschedule(
    url: str,
    token: str,
    meeting_id: uuid.UUID,
    *,
    starts_at: datetime,
    duration_minutes: int,
    mode: str,
    place: tuple[str, str],
) -> MeetingView:
    body = MeetingUpdate(
        starts_at=starts_at,
        duration_minutes=duration_minutes,
        mode=MeetingMode(mode),
        place=_place(*place) if mode == "face_to_face" else UNSET,
    )
    async with reaching(SERVICE), _client(url, token) as client:
        answer = await reschedule_meeting.asyncio_detailed(meeting_id, client=client, body=body)
        return _view(_checked(answer.status_code, answer.parsed, MeetingPublic))


async def cancel(url: str, token: str, meeting_id: uuid.UUID, reason: str, note: str) -> None:
    body = MeetingCancel(reason=CancelReason(reason), note=note or UNSET)
    async with reaching(SERVICE), _client(url, token) as client:
        answer = await cancel_meeting.asyncio_detailed(meeting_id, client=client, body=body)
        _checked(answer.status_code, answer.parsed, MeetingPublic)


async def answer(url: str, token: str, meeting_id: uuid.UUID, response: str) -> None:
    body = RsvpUpdate(response=RsvpResponse(response))
    async with reaching(SERVICE), _client(url, token) as client:
        found = await answer_meeting.asyncio_detailed(meeting_id, client=client, body=body)
        _checked(found.status_code, found.parsed, RsvpPublic)


def _attendance(item: AttendancePublic) -> AttendanceView:
    counting = item.counting if isinstance(item.counting, AttendanceRecordPublic) else None
    return AttendanceView(
        str(item.state),
        str(item.outcome) if item.outcome else None,
        tuple(
            (
                m.participant_id if isinstance(m.participant_id, uuid.UUID) else None,
                str(m.presence),
            )
            for m in (counting.members if counting else [])
        ),
        str(counting.mode) if counting else None,
        counting.duration_minutes if counting else None,
    )


async def attendance(url: str, token: str, meeting_id: uuid.UUID) -> AttendanceView:
    async with reaching(SERVICE), _client(url, token) as client:
        found = await get_attendance.asyncio_detailed(meeting_id, client=client)
        return _attendance(expect(SERVICE, found.status_code, found.parsed, AttendancePublic))


async def record(
    url: str,
    token: str,
    meeting_id: uuid.UUID,
    marks: list[tuple[uuid.UUID, str]],
    mode: str,
    duration_minutes: int,
) -> None:
    body = AttendanceUpdate(
        members=[
            MarkUpdate(participant_id=p, presence=Presence(presence)) for p, presence in marks
        ],
        mode=MeetingMode(mode),
        duration_minutes=duration_minutes,
    )
    async with reaching(SERVICE), _client(url, token) as client:
        found = await record_attendance.asyncio_detailed(meeting_id, client=client, body=body)
        _checked(found.status_code, found.parsed, AttendancePublic)


# An activity still to be met: its slots are worth proposing.
OPEN_ACTIVITIES = frozenset({ActivityState.OPEN, ActivityState.UPCOMING})


async def slots(url: str, token: str, relationship_id: uuid.UUID, limit: int = 5) -> Slots:
    """The slots meetings proposes for the relationship's next activity still to meet."""
    async with reaching(SERVICE), _client(url, token) as client:
        found = await get_relationship_plan.asyncio_detailed(relationship_id, client=client)
        plan = expect(SERVICE, found.status_code, found.parsed, RelationshipPlanPublic)
        activity = next(
            (
                a
                for a in sorted(plan.activities, key=lambda a: a.window_start)
                if a.state in OPEN_ACTIVITIES and not a.meeting_id
            ),
            None,
        )
        if activity is None:
            return Slots(None, None, None, 60)
        proposed = await find_slots.asyncio_detailed(
            relationship_id, client=client, activity_id=activity.id, limit=limit
        )
        page = expect(SERVICE, proposed.status_code, proposed.parsed, SlotsPublic)
    return Slots(
        activity.id,
        activity.name,
        str(page.mode),
        page.duration_minutes,
        tuple(
            Slot(
                s.starts_at,
                s.ends_at,
                tuple(SlotTime(t.participant_id, t.time_zone) for t in s.local),
            )
            for s in page.slots
        ),
        tuple(b.reason for b in page.blockers),
    )


async def feed(url: str, token: str) -> Feed:
    async with reaching(SERVICE), _client(url, token) as client:
        found = await get_calendar_feed.asyncio_detailed(client=client)
        state = expect(SERVICE, found.status_code, found.parsed, CalendarFeedPublic)
    created = state.created_at if isinstance(state.created_at, datetime) else None
    return Feed(state.active, created)


async def new_feed(url: str, token: str) -> Feed:
    """A new feed URL (the old one stops working): shown this once."""
    async with reaching(SERVICE), _client(url, token) as client:
        found = await create_calendar_feed.asyncio_detailed(client=client)
        made = expect(SERVICE, found.status_code, found.parsed, CalendarFeedCreatedPublic, ok=201)
    return Feed(True, made.created_at, made.url, made.webcal_url)


async def revoke_feed(url: str, token: str) -> None:
    async with reaching(SERVICE), _client(url, token) as client:
        found = await revoke_calendar_feed.asyncio_detailed(client=client)
        if found.status_code != 204:
            expect(SERVICE, found.status_code, found.parsed, type(None), ok=204)
