"""Finding times for a planned activity: its members' calendars, the programme's policy,
``find_slots``; by API for the members, and for the plan when a relationship starts.

A member's calendar is their effective weekly availability (availability's profiles: the
override, else matching's copy), in their own time zone (the directory's contact; else
the programme's zone), and their busy times: their Tandem meetings and their external
calendar's busy intervals (``service/busy.py``). A member meetings has no profile of
has no availability, and the answer says so.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from functools import lru_cache
from uuid import UUID

from sqlalchemy.ext.asyncio import AsyncSession

from tandem_contracts.common import MentoringFormat, Role
from tandem_kit import directory
from tandem_kit.auth import Principal
from tandem_kit.directory import Participant
from tandem_kit.errors import NotFound
from tandem_meetings.adapters import plans as plan_repo
from tandem_meetings.adapters import relationships as relationship_repo
from tandem_meetings.domain.availability import AvailabilityWindow, Profile
from tandem_meetings.domain.plans import PlannedActivity
from tandem_meetings.domain.policies import MINUTES_PER_DAY, Policy
from tandem_meetings.domain.relationships import Member, Relationship
from tandem_meetings.domain.slots import (
    MeetingHours,
    MemberCalendar,
    Quorum,
    SlotQuery,
    SlotSearch,
    WeeklyWindow,
    find_slots,
)
from tandem_meetings.schemas.slots import BlockerPublic, SlotPublic, SlotsPublic
from tandem_meetings.service import access, profiles
from tandem_meetings.service.busy import Interval, members_busy
from tandem_meetings.service.context import Context
from tandem_meetings.service.plans import effective_zone, member_times, programme_policy

PROPOSALS = 3


@dataclass(frozen=True, slots=True)
class People:
    """What the search and the plan know of a relationship's members."""

    members: tuple[Member, ...]
    directory: Mapping[UUID, Participant]
    profiles: Mapping[UUID, Profile]
    fallback_zone: str

    def zone_of(self, member: Member) -> str:
        person = self.directory.get(member.participant_id)
        return effective_zone(
            person.contact.time_zone if person is not None else None, self.fallback_zone
        )


async def people_of(session: AsyncSession, members: Sequence[Member], fallback_zone: str) -> People:
    ids = [m.participant_id for m in members]
    return People(
        members=tuple(members),
        directory=await directory.participants_by_id(session, ids),
        profiles=await profiles.profiles(session, ids),
        fallback_zone=fallback_zone,
    )


