"""Manager review: check hand edits, and say why a mentee is unmatched.

A manager may move a mentee to another mentor or swap two mentees. :func:`validate`
checks the edited assignment against every hard rule and each mentor's capacity and lists
each breach by name with a reason. :func:`explain_unmatched` (one mentee) and
:func:`unmatched_reasons` (a whole run, in bulk) give the reason a mentee has no mentor,
most fundamental first: no shared language, nobody allowed by place/country rules, no
availability overlap, excluded, all compatible mentors full, or outranked by the
whole-pool optimisation.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from uuid import UUID

import numpy as np

from tandem_matching.domain.candidates import Excluded, group_mentees, mentor_block
from tandem_matching.domain.constraints import Breach, Exclusions, pair_breaches
from tandem_matching.domain.constraints import feasible as feasible_mask
from tandem_matching.domain.encoding import I64, Pool
from tandem_matching.domain.group_stage import group_places
from tandem_matching.domain.pair_kernels import Block, feasible_counts, feasible_pairs
from tandem_matching.domain.profiles import HardConstraint, Profile, ProgrammePolicy
from tandem_matching.domain.results import Unmatched

Assignment = Sequence[tuple[UUID, UUID]]
"""(mentee id, mentor id) pairs."""


def validate(
    policy: ProgrammePolicy,
    mentors: Sequence[Profile],
    mentees: Sequence[Profile],
    assignment: Assignment,
    exclusions: Exclusions = (),
    names: Mapping[UUID, str] | None = None,
    *,
    free_places: bool = False,
) -> list[Breach]:
    """Every breach of an assignment: pair rules, capacity, unknown ids, duplicates.

    ``names``: how a manager reads a participant (display name and id); ids otherwise.
    ``free_places``: the mentors' capacities are the places left after their current
    relationships (the reasons say so)."""
    named = names or {}
    r_by = {p.id: p for p in mentors}
    e_by = {p.id: p for p in mentees}
    breaches: list[Breach] = []
    seen: Counter[UUID] = Counter()
    load: Counter[UUID] = Counter()
    excl = set(exclusions)
    for e_id, r_id in assignment:
        seen[e_id] += 1
        e, r = e_by.get(e_id), r_by.get(r_id)
        if e is None or r is None:
            who = e_id if e is None else r_id
            breaches.append(
                Breach(HardConstraint.UNKNOWN, f"unknown participant {who}", e_id, r_id)
            )
            continue
        load[r_id] += 1
        breaches.extend(pair_breaches(policy, e, r, excl))
    for e_id, times in sorted(seen.items()):
        if times > 1:
            breaches.append(
                Breach(HardConstraint.DUPLICATE, f"assigned {times} times (at most once)", e_id)
            )
    for r_id, n in sorted(load.items()):
        mentor = r_by[r_id]
        cap = group_places(policy, mentor)  # a mentor who runs groups has group places
        if n > cap:
            places = "capacity" if cap == mentor.capacity else "group places"
            if free_places:
                places = f"free {places} (after their current relationships)"
            places += " allows" if cap == mentor.capacity else " allow"
            breaches.append(
                Breach(
                    HardConstraint.CAPACITY,
                    f"mentor {named.get(r_id, str(r_id))} would have {n} mentees, and their "
                    f"{places} {_mentees(cap)}: move a mentee of theirs to another "
                    "mentor first, or raise their capacity",
                    None,
                    r_id,
                )
            )
    return breaches


def move(assignment: Assignment, mentee_id: UUID, mentor_id: UUID) -> list[tuple[UUID, UUID]]:
    """The assignment with one mentee moved to (or newly given) another mentor."""
    out = [(e, r) for e, r in assignment if e != mentee_id]
    out.append((mentee_id, mentor_id))
    return out


def swap(assignment: Assignment, mentee_a: UUID, mentee_b: UUID) -> list[tuple[UUID, UUID]]:
    """The assignment with two mentees exchanging their mentors."""
    mentor_of = dict(assignment)
    if mentee_a not in mentor_of or mentee_b not in mentor_of:
        raise KeyError("both mentees must be assigned to swap them")
    ra, rb = mentor_of[mentee_a], mentor_of[mentee_b]
    return [(e, rb if e == mentee_a else ra if e == mentee_b else r) for e, r in assignment]


_ORDER = (
    HardConstraint.SELF,
    HardConstraint.LANGUAGE,
    HardConstraint.COUNTRY,
    HardConstraint.FACE_TO_FACE,
    HardConstraint.AVAILABILITY,
    HardConstraint.EXCLUSION,
)


def explain_unmatched(
    policy: ProgrammePolicy,
    mentors: Sequence[Profile],
    mentee: Profile,
    load: Mapping[UUID, int],
    exclusions: Exclusions = (),
) -> tuple[str, str]:
    """(code, reason) for one unmatched mentee, checking every mentor (scalar path)."""
    excl = set(exclusions)
    blocked: Counter[HardConstraint] = Counter()
    compatible: list[Profile] = []
    for r in mentors:
        found = {b.constraint for b in pair_breaches(policy, mentee, r, excl)}
        if not found and r.capacity > 0:
            compatible.append(r)
        for c in found:
            blocked[c] += 1
    if compatible:
        room = sum(1 for r in compatible if load.get(r.id, 0) < r.capacity)
        return _verdict(len(compatible), room)
    return _first_blocker(blocked, sum(1 for r in mentors if r.capacity > 0), policy)


def _mentees(n: int) -> str:
    return "no mentee" if n <= 0 else "1 mentee" if n == 1 else f"{n} mentees"


def _verdict(compatible: int, room: int) -> tuple[str, str]:
    if room == 0:
        who = (
            "the only compatible mentor is full"
            if compatible == 1
            else f"all {compatible} compatible mentors are full"
        )
        return (
            "all_full",
            f"{who}: giving this mentee a place would leave another mentee unmatched or lower "
            "the total; raise a compatible mentor's capacity or recruit another mentor who "
            "fits (language, availability, place), then run again, or move the mentee by hand",
        )
    has = "1 compatible mentor still has" if room == 1 else f"{room} compatible mentors still have"
    return "room_left", f"{has} room: move the mentee to one of them by hand, or run again"


def _first_blocker(
    blocked: Mapping[HardConstraint, int], n: int, policy: ProgrammePolicy
) -> tuple[str, str]:
    messages = {
        HardConstraint.LANGUAGE: "no mentor shares a working language",
        HardConstraint.COUNTRY: f"no mentor fits the country policy ({policy.country_policy})",
        HardConstraint.FACE_TO_FACE: "no mentor can meet in person within reach",
        HardConstraint.AVAILABILITY: (
            f"no mentor has {policy.min_overlap_hours:g} h/week of shared availability"
        ),
        HardConstraint.EXCLUSION: "every remaining mentor is excluded for this mentee",
    }
    if n == 0:
        return "no_mentors", "the programme has no mentors"
    for c in _ORDER:
        if blocked.get(c, 0) >= n and c in messages:
            return c.value, messages[c]
    return "no_compatible", "no mentor satisfies all the hard rules together"


def unmatched_reasons(
    pool: Pool,
    rows: I64,
    load: I64,
    excluded: Excluded,
    tasks: Sequence[tuple[I64, Block]] | None = None,
) -> tuple[Unmatched, ...]:
    """Reasons for many unmatched mentees at once, from the encoded pool. ``tasks``: a
    run's chunks (:meth:`candidates.MenteeGroups.tasks`) to reuse their mentor blocks."""
    if rows.size == 0:
        return ()
    policy = pool.policy
    cap = pool.mentors.capacity
    active = int((cap > 0).sum())
    room = cap - load
    tables = pool.tables
    out: dict[int, tuple[str, str]] = {}
    if tasks is None:
        groups = group_mentees(pool, rows)
        tasks = [
            (groups.order[lo:hi], mentor_block(pool, allowed)) for lo, hi, allowed in groups.bounds
        ]
    wanted = np.zeros(len(pool.mentees), dtype=np.bool_)
    wanted[rows] = True
    for chunk, block in tasks:
        sub = chunk[wanted[chunk]]
        if sub.size == 0:
            continue
        if block[0].size == 0:
            for i in sub.tolist():
                blocked = _static_blockers(pool, i)
                out[i] = _first_blocker(blocked, active, policy)
            continue
        counts = np.zeros((sub.size, 3), dtype=np.int64)
        pairs = feasible_pairs(sub, block, tables)
        feasible_counts(sub, pairs, block[0], room, excluded.ptr, excluded.idx, counts)
        for i, (timely, feasible, with_room) in zip(sub.tolist(), counts.tolist(), strict=True):
            if feasible:
                out[i] = _verdict(feasible, with_room)
            elif timely:
                out[i] = ("exclusion", "every remaining mentor is excluded for this mentee")
            else:
                out[i] = (
                    "availability",
                    f"no mentor has {policy.min_overlap_hours:g} h/week of shared availability",
                )
    return tuple(Unmatched(pool.mentees.participants[i].id, *out[i]) for i in rows.tolist())


