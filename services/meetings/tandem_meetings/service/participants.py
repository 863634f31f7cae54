"""Runs of participant events at once (a programme's roster import): contacts from the
compacted contacts topic, profiles from matching's, each run in one transaction.

Each leaves exactly what its one-by-one handler would have left, event by event and in
order: an erased participant's event changes nothing; a contact goes to the kit's
directory (``register_directory``'s handler) and a profile to meetings' copy
(``profiles.profile_stated``); a member of an active planned relationship then has those
plans adapted (``plan_instances.member_known``, in the event's place in the run). What
the run saves at once: the erasure check (one read), the question "in a plan?" (one read:
for a participant in none, as in an import before any start, ``member_known`` finds
nothing to do), the profiles' upserts (one statement between two members with plans) and
above all the transaction (one inbox insert and commit for the run).
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy.ext.asyncio import AsyncSession

from tandem_contracts.contacts import ParticipantContact
from tandem_contracts.matching import ParticipantProfileFacts
from tandem_kit import directory
from tandem_kit.directory import store as directory_store
from tandem_meetings.adapters import availability as profiles_repo
from tandem_meetings.adapters import participants as repo
from tandem_meetings.domain.availability import Profile
from tandem_meetings.service import plan_instances
from tandem_meetings.service.context import Context
from tandem_meetings.service.profiles import profile_of


async def contacts_stated(
    ctx: Context, session: AsyncSession, records: Sequence[ParticipantContact]
) -> None:
    """The directory's ``contact_stated`` and meetings' ``participant_known`` hook for each."""
    ids = {record.participant_id for record in records}
    erased = await directory.erased_among(session, ids)
    planned = await repo.members_with_plans(session, ids)
    for record in records:
        if record.participant_id in erased:
            continue  # a value that overtook the erasure must not restore the contact
        await directory_store.save_participant(session, directory.participant_of(record), ctx.now())
        if record.participant_id in planned:
            await plan_instances.member_known(ctx, session, record.participant_id)


async def profiles_stated(
    ctx: Context, session: AsyncSession, events: Sequence[ParticipantProfileFacts]
) -> None:
    """``profiles.profile_stated`` and ``member_known`` for each (registered or updated)."""
    ids = {event.participant_id for event in events}
    erased = await directory.erased_among(session, ids)
    planned = await repo.members_with_plans(session, ids)
    pending: list[Profile] = []
    for event in events:
        if event.participant_id in erased:
            continue  # an erased participant stays erased
        pending.append(profile_of(event))
        if event.participant_id in planned:
            # saved before the plan adapts, and what follows after: the one-by-one order
            await profiles_repo.save_profiles(session, pending, ctx.now())
            pending.clear()
            await plan_instances.member_known(ctx, session, event.participant_id)
    await profiles_repo.save_profiles(session, pending, ctx.now())
