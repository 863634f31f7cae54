"""Hard constraints: the reasons a mentee and a mentor may never be paired.

Two implementations of the same rules, kept side by side on purpose:

* :func:`pair_breaches` reads two :class:`Profile` objects and says, in words a
  manager can read, every rule the pair breaks (review, explanations, tests);
* :func:`feasible` / :func:`mentor_mask` work on the encoded :class:`Pool` in bulk (the
  match run). Tests check that both agree.

Capacity, "nobody twice" and exclusions are properties of an *assignment*, not of a pair;
they are enforced by the solver and checked by :mod:`review`.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from uuid import UUID

import numpy as np

from tandem_matching.domain.encoding import B8, I64, Pool
from tandem_matching.domain.profiles import (
    SLOT_MINUTES,
    CountryPolicy,
    HardConstraint,
    Profile,
    ProgrammePolicy,
    Reach,
    Role,
    utc_intervals,
)

Exclusions = Collection[tuple[UUID, UUID]]
"""(mentee id, mentor id) pairs that must not be matched (e.g. an ended relationship)."""


@dataclass(frozen=True, slots=True)
class Breach:
    """One broken rule: which constraint, and why, in plain words."""

    constraint: HardConstraint
    reason: str
    mentee_id: UUID | None  # None: a mentor's breach (capacity)
    mentor_id: UUID | None = None


def overlap_hours(policy: ProgrammePolicy, a: Profile, b: Profile) -> float:
    """Shared weekly availability in hours, both converted to UTC for the reference week."""
    ia = utc_intervals(a.availability, a.timezone, policy.reference_week)
    ib = utc_intervals(b.availability, b.timezone, policy.reference_week)
    total, x, y = 0, 0, 0
    while x < len(ia) and y < len(ib):
        lo, hi = max(ia[x][0], ib[y][0]), min(ia[x][1], ib[y][1])
        total += max(0, hi - lo)
        if ia[x][1] < ib[y][1]:
            x += 1
        else:
            y += 1
    return total * SLOT_MINUTES / 60.0


def within_reach(policy: ProgrammePolicy, mentee: Profile, mentor: Profile) -> bool:
    """Could these two meet in person, as far as place goes?"""
    if mentee.country != mentor.country:
        return False
    if policy.reach is Reach.SAME_COUNTRY:
        return True
    return (
        mentee.city is not None
        and mentor.city is not None
        and mentee.city.casefold() == mentor.city.casefold()
    )


def pair_breaches(
    policy: ProgrammePolicy,
    mentee: Profile,
    mentor: Profile,
    exclusions: Exclusions = (),
) -> list[Breach]:
    """Every hard rule this pair breaks (empty: the pair may be matched)."""
    out: list[Breach] = []

    def add(c: HardConstraint, reason: str) -> None:
        out.append(Breach(c, reason, mentee.id, mentor.id))

    if mentee.role is not Role.MENTEE or mentor.role is not Role.MENTOR:
        add(HardConstraint.ROLE, f"{mentee.id} must be a mentee and {mentor.id} a mentor")
    if mentee.id == mentor.id:
        add(HardConstraint.SELF, "a participant cannot mentor themselves")
    if (mentee.id, mentor.id) in exclusions:
        add(HardConstraint.EXCLUSION, "this pair must not be matched again")
    if policy.is_hard(HardConstraint.LANGUAGE) and not set(mentee.languages) & set(
        mentor.languages
    ):
        add(
            HardConstraint.LANGUAGE,
            f"no shared working language (mentee: {', '.join(mentee.languages) or 'none'}; "
            f"mentor: {', '.join(mentor.languages) or 'none'})",
        )
    if policy.is_hard(HardConstraint.AVAILABILITY):
        hours = overlap_hours(policy, mentee, mentor)
        if hours * 60 < policy.min_overlap_slots * SLOT_MINUTES:
            add(
                HardConstraint.AVAILABILITY,
                f"only {hours:g} h/week of shared availability; the programme requires "
                f"{policy.min_overlap_hours:g} h",
            )
    if policy.is_hard(HardConstraint.FACE_TO_FACE) and mentee.requires_face_to_face:
        if not mentor.face_to_face_capable:
            add(
                HardConstraint.FACE_TO_FACE,
                "the mentee needs in-person meetings; the mentor is online-only",
            )
        elif not within_reach(policy, mentee, mentor):
            where = (
                f"{mentor.city or '?'} ({mentor.country})"
                if policy.reach is Reach.SAME_CITY
                else mentor.country
            )
            need = mentee.city if policy.reach is Reach.SAME_CITY else mentee.country
            add(
                HardConstraint.FACE_TO_FACE,
                f"the mentee needs in-person meetings in {need or 'an unknown city'}; "
                f"the mentor is in {where}",
            )
    if policy.country_policy is CountryPolicy.SAME_COUNTRY and mentee.country != mentor.country:
        add(
            HardConstraint.COUNTRY,
            f"the programme pairs within a country ({mentee.country} ≠ {mentor.country})",
        )
    if policy.country_policy is CountryPolicy.CROSS_COUNTRY and mentee.country == mentor.country:
        add(
            HardConstraint.COUNTRY,
            f"the programme pairs across countries (both in {mentee.country})",
        )
    return out


# --------------------------------------------------------------------------- bulk rules


def overlap_slots(pool: Pool, ei: I64, rj: I64) -> I64:
    """Shared slots for each (mentee ei[t], mentor rj[t])."""
    both = pool.mentees.avail[ei] & pool.mentors.avail[rj]
    out: I64 = np.bitwise_count(both).sum(axis=1, dtype=np.int64)
    return out


def feasible(pool: Pool, ei: I64, rj: I64) -> B8:
    """Pair rules for each (ei[t], rj[t]); capacity 0 mentors are infeasible too.

    Exclusions and self-pairs are handled by the caller (they need ids).
    """
    policy, e, r = pool.policy, pool.mentees, pool.mentors
    ok = r.capacity[rj] > 0
    if policy.is_hard(HardConstraint.LANGUAGE):
        ok &= (e.lang[ei] & r.lang[rj]).any(axis=1)
    if policy.is_hard(HardConstraint.AVAILABILITY):
        ok &= overlap_slots(pool, ei, rj) >= policy.min_overlap_slots
    if policy.is_hard(HardConstraint.FACE_TO_FACE):
        ek, rk = e.reach[ei], r.reach[rj]
        reach_ok = r.can_meet[rj] & (ek >= 0) & (ek == rk) & (e.country[ei] == r.country[rj])
        ok &= ~e.needs_meet[ei] | reach_ok
    if policy.country_policy is CountryPolicy.SAME_COUNTRY:
        ok &= e.country[ei] == r.country[rj]
    elif policy.country_policy is CountryPolicy.CROSS_COUNTRY:
        ok &= e.country[ei] != r.country[rj]
    return np.asarray(ok, dtype=np.bool_)


def blocking_keys(pool: Pool) -> tuple[I64, list[tuple[int, ...]]]:
    """Group mentees whose *pair-independent* hard rules select the same mentors.

    Every rule except availability depends on the mentee only through its language set,
    its country (when the country policy or face-to-face needs it) and its reach key, so
    the mentors allowed for a group are computed once (:func:`mentor_mask`).
    """
    policy, e = pool.policy, pool.mentees
    lang_hard = policy.is_hard(HardConstraint.LANGUAGE)
    f2f_hard = policy.is_hard(HardConstraint.FACE_TO_FACE)
    by_country = policy.country_policy is not CountryPolicy.ANY
    n = len(e)
    words = e.lang.view(np.int64) if lang_hard else np.zeros((n, e.lang.shape[1]), np.int64)
    needs = e.needs_meet & f2f_hard
    cols = [
        *words.T,
        e.country if by_country else np.zeros(n, np.int64),
        np.where(needs, e.reach, -2),
        np.where(needs, e.country, -2),
    ]
    # Keys are numbered in lexicographic order of the columns: one stable sort on all of
    # them (a lexsort), then a new key wherever a row differs from the one before it.
    table = np.stack(cols, axis=1)
    order = np.lexsort(cols[::-1])
    fresh = np.ones(n, dtype=np.bool_)
    fresh[1:] = (table[order[1:]] != table[order[:-1]]).any(axis=1)
    inverse = np.empty(n, dtype=np.int64)
    inverse[order] = np.cumsum(fresh) - 1
    # The first mentee of each key (a stable sort keeps mentees in index order).
    keys = [tuple(int(v) for v in table[i]) for i in order[fresh]]
    return inverse, keys


def mentor_mask(pool: Pool, key: tuple[int, ...]) -> B8:
    """Mentors allowed for every mentee of a blocking group (availability aside)."""
    return mentor_masks(pool, [key])[0]


def mentor_masks(pool: Pool, keys: Sequence[tuple[int, ...]]) -> list[B8]:
    """:func:`mentor_mask` of each key. A run has hundreds of groups but far fewer
    language sets, countries and places: each rule's mask is computed once per value."""
    policy, r = pool.policy, pool.mentors
    n_words = r.lang.shape[1]
    lang_hard = policy.is_hard(HardConstraint.LANGUAGE)
    usable, can_meet = r.capacity > 0, r.can_meet
    langs: dict[tuple[int, ...], B8] = {}
    countries: dict[int, B8] = {}
    places: dict[tuple[int, int], B8] = {}
    out = []
    for key in keys:
        ok = usable.copy()
        words, (country, reach, reach_country) = key[:n_words], key[n_words:]
        if lang_hard:
            if words not in langs:
                mask = np.asarray(words, dtype=np.int64).view(np.uint64)
                langs[words] = np.asarray((r.lang & mask).any(axis=1), dtype=np.bool_)
            ok &= langs[words]
        if policy.country_policy is not CountryPolicy.ANY:
            if country not in countries:
                same = r.country == country
                same_only = policy.country_policy is CountryPolicy.SAME_COUNTRY
                countries[country] = same if same_only else ~same
            ok &= countries[country]
        if reach != -2:  # the group requires face-to-face
            place = (reach, reach_country)
            if place not in places:
                near = (reach >= 0) & (r.reach == reach) & (r.country == reach_country)
                places[place] = can_meet & near
            ok &= places[place]
        out.append(np.asarray(ok, dtype=np.bool_))
    return out
