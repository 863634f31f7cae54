"""A snapshot of who can be matched in a programme right now, in the engine's terms."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from tandem_matching.adapters import participants as participant_repo
from tandem_matching.domain.profiles import Participant, ProgrammePolicy
from tandem_matching.domain.programmes import Programme
from tandem_matching.service.profiles import engine_participant, policy_of


@dataclass
class Pool:
    """Waiting mentees, mentors with room (capacity = places left), pairs never to repeat."""

    policy: ProgrammePolicy
    mentees: list[Participant]
    mentors: list[Participant]
    exclusions: set[tuple[str, str]]
    rows: dict[str, dict[str, Any]] = field(default_factory=dict)
    remaining: dict[str, int] = field(default_factory=dict)  # every active mentor's places left

    def mentor(self, mentor_id: str) -> Participant | None:
        row = self.rows.get(mentor_id)
        if row is None or row["role"] != "mentor":
            return None
        return engine_participant(row, capacity=self.remaining.get(mentor_id, 0))

    def all_mentors(self) -> list[Participant]:
        """Every active mentor, full ones too (capacity = places left, possibly 0)."""
        return [m for m in (self.mentor(mid) for mid in self.remaining) if m is not None]

    def participant(self, participant_id: str) -> Participant | None:
        row = self.rows.get(participant_id)
        if row is None:
            return None
        if row["role"] == "mentor":
            return self.mentor(participant_id)
        return engine_participant(row)

    def is_waiting(self, mentee_id: str) -> bool:
        row = self.rows.get(mentee_id)
        return row is not None and row["role"] == "mentee" and not row["busy"]


async def load_pool(session: AsyncSession, programme: Programme) -> Pool:
    rows = await participant_repo.active_pool(session, programme.id)
    pool = Pool(
        policy=policy_of(programme),
        mentees=[],
        mentors=[],
        exclusions=await participant_repo.past_partners(session, programme.id),
    )
    for row in rows:
        pool.rows[row["id"]] = row
        if row["role"] == "mentor":
            left = max(0, (row["capacity"] or 0) - int(row["mentor_load"] or 0))
            pool.remaining[row["id"]] = left
            if left > 0:
                pool.mentors.append(engine_participant(row, capacity=left))
        elif not row["busy"]:
            pool.mentees.append(engine_participant(row))
    return pool
