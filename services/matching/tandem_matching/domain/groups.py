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
hard constraints member by member, and the mentor's capacity counts its mentees.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING

from tandem_matching.domain.profiles import (
    FormatPreference,
    FormatsOffered,
    Participant,
    ProgrammePolicy,
)

if TYPE_CHECKING:
    from tandem_matching.domain.engine import MatchedPair, MentoringGroup


def form_groups(
    policy: ProgrammePolicy,
    mentors: Sequence[Participant],
    mentees: Sequence[Participant],
    pairs: Sequence[MatchedPair],
) -> tuple[MentoringGroup, ...]:
    """Groups formed from a run's pairs (empty for pair-only programmes)."""
    from tandem_matching.domain.engine import MentoringGroup

    if policy.formats is FormatsOffered.PAIR:
        return ()
    only_groups = policy.formats is FormatsOffered.GROUP
    by_id_r = {p.id: p for p in mentors}
    by_id_e = {p.id: p for p in mentees}
    per_mentor: dict[str, list[Participant]] = {}
    for pair in pairs:
        per_mentor.setdefault(pair.mentor_id, []).append(by_id_e[pair.mentee_id])
    out: list[MentoringGroup] = []
    for mentor_id, assigned in sorted(per_mentor.items()):
        mentor = by_id_r[mentor_id]
        if not only_groups and mentor.preferred_format is FormatPreference.PAIR:
            continue
        willing = [
            e for e in assigned if only_groups or e.preferred_format is not FormatPreference.PAIR
        ]
        for members, goals in cluster_by_goals(willing, *policy.group_size):
            out.append(MentoringGroup(mentor_id, tuple(m.id for m in members), goals))
    return tuple(out)


def cluster_by_goals(
    mentees: Sequence[Participant], min_size: int, max_size: int
) -> list[tuple[list[Participant], tuple[str, ...]]]:
    """Split mentees into groups of min..max members that share at least one goal."""
    remaining = sorted(mentees, key=lambda p: p.id)
    groups: list[tuple[list[Participant], tuple[str, ...]]] = []
    while len(remaining) >= min_size:
        counts = Counter(g for p in remaining for g in p.goals)
        if not counts:
            break
        goal, n = max(counts.items(), key=lambda kv: (kv[1], kv[0]))
        if n < min_size:
            break
        having = sorted(
            (p for p in remaining if goal in p.goals), key=lambda p: (len(p.goals), p.id)
        )
        members = having[:max_size]
        shared = frozenset.intersection(*(p.goals for p in members))
        groups.append((members, tuple(sorted(shared))))
        chosen = {p.id for p in members}
        remaining = [p for p in remaining if p.id not in chosen]
    return groups
