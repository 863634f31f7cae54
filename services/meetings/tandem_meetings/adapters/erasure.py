"""What an erasure changes in meetings' own tables, beyond the other features' forget helpers.

Each statement touches only the erased person's rows and is a no-op the second time, so
the hook may run twice (``participant.erased`` and the contact's tombstone) unharmed.
"""

from __future__ import annotations

from uuid import UUID

from sqlalchemy import delete, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from tandem_meetings.adapters.tables import (
    meeting_attendees,
    meetings,
    relationship_members,
    reminder_jobs,
)

# What stands in a member row's ``subject`` once its person is erased: the row keeps the
# relationship's shape (its format, who was the mentor), the token's ``sub`` goes.
ERASED_SUBJECT = "erased:"


def erased_subject(participant_id: UUID) -> str:
    return f"{ERASED_SUBJECT}{participant_id}"


async def subjects_of(session: AsyncSession, participant_id: UUID) -> set[str]:
    """The token subjects the person's member rows still name (none once erased)."""
    rows = await session.scalars(
        select(relationship_members.c.subject).where(
            relationship_members.c.participant_id == participant_id
        )
    )
    return {s for s in rows if not s.startswith(ERASED_SUBJECT)}


async def anonymise_attendee(session: AsyncSession, participant_id: UUID) -> None:
    """Attendee rows keep the meeting's shape (a mentor and a mentee were invited, who
    answered what) without saying who: the id goes, the ``erased`` flag says why."""
    await session.execute(
        update(meeting_attendees)
        .where(meeting_attendees.c.participant_id == participant_id)
        .values(participant_id=None, erased=True)
    )


async def anonymise_member(session: AsyncSession, participant_id: UUID) -> None:
    await session.execute(
        update(relationship_members)
        .where(relationship_members.c.participant_id == participant_id)
        .values(subject=erased_subject(participant_id))
    )


async def forget_cancel_notes(session: AsyncSession, participant_id: UUID) -> None:
    """The person's cancel notes: sealed under their (now shredded) key, so unreadable
    already; the ciphertext and the authorship go too."""
    await session.execute(
        update(meetings)
        .where(meetings.c.cancel_note_author == participant_id)
        .values(cancel_note=None, cancel_note_author=None)
    )


async def forget_reminders(session: AsyncSession, participant_id: UUID) -> None:
    """Every reminder job of the person, pending or done (a sent one names whom it went to)."""
    await session.execute(
        delete(reminder_jobs).where(reminder_jobs.c.participant_id == participant_id)
    )
