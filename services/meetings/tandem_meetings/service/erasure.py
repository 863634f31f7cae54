"""A participant's erasure in meetings: the directory's ``on_erased`` hook, one transaction.

The kit's directory has already deleted the contact and shredded the person's key (so
every field sealed under it — the feed URL, notes, cancel notes — opens with nothing)
and marked them erased (so a late profile, contact or start brings nothing back). Here
the rows go too, or lose the person's id:

- profile copy, availability override, external calendar feed and its busy intervals;
- the notes they wrote and their cancel notes (ciphertext and authorship);
- their authorship of goals (the goal stays the relationship's; its title is sealed
  under the relationship's key, not theirs);
- attendee rows anonymised (``participant_id`` null, ``erased``), member rows without
  their token subject, their reminder jobs deleted;
- their personal calendar feed token, once the subject is in no other programme here;
- their attendance records and the marks about them anonymised (id null, ``erased``):
  the meetings' outcomes and the manager's counts stay true.

Every step selects the person's rows only, so a second run (the contact's tombstone
after ``participant.erased``, or a redelivery) changes nothing.
"""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from tandem_kit import directory
from tandem_kit.directory import Erasure
from tandem_meetings.adapters import attendance as attendance_repo
from tandem_meetings.adapters import erasure as repo
from tandem_meetings.adapters import goals as goals_repo
from tandem_meetings.adapters import notes as notes_repo
from tandem_meetings.service import personal_feeds
from tandem_meetings.service.profiles import forget_participant


async def participant_erased(session: AsyncSession, erasure: Erasure) -> None:
    pid = erasure.participant_id
    subjects = await repo.subjects_of(session, pid)
    if erasure.subject is not None:
        subjects.add(erasure.subject)
    await forget_participant(session, pid)
    await notes_repo.forget_author(session, pid)
    await repo.forget_cancel_notes(session, pid)
    await goals_repo.forget_author(session, pid)
    await repo.anonymise_attendee(session, pid)
    await attendance_repo.forget_participant(session, pid)
    await repo.forget_reminders(session, pid)
    await repo.anonymise_member(session, pid)
    # One feed per person across programmes: it stays while they take part in another.
    # The same path as a revocation: the token row and the bodies this process rendered.
    for subject in subjects:
        if not await directory.subject_participates(session, subject):
            await personal_feeds.forget_subject(session, subject)