def _static_blockers(pool: Pool, i: int) -> Counter[HardConstraint]:
    """Per pair-independent rule, how many mentors it rules out for mentee i."""
    policy = pool.policy
    r = pool.mentors
    everyone = np.arange(len(r), dtype=np.int64)
    mine = np.full(len(r), i, dtype=np.int64)
    usable = r.capacity > 0
    counts: Counter[HardConstraint] = Counter()
    solo = {
        HardConstraint.LANGUAGE: {HardConstraint.LANGUAGE},
        HardConstraint.FACE_TO_FACE: {HardConstraint.FACE_TO_FACE},
    }
    for c, hard in solo.items():
        if policy.is_hard(c):
            only = _with_hard(policy, hard)
            ok = feasible_mask(_repolicy(pool, only), mine, everyone)
            counts[c] = int((~ok & usable).sum())
    if policy.country_policy.value != "any":
        only = _with_hard(policy, set())
        ok = feasible_mask(_repolicy(pool, only), mine, everyone)
        counts[HardConstraint.COUNTRY] = int((~ok & usable).sum())
    return counts


def _with_hard(policy: ProgrammePolicy, hard: Iterable[HardConstraint]) -> ProgrammePolicy:
    return replace(policy, hard=frozenset(hard))


def _repolicy(pool: Pool, policy: ProgrammePolicy) -> Pool:
    return replace(pool, policy=policy)
