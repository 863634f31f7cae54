"""Why a participant who preferred group mentoring is not in a group.

Every mentee and mentor whose ``preferred_format`` is ``group`` and who ends a run
one-to-one, unmatched or (mentors) without a group gets one :class:`NotGrouped` line: a
stable ``code`` and a plain reason. The checks follow :mod:`group_stage`: whatever it
could have done for the person, it did, so the reason is the first rule that stopped it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from uuid import UUID

import numpy as np

from tandem_matching.domain.candidates import Excluded
from tandem_matching.domain.constraints import feasible, pair_breaches
from tandem_matching.domain.encoding import Pool
from tandem_matching.domain.group_stage import Candidates, joins_groups, runs_groups
from tandem_matching.domain.profiles import (
    FormatPreference,
    FormatsOffered,
    Profile,
    ProgrammePolicy,
    Role,
)
from tandem_matching.domain.results import MatchedPair, MentoringGroup, NotGrouped, Unmatched

PAIRS_ONLY = "pairs_only"
UNMATCHED = "unmatched"
HARD_CONSTRAINT = "hard_constraint"
MENTOR_PREFERS_PAIRS = "mentor_prefers_pairs"
NO_SHARED_GOAL = "no_shared_goal"
GROUPS_FULL = "capacity"
BELOW_MINIMUM = "group_below_minimum"


def not_grouped(
    policy: ProgrammePolicy,
    mentors: Sequence[Profile],
    mentees: Sequence[Profile],
    pairs: Sequence[MatchedPair],
    groups: Sequence[MentoringGroup],
    unmatched: Sequence[Unmatched],
    candidates: Candidates,
    exclusions: frozenset[tuple[UUID, UUID]] = frozenset(),
    fits: Fits | None = None,
) -> tuple[NotGrouped, ...]:
    """One line per group-preferring participant outside a group, mentees first.

    ``fits(mentee)``: does any mentor who runs groups meet the hard rules with them (by
    default checked pair by pair; :func:`pool_fits` does it in bulk)."""
    grouped = {m for g in groups for m in g.mentee_ids}
    leading = {g.mentor_id for g in groups}
    mentor_of = {p.mentee_id: p.mentor_id for p in pairs}
    why_unmatched = {u.mentee_id: u.reason for u in unmatched}
    wants = FormatPreference.GROUP
    view = _View(policy, mentors, mentees, mentor_of, candidates, exclusions, fits)
    out = [
        NotGrouped(e.id, Role.MENTEE, *view.mentee(e, why_unmatched.get(e.id)))
        for e in mentees
        if e.preferred_format is wants and e.id not in grouped
    ]
    out += [
        NotGrouped(r.id, Role.MENTOR, *view.mentor(r))
        for r in mentors
        if r.preferred_format is wants and r.capacity > 0 and r.id not in leading
    ]
    return tuple(out)


class _View:
    def __init__(
        self,
        policy: ProgrammePolicy,
        mentors: Sequence[Profile],
        mentees: Sequence[Profile],
        mentor_of: Mapping[UUID, UUID],
        candidates: Candidates,
        exclusions: frozenset[tuple[UUID, UUID]],
        fits: Fits | None,
    ) -> None:
        self.policy, self.mentor_of, self.candidates = policy, mentor_of, candidates
        self.exclusions = exclusions
        self.fits = fits or self._fits
        self.running = [m for m in mentors if runs_groups(policy, m)]
        self.running_ids = {m.id for m in self.running}
        self.willing_with: dict[UUID, list[Profile]] = {}
        for e in mentees:
            r = mentor_of.get(e.id)
            if r is not None and joins_groups(policy, e):
                self.willing_with.setdefault(r, []).append(e)

    def mentee(self, e: Profile, unmatched: str | None) -> tuple[str, str]:
        policy = self.policy
        low = policy.group_size[0]
        if policy.formats is FormatsOffered.PAIR:
            return PAIRS_ONLY, "the programme offers one-to-one mentoring only"
        if e.id not in self.mentor_of:
            return UNMATCHED, f"left unmatched: {unmatched or 'no mentor could take them'}"
        near = [j for j, _ in self.candidates.get(e.id, ()) if j in self.running_ids]
        if not near:
            if not self.running:
                return MENTOR_PREFERS_PAIRS, "every mentor of the programme prefers one-to-one"
            if not self.fits(e):
                return HARD_CONSTRAINT, (
                    "no mentor who runs groups meets the hard rules with them "
                    "(language, availability, place, country or an exclusion)"
                )
            return MENTOR_PREFERS_PAIRS, (
                "the mentors who fit them best prefer one-to-one mentoring"
            )
        if not e.goals:
            return NO_SHARED_GOAL, "they named no goal, and a group forms around a shared goal"
        others = max(
            (
                sum(1 for o in self.willing_with.get(j, ()) if o.id != e.id and g in o.goals)
                for j in near
                for g in e.goals
            ),
            default=0,
        )
        if others + 1 < low:
            return NO_SHARED_GOAL, (
                f"fewer than {low - 1} other group-minded mentees placed with a mentor who "
                "fits them share one of their goals"
            )
        return GROUPS_FULL, (
            "the groups they could join are full, or their mentors have no place left "
            f"(a group takes at most {policy.group_size[1]} mentees)"
        )

    def mentor(self, r: Profile) -> tuple[str, str]:
        low = self.policy.group_size[0]
        if self.policy.formats is FormatsOffered.PAIR:
            return PAIRS_ONLY, "the programme offers one-to-one mentoring only"
        willing = self.willing_with.get(r.id, [])
        if len(willing) < low:
            n = len(willing)
            return BELOW_MINIMUM, (
                f"{n} group-minded {'mentee was' if n == 1 else 'mentees were'} placed with "
                f"them; a group needs at least {low}"
            )
        return NO_SHARED_GOAL, (
            f"{len(willing)} group-minded mentees were placed with them, but fewer than "
            f"{low} of them share a goal"
        )

    def _fits(self, e: Profile) -> bool:
        return any(not pair_breaches(self.policy, e, r, self.exclusions) for r in self.running)


Fits = Callable[[Profile], bool]


def pool_fits(pool: Pool, excluded: Excluded) -> Fits:
    """:data:`Fits` from an encoded pool: the pair rules in bulk, then the exclusions."""
    policy = pool.policy
    people = pool.mentors.participants
    running = np.array([j for j, m in enumerate(people) if runs_groups(policy, m)], dtype=np.int64)
    row = {e.id: i for i, e in enumerate(pool.mentees.participants)}

    def fits(mentee: Profile) -> bool:
        i = row[mentee.id]
        ok = feasible(pool, np.full(running.size, i, dtype=np.int64), running)
        ok &= ~np.isin(running, excluded.of_mentee(i))
        return bool(ok.any())

    return fits
