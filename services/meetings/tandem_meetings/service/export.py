"""A person's export: everything meetings holds about the caller, decrypted, across
programmes (the token's subject decides; an erased person's rows no longer name them,
so their export is empty)."""

from __future__ import annotations

from uuid import UUID

from sqlalchemy.ext.asyncio import AsyncSession

from tandem_kit import directory
from tandem_kit.auth import Principal
from tandem_kit.directory import Participant
from tandem_meetings.adapters import attendance as attendance_repo
from tandem_meetings.adapters import availability as profiles_repo
from tandem_meetings.adapters import calendar_sources as sources_repo
from tandem_meetings.adapters import export as repo
from tandem_meetings.adapters import goals as goals_repo
from tandem_meetings.adapters import notes as notes_repo
from tandem_meetings.adapters import personal_feeds as feeds_repo
from tandem_meetings.adapters import relationships as relationships_repo
from tandem_meetings.domain.availability import Profile
from tandem_meetings.domain.relationships import Relationship
from tandem_meetings.schemas.attendance import MarkPublic
from tandem_meetings.schemas.availability import WindowPublic
from tandem_meetings.schemas.calendar_sources import CalendarSourcePublic
from tandem_meetings.schemas.export import (
    ExportedAttendance,
    ExportedBusyInterval,
    ExportedCalendarFeed,
    ExportedContact,
    ExportedMeeting,
    ExportedMembership,
    ExportedNote,
    ExportedParticipation,
    ExportedReminder,
    ExportPublic,
)
from tandem_meetings.schemas.goals import GoalPublic
from tandem_meetings.service import goals as goals_use
from tandem_meetings.service import notes as notes_use
from tandem_meetings.service.context import Context
from tandem_meetings.service.sealing import open_note, relationship_key


def _contact(found: Participant | None) -> ExportedContact | None:
    if found is None:
        return None
    c = found.contact
    return ExportedContact(
        display_name=c.display_name,
        email=c.email,
        language=c.language,
        time_zone=c.time_zone,
        city=c.city,
        linkedin_url=c.linkedin_url,
    )


async def _participation(
    session: AsyncSession, pid: UUID, found: Participant | None, profile: Profile | None
) -> ExportedParticipation | None:
    source = await sources_repo.source_of(session, pid)
    busy = await repo.busy_of(session, pid)
    if found is None and profile is None and source is None and not busy:
        return None  # only a member row: the membership says it
    programmes = [r.programme_id for r in (found, profile, source) if r is not None]
    return ExportedParticipation(
        participant_id=pid,
        programme_id=programmes[0] if programmes else None,
        role=str(found.role) if found else profile.role if profile else None,
        contact=_contact(found),
        country=profile.country if profile else None,
        modality=str(profile.modality) if profile else None,
        profile_goals=list(profile.goals) if profile else [],
        profile_availability=[WindowPublic.from_record(w) for w in profile.availability]
        if profile
        else [],
        availability_override=None
        if profile is None or profile.override is None
        else [WindowPublic.from_record(w) for w in profile.override],
        calendar_source=CalendarSourcePublic.from_record(source) if source else None,
        busy_intervals=[ExportedBusyInterval(starts_at=s, ends_at=e) for s, e in busy],
    )


class _Relationships:
    """Each relationship and its data key, read and unwrapped once per export."""

    def __init__(self, session: AsyncSession, ctx: Context) -> None:
        self._session, self._ctx = session, ctx
        self._found: dict[UUID, tuple[Relationship, bytes]] = {}

    async def of(self, relationship_id: UUID) -> tuple[Relationship, bytes]:
        if relationship_id not in self._found:
            found = await relationships_repo.by_id(self._session, relationship_id)
            assert found is not None  # a foreign key of every row that names it
            self._found[relationship_id] = (found, relationship_key(self._ctx.keyring, found))
        return self._found[relationship_id]


async def _goals(session: AsyncSession, keys: _Relationships, pids: list[UUID]) -> list[GoalPublic]:
    added = await repo.goals_added_by(session, pids)
    milestones = await goals_repo.milestones_of(session, [g.id for g in added])
    return [
        goals_use.public((await keys.of(g.relationship_id))[1], g, milestones.get(g.id, []))
        for g in added
    ]


async def export_mine(ctx: Context, principal: Principal) -> ExportPublic:
    subject = principal.subject
    async with ctx.database.transaction() as session:
        keys = _Relationships(session, ctx)
        pids = await repo.participant_ids_of(session, subject)
        known = await directory.participants_by_id(session, pids)
        profiles = await profiles_repo.profiles_by_id(session, pids)
        participations = [
            p
            for pid in pids
            if (p := await _participation(session, pid, known.get(pid), profiles.get(pid)))
        ]
        memberships = []
        for relationship_id in await repo.relationship_ids_of(session, subject):
            relationship, _key = await keys.of(relationship_id)
            member = await relationships_repo.member_by_subject(session, relationship_id, subject)
            assert member is not None  # just found by its subject
            memberships.append(
                ExportedMembership(
                    relationship_id=relationship.id,
                    programme_id=relationship.programme_id,
                    participant_id=member.participant_id,
                    role=member.role.value,
                    status=relationship.status.value,
                    starts_on=relationship.starts_on,
                    agreed_end_date=relationship.agreed_end_date,
                )
            )
        attended = [
            ExportedMeeting(
                meeting_id=m.id,
                relationship_id=m.relationship_id,
                status=m.status.value,
                mode=m.mode.value,
                starts_at=m.starts_at,
                ends_at=m.ends_at,
                partstat=a.partstat.value,
                responded_at=a.responded_at,
                cancel_reason=m.cancel_reason,
                cancel_note=await open_note(session, m)
                if m.cancel_note_author == a.participant_id
                else None,
            )
            for m, a in await repo.meetings_attended(session, pids)
        ]
        notes = [
            ExportedNote(
                note_id=n.id,
                meeting_id=n.meeting_id,
                relationship_id=n.relationship_id,
                text=(await notes_use.open_note(session, n)).text,
                created_at=n.created_at,
                updated_at=n.updated_at,
            )
            for n in await notes_repo.written_by(session, pids)
        ]
        reminders = [
            ExportedReminder(meeting_id=meeting_id, offset_minutes=offset, due_at=due)
            for meeting_id, offset, due in await repo.pending_reminders(session, pids)
        ]
        attendance = [
            ExportedAttendance(
                meeting_id=a.meeting_id,
                recorder_role=a.recorder_role.value,
                members=[
                    MarkPublic(participant_id=k.participant_id, role=k.role, presence=k.presence)
                    for k in a.marks
                ],
                mode=a.mode.value,
                duration_minutes=a.duration_minutes,
                recorded_at=a.created_at,
                updated_at=a.updated_at,
            )
            for a in await attendance_repo.records_by(session, pids)
        ]
        feed_made = await feeds_repo.created_at(session, subject)
        goals = await _goals(session, keys, pids)
    return ExportPublic(
        subject=subject,
        exported_at=ctx.now(),
        participations=participations,
        memberships=memberships,
        meetings=attended,
        goals=goals,
        notes=notes,
        reminders=reminders,
        attendance=attendance,
        calendar_feed=ExportedCalendarFeed(exists=feed_made is not None, created_at=feed_made),
    )
