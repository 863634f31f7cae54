"""Profiles: matching's participant facts as meetings keeps them, and their erasure.

``participant.registered`` / ``participant.updated`` carry each participant's role,
country, weekly availability, modality and goals (ids, not free text); meetings keeps
the latest copy (events of one programme arrive in order: their key is the programme).
Other features read them with :func:`profiles`, in their own transaction.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from uuid import UUID

from sqlalchemy.ext.asyncio import AsyncSession

from tandem_contracts.matching import ParticipantProfileFacts
from tandem_kit import directory
from tandem_meetings.adapters import availability as profiles_repo
from tandem_meetings.adapters import calendar_sources as feeds_repo
from tandem_meetings.domain.availability import Profile, matching_windows
from tandem_meetings.service.context import Context


def profile_of(event: ParticipantProfileFacts) -> Profile:
    return Profile(
        participant_id=event.participant_id,
        programme_id=event.programme_id,
        role=str(event.role),
        country=str(event.country),
        modality=event.modality,
        goals=tuple(str(goal) for goal in event.goals),
        availability=matching_windows((w.weekday, w.start, w.end) for w in event.availability),
    )


async def profile_stated(
    session: AsyncSession, ctx: Context, event: ParticipantProfileFacts
) -> None:
    """``participant.registered`` or ``.updated``: keep the facts as they are now.
    An erased participant stays erased (a late event brings nothing back)."""
    if await directory.is_erased(session, event.participant_id):
        return
    await profiles_repo.save_profile(session, profile_of(event), ctx.now())


async def profiles(
    session: AsyncSession, participant_ids: Iterable[UUID]
) -> Mapping[UUID, Profile]:
    """The profiles meetings holds for these participants (those it heard of), each with
    the participant's own availability override when set (``Profile.windows``)."""
    return await profiles_repo.profiles_by_id(session, participant_ids)


async def forget_participant(session: AsyncSession, participant_id: UUID) -> None:
    """Delete the participant's profile copy, availability override, calendar feed URL
    and busy intervals (their part of an erasure)."""
    await profiles_repo.forget(session, participant_id)
    await feeds_repo.forget(session, participant_id)
