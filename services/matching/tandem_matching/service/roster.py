"""The roster: who can be matched in a programme right now, in the engine's terms."""

from __future__ import annotations

from dataclasses import dataclass, field
from uuid import UUID

from sqlalchemy.ext.asyncio import AsyncSession

from tandem_matching.adapters import participants as participant_repo
from tandem_matching.domain.group_stage import group_places
from tandem_matching.domain.participants import Participant, Standing
from tandem_matching.domain.profiles import Profile, ProgrammePolicy, Role
from tandem_matching.domain.programmes import Programme
from tandem_matching.service.profiles import engine_profile, policy_of


@dataclass
class Roster:
    """Waiting mentees, mentors with room (capacity = places left), pairs never to repeat."""

    policy: ProgrammePolicy
    mentees: list[Profile]
    mentors: list[Profile]
    exclusions: set[tuple[UUID, UUID]]
    standings: dict[UUID, Standing] = field(default_factory=dict)
    remaining: dict[UUID, int] = field(default_factory=dict)  # every active mentor's places left

    def record(self, participant_id: UUID) -> Participant | None:
        standing = self.standings.get(participant_id)
        return standing.participant if standing else None

    def mentor(self, mentor_id: UUID) -> Profile | None:
        found = self.record(mentor_id)
        if found is None or found.role is not Role.MENTOR:
            return None
        return engine_profile(found, capacity=self.remaining.get(mentor_id, 0))

    def named(self, participant_id: UUID) -> str:
        """A participant as a manager reads them in a message: display name and id."""
        found = self.record(participant_id)
        if found is None or not found.display_name:
            return str(participant_id)
        return f"{found.display_name} ({participant_id})"

    def places(self, mentor_id: UUID) -> tuple[int, int]:
        """(one-to-one places, places in all) a mentor has left; a mentor who runs groups
        has group places (:func:`group_places`)."""
        mentor = self.mentor(mentor_id)
        if mentor is None:
            return 0, 0
        return mentor.capacity, group_places(self.policy, mentor)

    def all_mentors(self) -> list[Profile]:
        """Every active mentor, full ones too (capacity = places left, possibly 0)."""
        return [m for m in (self.mentor(mid) for mid in self.remaining) if m is not None]

    def participant(self, participant_id: UUID) -> Profile | None:
        found = self.record(participant_id)
        if found is None:
            return None
        if found.role is Role.MENTOR:
            return self.mentor(participant_id)
        return engine_profile(found)

    def is_waiting(self, mentee_id: UUID) -> bool:
        standing = self.standings.get(mentee_id)
        return (
            standing is not None and standing.participant.role is Role.MENTEE and not standing.busy
        )


async def load_roster(session: AsyncSession, programme: Programme) -> Roster:
    standings = await participant_repo.active_standings(session, programme.id)
    roster = Roster(
        policy=policy_of(programme),
        mentees=[],
        mentors=[],
        exclusions=await participant_repo.past_partners(session, programme.id),
    )
    for standing in standings:
        found = standing.participant
        roster.standings[found.id] = standing
        if found.role is Role.MENTOR:
            left = max(0, (found.capacity or 0) - standing.mentees)
            roster.remaining[found.id] = left
            if left > 0:
                roster.mentors.append(engine_profile(found, capacity=left))
        elif not standing.busy:
            roster.mentees.append(engine_profile(found))
    return roster
