"""The roster: who can be matched in a programme right now, in the engine's terms."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from tandem_matching.adapters import participants as participant_repo
from tandem_matching.domain.profiles import Profile, ProgrammePolicy
from tandem_matching.domain.programmes import Programme
from tandem_matching.service.profiles import engine_profile, policy_of


@dataclass
class Roster:
    """Waiting mentees, mentors with room (capacity = places left), pairs never to repeat."""

    policy: ProgrammePolicy
    mentees: list[Profile]
    mentors: list[Profile]
    exclusions: set[tuple[str, str]]
    rows: dict[str, dict[str, Any]] = field(default_factory=dict)
    remaining: dict[str, int] = field(default_factory=dict)  # every active mentor's places left

    def mentor(self, mentor_id: str) -> Profile | None:
        row = self.rows.get(mentor_id)
        if row is None or row["role"] != "mentor":
            return None
        return engine_profile(row, capacity=self.remaining.get(mentor_id, 0))

    def all_mentors(self) -> list[Profile]:
        """Every active mentor, full ones too (capacity = places left, possibly 0)."""
        return [m for m in (self.mentor(mid) for mid in self.remaining) if m is not None]

    def participant(self, participant_id: str) -> Profile | None:
        row = self.rows.get(participant_id)
        if row is None:
            return None
        if row["role"] == "mentor":
            return self.mentor(participant_id)
        return engine_profile(row)

    def is_waiting(self, mentee_id: str) -> bool:
        row = self.rows.get(mentee_id)
        return row is not None and row["role"] == "mentee" and not row["busy"]


async def load_roster(session: AsyncSession, programme: Programme) -> Roster:
    rows = await participant_repo.active_pool(session, programme.id)
    roster = Roster(
        policy=policy_of(programme),
        mentees=[],
        mentors=[],
        exclusions=await participant_repo.past_partners(session, programme.id),
    )
    for row in rows:
        roster.rows[row["id"]] = row
        if row["role"] == "mentor":
            left = max(0, (row["capacity"] or 0) - int(row["mentor_load"] or 0))
            roster.remaining[row["id"]] = left
            if left > 0:
                roster.mentors.append(engine_profile(row, capacity=left))
        elif not row["busy"]:
            roster.mentees.append(engine_profile(row))
    return roster