def _wall(minute: int) -> time:
    minute %= MINUTES_PER_DAY  # 24:00 is time(0), which ends a day
    return time(minute // 60, minute % 60)


def meeting_hours(policy: Policy) -> MeetingHours:
    return MeetingHours(_wall(policy.meeting_hours_start), _wall(policy.meeting_hours_end))


def quorum(relationship: Relationship, policy: Policy) -> Quorum:
    if relationship.format is MentoringFormat.GROUP and policy.group_min_mentees is not None:
        return Quorum.mentor_and(policy.group_min_mentees)
    return Quorum.everyone()


def role_labels(members: Sequence[Member]) -> dict[UUID, str]:
    """Labels that name no one (for what is stored): "the mentor", "the mentee",
    "mentee 2" in a group."""
    mentees = [m for m in members if m.role is Role.MENTEE]
    labels = {}
    for m in members:
        if m.role is Role.MENTOR:
            labels[m.participant_id] = "the mentor"
        elif len(mentees) == 1:
            labels[m.participant_id] = "the mentee"
        else:
            labels[m.participant_id] = f"mentee {mentees.index(m) + 1}"
    return labels


def name_labels(people: People) -> dict[UUID, str]:
    """Labels for the members themselves: "the mentor", and each mentee's name."""
    labels = role_labels(people.members)
    for m in people.members:
        person = people.directory.get(m.participant_id)
        if m.role is Role.MENTEE and person is not None and person.contact.display_name:
            labels[m.participant_id] = person.contact.display_name
    return labels


async def search(
    session: AsyncSession,
    now: datetime,
    relationship: Relationship,
    activity: PlannedActivity,
    people: People,
    policy: Policy,
    labels: Mapping[UUID, str],
    *,
    limit: int = PROPOSALS,
) -> SlotSearch:
    """The best ``limit`` times for ``activity`` inside its window, or the blockers."""
    start, end = busy_span(activity, policy)
    busy = await members_busy(session, [m.participant_id for m in people.members], start, end)
    return search_with(now, relationship, activity, people, policy, labels, busy, limit=limit)


def busy_span(activity: PlannedActivity, policy: Policy) -> tuple[datetime, datetime]:
    """Whose busy times the search of ``activity`` needs: its window and the buffer."""
    buffer = timedelta(minutes=policy.buffer_minutes)
    return activity.window_start - buffer, activity.window_end + buffer


def search_with(
    now: datetime,
    relationship: Relationship,
    activity: PlannedActivity,
    people: People,
    policy: Policy,
    labels: Mapping[UUID, str],
    busy: Mapping[UUID, Sequence[Interval]],
    *,
    limit: int = PROPOSALS,
) -> SlotSearch:
    """:func:`search` with the members' busy times over :func:`busy_span` given (a batch
    reads them for many relationships at once)."""
    buffer = timedelta(minutes=policy.buffer_minutes)
    calendars = []
    for m in people.members:
        profile = people.profiles.get(m.participant_id)
        windows = profile.windows if profile is not None else ()
        calendars.append(
            MemberCalendar(
                participant_id=m.participant_id,
                role=m.role,
                label=labels[m.participant_id],
                time_zone=people.zone_of(m),
                availability=weekly_windows(windows),
                busy=tuple(busy.get(m.participant_id, ())),
            )
        )
    query = SlotQuery(
        members=tuple(calendars),
        window_start=activity.window_start,
        window_end=activity.window_end,
        duration=timedelta(minutes=activity.duration_minutes),
        now=now,
        min_notice=timedelta(hours=policy.min_notice_hours),
        buffer=buffer,
        meeting_hours=meeting_hours(policy),
        quorum=quorum(relationship, policy),
        limit=limit,
    )
    return find_slots(query)


@lru_cache(maxsize=4096)
def weekly_windows(windows: tuple[AvailabilityWindow, ...]) -> tuple[WeeklyWindow, ...]:
    """A profile's windows as the search reads them. Memoised: a batch of starts meets the
    same few weekly patterns again and again, and the same tuple back lets the search's
    own memo of the pattern find it at once."""
    return tuple(
        WeeklyWindow(w.weekday, _wall(w.start_minute), _wall(w.end_minute)) for w in windows
    )


def no_activity() -> NotFound:
    return NotFound("No such planned activity in this relationship.", code="activity_not_found")


async def find_relationship_slots(
    ctx: Context, principal: Principal, relationship_id: UUID, activity_id: UUID, limit: int
) -> SlotsPublic:
    """The ranked times for one of the relationship's planned activities (members only)."""
    now = ctx.now()
    async with ctx.database.transaction() as session:
        relationship, _ = await access.relationship_member(session, principal, relationship_id)
        activity = await plan_repo.planned_by_id(session, activity_id)
        if activity is None or activity.relationship_id != relationship.id:
            raise no_activity()
        programme = await directory.programme(session, relationship.programme_id)
        members = await access_members(session, relationship)
        people = await people_of(
            session, members, programme.time_zone if programme is not None else "UTC"
        )
        policy = await programme_policy(session, relationship.programme_id)
        found = await search(
            session, now, relationship, activity, people, policy, name_labels(people), limit=limit
        )
    zones = {m.participant_id: people.zone_of(m) for m in members}
    return SlotsPublic(
        relationship_id=relationship.id,
        activity_id=activity.id,
        activity_key=activity.key,
        mode=activity.mode,
        duration_minutes=activity.duration_minutes,
        window_start=activity.window_start,
        window_end=activity.window_end,
        quorum_min_mentees=quorum(relationship, policy).min_mentees,
        slots=[
            SlotPublic(
                rank=rank,
                starts_at=slot.start,
                ends_at=slot.end,
                attendees=list(slot.attendees),
                local=member_times(slot.start, slot.end, members, zones),
            )
            for rank, slot in enumerate(found.slots, start=1)
        ],
        blockers=[
            BlockerPublic(code=b.code, participant_ids=list(b.participant_ids), reason=b.reason)
            for b in found.blockers
        ],
    )


async def access_members(session: AsyncSession, relationship: Relationship) -> list[Member]:
    """The members still there (an erased person no longer counts)."""
    members = await relationship_repo.members_of(session, relationship.id)
    erased = await directory.erased_among(session, [m.participant_id for m in members])
    return [m for m in members if m.participant_id not in erased]
