"""A relationship's first goals: its mentees' profile goals, seeded when it starts.

Matching's profile carries a mentee's goals as tokens ("cv", "interviews"); meetings keeps
them as the relationship's goals, each token once (a redelivery, or a token already a goal,
adds nothing), each with its ``goal.progressed`` in the start's transaction. One start or a
batch of them (``service/started_batches.py``): the same goals and events, one read of the
goals already there and one insert for all.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Sequence
from uuid import UUID

from sqlalchemy.ext.asyncio import AsyncSession

from tandem_contracts.common import Role
from tandem_contracts.meetings import GoalProgressed, GoalState
from tandem_kit.outbox import add_events
from tandem_meetings.adapters import goals as repo
from tandem_meetings.domain import goals as life
from tandem_meetings.domain.goals import Goal
from tandem_meetings.domain.relationships import Relationship
from tandem_meetings.service import events
from tandem_meetings.service.context import Context
from tandem_meetings.service.slots import People


def mentee_tokens(people: People) -> list[str]:
    """The goal tokens of the relationship's mentees' profiles, in the members' order."""
    tokens: list[str] = []
    for member in people.members:
        profile = people.profiles.get(member.participant_id)
        if member.role is Role.MENTEE and profile is not None:
            tokens.extend(profile.goals)
    return tokens


async def seed_started(
    ctx: Context, session: AsyncSession, started: Sequence[tuple[Relationship, People]]
) -> list[Goal]:
    """Seed each started relationship's goals from its mentees' profiles (the goals added)."""
    wanted = {r.id: (r, tokens) for r, people in started if (tokens := mentee_tokens(people))}
    if not wanted:
        return []
    now = ctx.now()
    have: dict[UUID, list[Goal]] = defaultdict(list)
    for goal in await repo.goals_of(session, list(wanted)):
        have[goal.relationship_id].append(goal)
    added: list[Goal] = []
    progressed: list[GoalProgressed] = []
    for relationship_id, (relationship, tokens) in wanted.items():
        new = [
            Goal(
                id=uuid.uuid4(),
                relationship_id=relationship_id,
                programme_id=relationship.programme_id,
                token=token,
                title=None,
                target_date=None,
                state=GoalState.OPEN,
                created_by=None,
                created_at=now,
                updated_at=now,
            )
            for token in life.seed_tokens(tokens, [g.token for g in have[relationship_id]])
        ]
        # each new goal's counts (no milestones yet) beside the relationship's after all
        tally = life.tally([g.state for g in [*have[relationship_id], *new]])
        progressed.extend(
            events.goal_progressed(
                relationship.programme_id, relationship_id, life.count(g, []), tally, now
            )
            for g in new
        )
        added.extend(new)
    await repo.add_seeded_goals(session, added)
    await add_events(session, progressed)
    return added
