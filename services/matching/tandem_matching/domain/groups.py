"""Group mentoring: a mentor with several mentees whose goals fit each other.

Approach (chosen so that groups never cost the whole-pool optimisation anything): the run
first assigns mentees to mentors as pairs, with capacity and every hard rule per member,
and with the format preference already in the soft score (group-minded mentees lean
towards group-minded mentors). Groups are then *formed inside each mentor's assignment*:

* which mentors run groups: every mentor when the programme offers only groups; when it
  offers both, mentors who prefer groups (or have no preference);
* which mentees join: all of them in a group-only programme, otherwise those who prefer
  groups or have no preference;
* how: repeatedly take the goal shared by most of the remaining mentees, and make a group
  of up to ``group_size[1]`` mentees that have it (those with the fewest other goals first,
  so broader mentees stay available for the next goal). A group needs ``group_size[0]``
  members; mentees left over keep their one-to-one relationship with the same mentor.

Because every member was already a feasible pair for that mentor, a group satisfies the
hard constraints member by member. The pair stage gives a mentor who runs groups its
*group places* (``max(capacity, group_size[1])``); :mod:`group_stage` then gathers
group-preferring mentees left outside a group and cuts one-to-one loads back to capacity.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import compress
from operator import attrgetter
from uuid import UUID

from tandem_matching.domain.profiles import (
    FormatPreference,
    FormatsOffered,
    Profile,
    ProgrammePolicy,
)
from tandem_matching.domain.results import MatchedPair, MentoringGroup

_ID, _MENTOR_ID, _MENTEE_ID = attrgetter("id"), attrgetter("mentor_id"), attrgetter("mentee_id")


def form_groups(
    policy: ProgrammePolicy,
    mentors: Sequence[Profile],
    mentees: Sequence[Profile],
    pairs: Sequence[MatchedPair],
) -> tuple[MentoringGroup, ...]:
    """Groups formed from a run's pairs (empty for pair-only programmes)."""
    if policy.formats is FormatsOffered.PAIR:
        return ()
    only_groups = policy.formats is FormatsOffered.GROUP
    min_size, max_size = policy.group_size
    pair_only = FormatPreference.PAIR
    # Only mentees who would join a group, under mentors who run groups, matter: with both
    # formats offered that is a small part of the pairs, so the rest are dropped first,
    # the mentor test in C (map, compress) as it drops the most.
    joins = {p.id: p for p in mentees if only_groups or p.preferred_format is not pair_only}
    runs = {p.id for p in mentors if only_groups or p.preferred_format is not pair_only}
    kept = list(compress(pairs, map(runs.__contains__, map(_MENTOR_ID, pairs))))
    willing: dict[UUID, list[Profile]] = {}
    for pair, mentee in zip(kept, map(joins.get, map(_MENTEE_ID, kept)), strict=True):
        if mentee is not None:
            willing.setdefault(pair.mentor_id, []).append(mentee)
    out: list[MentoringGroup] = []
    for mentor_id in sorted(willing):
        assigned = willing[mentor_id]
        if len(assigned) < min_size:
            continue  # no group can form
        for members, goals in cluster_by_goals(assigned, min_size, max_size):
            out.append(MentoringGroup(mentor_id, tuple([m.id for m in members]), goals))
    return tuple(out)


def cluster_by_goals(
    mentees: Sequence[Profile], min_size: int, max_size: int
) -> list[tuple[list[Profile], tuple[str, ...]]]:
    """Split mentees into groups of min..max members that share at least one goal."""
    remaining = sorted(mentees, key=_ID)
    groups: list[tuple[list[Profile], tuple[str, ...]]] = []
    while len(remaining) >= min_size:
        # A handful of mentees per mentor: a plain dict counts faster than a Counter.
        counts: dict[str, int] = {}
        for p in remaining:
            for g in p.goals:
                counts[g] = counts.get(g, 0) + 1
        if not counts:
            break
        n = max(counts.values())
        if n < min_size:
            break
        goal = max([g for g, c in counts.items() if c == n])  # ties: the last goal by name
        # Fewest other goals first, then by id: ``remaining`` is in id order and the sort
        # is stable.
        having = sorted([p for p in remaining if goal in p.goals], key=_goal_count)
        members = having[:max_size]
        shared = frozenset.intersection(*[p.goals for p in members])
        groups.append((members, tuple(sorted(shared))))
        if len(members) == len(remaining):
            break  # everyone left is in this group
        chosen = {p.id for p in members}
        remaining = [p for p in remaining if p.id not in chosen]
    return groups


def _goal_count(p: Profile) -> int:
    return len(p.goals)
