"""Who runs groups, how many mentees they may take, and settling a run's groups.

Issue 10: a programme offering groups, with 5 mentors of capacity 2 and 16 mentees who
preferred groups, produced only pairs: no mentor could take the 3 mentees a group needs,
and with larger capacities the pair stage spread group-minded mentees so that some mentors
stayed below the minimum. The rules that fix it:

* **Group places.** A mentor who runs groups may take up to ``max(capacity, group_size
  max)`` mentees, but never more than ``capacity`` of them one-to-one. The pair stage runs
  with these places (:func:`with_group_places`), so a mentor of capacity 2 can gather a
  group; what is not grouped is cut back to the capacity afterwards (:func:`settle`).
* **Gathering.** After the groups formed inside each mentor's assignment, mentees who
  *prefer* groups but are not in one (one-to-one or unmatched) join a group of a mentor
  among their best feasible ones (``candidates``, from the run's graph) that shares a
  goal and has room; then, mentor by mentor, new groups are formed from that mentor's own
  group-minded mentees and such mentees placed elsewhere.
* Mentees who lose a one-to-one place to the cut are handed back to the caller, which
  places them again as pairs with the places left (:mod:`engine`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from uuid import UUID

from tandem_matching.domain.groups import cluster_by_goals
from tandem_matching.domain.profiles import (
    FormatPreference,
    FormatsOffered,
    Profile,
    ProgrammePolicy,
)
from tandem_matching.domain.results import MatchedPair, MentoringGroup

Candidates = Mapping[UUID, Sequence[tuple[UUID, float]]]
"""Mentee id → (mentor id, pair score) of its best feasible mentors (exclusions applied)."""


def runs_groups(policy: ProgrammePolicy, mentor: Profile) -> bool:
    """Every mentor in a group-only programme; with both formats, those not preferring pairs."""
    if policy.formats is FormatsOffered.PAIR or mentor.capacity < 1:
        return False
    return policy.formats is FormatsOffered.GROUP or (
        mentor.preferred_format is not FormatPreference.PAIR
    )


def joins_groups(policy: ProgrammePolicy, mentee: Profile) -> bool:
    """Every mentee in a group-only programme; with both formats, those not preferring pairs."""
    if policy.formats is FormatsOffered.PAIR:
        return False
    return policy.formats is FormatsOffered.GROUP or (
        mentee.preferred_format is not FormatPreference.PAIR
    )


def group_places(policy: ProgrammePolicy, mentor: Profile) -> int:
    """How many mentees a mentor may take in all (groups and pairs)."""
    if runs_groups(policy, mentor):
        return max(mentor.capacity, policy.group_size[1])
    return mentor.capacity


def with_group_places(policy: ProgrammePolicy, mentors: Sequence[Profile]) -> list[Profile]:
    """The mentors with their group places as capacity (for the pair stage)."""
    return [
        m if (n := group_places(policy, m)) == m.capacity else replace(m, capacity=n)
        for m in mentors
    ]


@dataclass(frozen=True, slots=True)
class Settled:
    """A run's groups and every matched mentee (grouped ones too), after gathering and the
    cut; ``released``: mentees who lost their one-to-one place to the cut."""

    groups: tuple[MentoringGroup, ...]
    pairs: tuple[MatchedPair, ...]
    released: tuple[UUID, ...]


class _State:
    """The assignment being settled: who is with whom, the groups, the mentors' loads."""

    def __init__(self, pairs: Sequence[MatchedPair], groups: Sequence[MentoringGroup]) -> None:
        self.pair_of: dict[UUID, MatchedPair] = {p.mentee_id: p for p in pairs}
        self.groups: list[tuple[UUID, list[UUID], frozenset[str]]] = []
        self.groups_of: dict[UUID, list[int]] = {}
        self.grouped: set[UUID] = set()
        self.assigned: dict[UUID, set[UUID]] = {}
        for p in pairs:
            self.assigned.setdefault(p.mentor_id, set()).add(p.mentee_id)
        for g in groups:
            self.add_group(g.mentor_id, list(g.mentee_ids), frozenset(g.shared_goals))

    def load(self, mentor_id: UUID) -> int:
        return len(self.assigned.get(mentor_id, ()))

    def add_group(self, mentor_id: UUID, members: list[UUID], shared: frozenset[str]) -> None:
        self.groups_of.setdefault(mentor_id, []).append(len(self.groups))
        self.groups.append((mentor_id, members, shared))
        self.grouped.update(members)

    def place(self, mentee_id: UUID, mentor_id: UUID, score: float) -> None:
        old = self.pair_of.get(mentee_id)
        if old is not None:
            self.assigned[old.mentor_id].discard(mentee_id)
        self.pair_of[mentee_id] = MatchedPair(mentee_id, mentor_id, score)
        self.assigned.setdefault(mentor_id, set()).add(mentee_id)


