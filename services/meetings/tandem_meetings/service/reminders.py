"""Reminders: planned with a meeting's schedule, moved by a reschedule, removed by a
cancel, and sent by the ``reminders`` worker through the kit's mail outbox.

Each due reminder is rendered in its recipient's language and zone and queued under a
deterministic idempotency key in the same transaction that marks its row sent, so a
worker that dies before that commit leaves the row to be claimed again (its lease runs
out) and one that dies after it leaves the mail to the kit's relay: it is delivered at
least once, always under the same Message-ID (exactly once in effect).
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from tandem_kit import directory
from tandem_kit.mail import queue_rendered
from tandem_kit.privacy import participant
from tandem_meetings.adapters import meetings as meeting_repo
from tandem_meetings.adapters import relationships as relationship_repo
from tandem_meetings.adapters import reminders as repo
from tandem_meetings.domain import reminders as rules
from tandem_meetings.domain.invitations import MeetingMail, Span
from tandem_meetings.domain.mail_texts import REMINDER
from tandem_meetings.domain.meetings import Meeting
from tandem_meetings.domain.reminders import Reminder, ReminderState
from tandem_meetings.service import sealing, video
from tandem_meetings.service.context import Context
from tandem_meetings.service.invitations import render_mail
from tandem_meetings.service.plans import programme_policy

BATCH = 50


async def plan(
    ctx: Context, session: AsyncSession, meeting: Meeting, participant_ids: Sequence[uuid.UUID]
) -> None:
    """The meeting's reminders at the programme's offsets (its policy; 24 h and 1 h by
    default), one per member, for this SEQUENCE; pending ones of an earlier one go."""
    await repo.forget_pending(session, meeting.id)
    if not meeting.scheduled:
        return
    policy = await programme_policy(session, meeting.programme_id)
    due = rules.due_times(meeting.starts_at, policy.reminder_offsets_minutes, ctx.now())
    await repo.add(session, meeting.id, meeting.sequence, participant_ids, due)


async def forget(session: AsyncSession, meeting: Meeting) -> None:
    """A cancelled meeting sends no reminder."""
    await repo.forget_pending(session, meeting.id)


async def send_due_reminders(ctx: Context, now: datetime, *, owner: str) -> int:
    """One round of the worker: claim due reminders under a lease, then queue each in its
    own transaction (which marks it done). Returns how many it handled."""
    lease = ctx.settings.reminder_lease_seconds
    async with ctx.database.transaction() as session:
        claimed = await repo.claim(session, owner, now, lease, BATCH)
    for reminder in claimed:
        async with ctx.database.transaction() as session:
            await _deliver(ctx, session, reminder, owner)
    return len(claimed)


async def _deliver(ctx: Context, session: AsyncSession, reminder: Reminder, owner: str) -> None:
    now = ctx.now()
    meeting = await meeting_repo.by_id(session, reminder.meeting_id)
    if meeting is None or not meeting.scheduled or meeting.sequence != reminder.sequence:
        await repo.forget(session, reminder)  # replaced by a reschedule's, or cancelled
        return
    if rules.too_late(meeting.starts_at, now):
        await repo.finish(session, reminder, owner, ReminderState.DROPPED, now)
        return
    if not await repo.finish(session, reminder, owner, ReminderState.SENT, now):
        return  # the lease ran out and another worker has it
    found = await directory.participants_by_id(session, [reminder.participant_id])
    person = found.get(reminder.participant_id)
    relationship = await relationship_repo.by_id(session, meeting.relationship_id)
    if person is None or relationship is None:
        return  # no contact (erased, or not yet known): nobody to mail
    programme = await directory.programme(session, meeting.programme_id)
    key = sealing.relationship_key(ctx.keyring, relationship)
    link = sealing.open_link(key, meeting)
    members = await relationship_repo.members_of(session, relationship.id)
    me = next((m for m in members if m.participant_id == reminder.participant_id), None)
    mail = render_mail(
        REMINDER,
        person.contact,
        MeetingMail(
            programme=programme.name or "" if programme is not None else "",
            span=Span(meeting.starts_at, meeting.ends_at),
            mode=meeting.mode,
            activity_key=meeting.activity_key,
            place=sealing.open_place(key, meeting),
            video_link=video.url_for(link, me)[0] if link is not None and me else None,
            link=ctx.settings.web_link(f"/meetings/{meeting.id}"),  # the member's page
        ),
        wording=programme.wording if programme is not None else None,
    )
    await queue_rendered(
        session,
        mail,
        recipient=person.contact.email,
        idempotency_key=rules.idempotency_key(reminder),
        names=[participant(reminder.participant_id)],
    )


async def reminders_of(ctx: Context, meeting_id: uuid.UUID) -> list[Reminder]:
    async with ctx.database.transaction() as session:
        return await repo.of_meeting(session, meeting_id)
