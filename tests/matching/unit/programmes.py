"""Hypothesis strategies for small random programmes, and a brute-force optimum."""

from __future__ import annotations

from collections.abc import Sequence
from uuid import UUID

import numpy as np
from hypothesis import strategies as st
from scipy.optimize import linear_sum_assignment

from tandem_matching.domain import (
    AvailabilityWindow,
    CountryPolicy,
    FormatPreference,
    FormatsOffered,
    HardConstraint,
    Modality,
    Profile,
    ProgrammePolicy,
    Reach,
    Role,
    explain,
    pair_breaches,
)
from tests.matching.unit.ids import pid

PLACES = [
    ("DE", "Europe/Berlin", ["Berlin", "Munich"]),
    ("FR", "Europe/Paris", ["Paris"]),
    ("US", "America/New_York", ["New York", "Boston"]),
    ("IN", "Asia/Kolkata", ["Mumbai"]),
]
LANGS = ["en", "de", "fr", "hi"]
GOALS = ["cv", "interviews", "networking", "changing_sector", "starting_business"]
SECTORS = ["it", "health", "retail"]


@st.composite
def windows(draw: st.DrawFn) -> tuple[AvailabilityWindow, ...]:
    out = []
    for _ in range(draw(st.integers(0, 3))):
        day = draw(st.integers(0, 6))
        start = draw(st.integers(0, 22 * 2)) * 30
        dur = draw(st.integers(1, 8)) * 30
        end = min(start + dur, 24 * 60)
        out.append(
            AvailabilityWindow(
                day, f"{start // 60:02d}:{start % 60:02d}", f"{end // 60:02d}:{end % 60:02d}"
            )
        )
    return tuple(out)


@st.composite
def participant(draw: st.DrawFn, role: Role, idx: int) -> Profile:
    country, tz, cities = draw(st.sampled_from(PLACES))
    langs = draw(st.lists(st.sampled_from(LANGS), min_size=1, max_size=3, unique=True))
    tokens = frozenset(draw(st.lists(st.sampled_from(GOALS), max_size=3, unique=True)))
    return Profile(
        id=pid(f"{'r' if role is Role.MENTOR else 'e'}{idx}"),
        role=role,
        country=country,
        timezone=tz,
        languages=tuple(langs),
        availability=draw(windows()),
        city=draw(st.sampled_from([*cities, None])),
        sector=draw(st.sampled_from([*SECTORS, None])),
        skills=tokens if role is Role.MENTOR else frozenset(),
        goals=tokens if role is Role.MENTEE else frozenset(),
        preferred_format=draw(st.sampled_from(list(FormatPreference))),
        modality=draw(st.sampled_from(list(Modality))),
        capacity=draw(st.integers(0, 3)) if role is Role.MENTOR else 1,
    )


@st.composite
def policies(
    draw: st.DrawFn, formats: Sequence[FormatsOffered] = tuple(FormatsOffered)
) -> ProgrammePolicy:
    hard = draw(
        st.sets(
            st.sampled_from(
                [HardConstraint.LANGUAGE, HardConstraint.AVAILABILITY, HardConstraint.FACE_TO_FACE]
            )
        )
    )
    return ProgrammePolicy(
        hard=frozenset(hard),
        min_overlap_hours=draw(st.sampled_from([0.0, 0.5, 1.0, 2.0])),
        saturation_hours=draw(st.sampled_from([1.0, 3.0])),
        reach=draw(st.sampled_from(list(Reach))),
        country_policy=draw(st.sampled_from(list(CountryPolicy))),
        formats=draw(st.sampled_from(list(formats))),
        group_size=draw(st.sampled_from([(2, 3), (3, 4), (3, 6)])),
    )


@st.composite
def programmes(
    draw: st.DrawFn,
    max_mentors: int = 5,
    max_mentees: int = 10,
    formats: Sequence[FormatsOffered] = tuple(FormatsOffered),
) -> tuple[ProgrammePolicy, list[Profile], list[Profile], list[tuple[UUID, UUID]]]:
    policy = draw(policies(formats))
    mentors = [draw(participant(Role.MENTOR, i)) for i in range(draw(st.integers(0, max_mentors)))]
    mentees = [draw(participant(Role.MENTEE, i)) for i in range(draw(st.integers(0, max_mentees)))]
    exclusions: list[tuple[UUID, UUID]] = []
    if mentors and mentees:
        pairs = st.tuples(
            st.sampled_from([e.id for e in mentees]), st.sampled_from([r.id for r in mentors])
        )
        exclusions = draw(st.lists(pairs, max_size=4))
    return policy, mentors, mentees, exclusions


def brute_force(
    policy: ProgrammePolicy,
    mentors: Sequence[Profile],
    mentees: Sequence[Profile],
    exclusions: Sequence[tuple[UUID, UUID]],
) -> tuple[int, float]:
    """(max pairs, best total score among assignments with that many pairs), over ALL
    pairs, from the scalar rules, via linear_sum_assignment on mentor slots + dummies."""
    n = len(mentees)
    slots = [j for j, r in enumerate(mentors) for _ in range(r.capacity)]
    if n == 0 or not slots:
        return 0, 0.0
    big = float(n + 1)
    weight = np.full((n, len(slots) + n), -1e9)
    weight[:, len(slots) :] = 0.0
    excl = set(exclusions)
    score = np.zeros((n, len(mentors)))
    for i, e in enumerate(mentees):
        for j, r in enumerate(mentors):
            if not pair_breaches(policy, e, r, excl):
                score[i, j] = explain(policy, e, r).score
                for t, owner in enumerate(slots):
                    if owner == j:
                        weight[i, t] = big + score[i, j]
    rows, cols = linear_sum_assignment(weight, maximize=True)
    real = cols < len(slots)
    matched = int(real.sum())
    total = float(sum(score[i, slots[c]] for i, c in zip(rows[real], cols[real], strict=True)))
    return matched, total