def settle(
    policy: ProgrammePolicy,
    mentors: Sequence[Profile],
    mentees: Sequence[Profile],
    pairs: Sequence[MatchedPair],
    groups: Sequence[MentoringGroup],
    candidates: Candidates,
) -> Settled:
    """Gather group-preferring mentees into groups, then cut one-to-one loads to capacity.

    ``mentors`` carry their real capacities; ``pairs`` may use group places.
    """
    if policy.formats is FormatsOffered.PAIR:
        return Settled(tuple(groups), tuple(pairs), ())
    state = _State(pairs, groups)
    mentor_by = {m.id: m for m in mentors}
    mentee_by = {e.id: e for e in mentees}
    places = {m.id: group_places(policy, m) for m in mentors}
    running = {m.id for m in mentors if runs_groups(policy, m)}
    options = {
        e.id: [(j, s) for j, s in candidates.get(e.id, ()) if j in running]
        for e in mentees
        if e.preferred_format is FormatPreference.GROUP
    }
    _join(policy, state, mentee_by, places, options)
    _gather(policy, state, mentee_by, places, options, sorted(running))
    released = _cut(state, mentor_by)
    kept = tuple(p for e, p in state.pair_of.items() if e not in released)
    formed = tuple(
        MentoringGroup(mentor_id, tuple(members), tuple(sorted(goals)))
        for mentor_id, members, goals in state.groups
    )
    return Settled(formed, kept, tuple(sorted(released)))


def _join(
    policy: ProgrammePolicy,
    state: _State,
    mentee_by: Mapping[UUID, Profile],
    places: Mapping[UUID, int],
    options: Mapping[UUID, Sequence[tuple[UUID, float]]],
) -> None:
    """Each group-preferring mentee outside a group joins the best-scoring group with room
    that shares one of its goals."""
    largest = policy.group_size[1]
    for mentee_id in sorted(options):
        if mentee_id in state.grouped:
            continue
        goals = mentee_by[mentee_id].goals
        current = state.pair_of.get(mentee_id)
        best: tuple[float, int] | None = None
        for mentor_id, score in options[mentee_id]:
            moving_in = current is None or current.mentor_id != mentor_id
            if moving_in and state.load(mentor_id) >= places[mentor_id]:
                continue
            for k in state.groups_of.get(mentor_id, ()):
                _, members, shared = state.groups[k]
                room = len(members) < largest and shared & goals
                if room and (best is None or score > best[0]):
                    best = (score, k)
        if best is not None:
            score, k = best
            owner, members, shared = state.groups[k]
            state.place(mentee_id, owner, score)
            members.append(mentee_id)
            state.groups[k] = (owner, members, shared & goals)
            state.grouped.add(mentee_id)


def _gather(
    policy: ProgrammePolicy,
    state: _State,
    mentee_by: Mapping[UUID, Profile],
    places: Mapping[UUID, int],
    options: Mapping[UUID, Sequence[tuple[UUID, float]]],
    running: Sequence[UUID],
) -> None:
    """Mentor by mentor, new groups from its own group-minded mentees outside a group and
    group-preferring mentees placed elsewhere (or unmatched) who have it among their best."""
    low, high = policy.group_size
    offers: dict[UUID, dict[UUID, float]] = {}
    for mentee_id, listed in options.items():
        for mentor_id, score in listed:
            offers.setdefault(mentor_id, {})[mentee_id] = score
    for mentor_id in running:
        own = [
            mentee_by[e]
            for e in sorted(state.assigned.get(mentor_id, ()))
            if e not in state.grouped and joins_groups(policy, mentee_by[e])
        ]
        mine = {p.id for p in own}
        outside = [
            mentee_by[e]
            for e in offers.get(mentor_id, {})
            if e not in state.grouped and e not in mine
        ]
        free = places[mentor_id] - state.load(mentor_id)
        if len(own) + min(free, len(outside)) < low:
            continue
        for members, shared in cluster_by_goals(own + outside, low, high):
            newcomers = [p.id for p in members if p.id not in mine]
            if len(newcomers) > free:
                continue
            free -= len(newcomers)
            for e in newcomers:
                state.place(e, mentor_id, offers[mentor_id][e])
            state.add_group(mentor_id, [p.id for p in members], frozenset(shared))


def _cut(state: _State, mentor_by: Mapping[UUID, Profile]) -> set[UUID]:
    """One-to-one mentees beyond a mentor's capacity, lowest pair score first, lose their
    place (the group places are for groups)."""
    loose: dict[UUID, list[MatchedPair]] = {}
    for mentee_id, pair in state.pair_of.items():
        if mentee_id not in state.grouped:
            loose.setdefault(pair.mentor_id, []).append(pair)
    released: set[UUID] = set()
    for mentor_id, held in loose.items():
        over = len(held) - mentor_by[mentor_id].capacity
        if over > 0:
            held.sort(key=lambda p: (p.score, p.mentee_id))
            released.update(p.mentee_id for p in held[:over])
    return released


def places_left(
    policy: ProgrammePolicy,
    mentors: Sequence[Profile],
    pairs: Sequence[MatchedPair],
    groups: Sequence[MentoringGroup],
) -> list[int]:
    """Per mentor, the one-to-one places still open: capacity less its one-to-one mentees,
    and never beyond its group places."""
    grouped = {m for g in groups for m in g.mentee_ids}
    load: Counter[UUID] = Counter(p.mentor_id for p in pairs)
    loose: Counter[UUID] = Counter(p.mentor_id for p in pairs if p.mentee_id not in grouped)
    return [
        max(0, min(m.capacity - loose[m.id], group_places(policy, m) - load[m.id])) for m in mentors
    ]
