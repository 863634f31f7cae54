"""Groups against a plain transcription of the rule in :mod:`groups`, on random runs."""

from __future__ import annotations

from collections import Counter
from uuid import UUID

from hypothesis import given, settings
from hypothesis import strategies as st

from tandem_matching.domain import (
    FormatPreference,
    FormatsOffered,
    Profile,
    ProgrammePolicy,
    Role,
    form_groups,
)
from tandem_matching.domain.results import MatchedPair, MentoringGroup
from tests.matching.unit.ids import pid

GOALS = ["cv", "interviews", "networking", "changing_sector", "starting_business"]


def reference(
    policy: ProgrammePolicy,
    mentors: list[Profile],
    mentees: list[Profile],
    pairs: list[MatchedPair],
) -> tuple[MentoringGroup, ...]:
    if policy.formats is FormatsOffered.PAIR:
        return ()
    only = policy.formats is FormatsOffered.GROUP
    low, high = policy.group_size
    by_r = {p.id: p for p in mentors}
    by_e = {p.id: p for p in mentees}
    per: dict[UUID, list[Profile]] = {}
    for pair in pairs:
        per.setdefault(pair.mentor_id, []).append(by_e[pair.mentee_id])
    out = []
    for mid, assigned in sorted(per.items()):
        if not only and by_r[mid].preferred_format is FormatPreference.PAIR:
            continue
        willing = [e for e in assigned if only or e.preferred_format is not FormatPreference.PAIR]
        remaining = sorted(willing, key=lambda p: p.id)
        while len(remaining) >= low:
            counts = Counter(g for p in remaining for g in p.goals)
            if not counts:
                break
            goal, n = max(counts.items(), key=lambda kv: (kv[1], kv[0]))
            if n < low:
                break
            having = sorted(
                (p for p in remaining if goal in p.goals), key=lambda p: (len(p.goals), p.id)
            )
            members = having[:high]
            shared = frozenset.intersection(*(p.goals for p in members))
            out.append(MentoringGroup(mid, tuple(m.id for m in members), tuple(sorted(shared))))
            chosen = {p.id for p in members}
            remaining = [p for p in remaining if p.id not in chosen]
    return tuple(out)


def person(idx: int, role: Role, fmt: FormatPreference, goals: frozenset[str]) -> Profile:
    return Profile(
        id=pid(f"{role.value}{idx}"), role=role, country="DE", timezone="Europe/Berlin",
        languages=("de",), goals=goals, preferred_format=fmt,
    )  # fmt: skip


@settings(max_examples=150, deadline=None)
@given(
    data=st.data(),
    formats=st.sampled_from(list(FormatsOffered)),
    size=st.sampled_from([(2, 2), (2, 4), (3, 6), (4, 5)]),
    n_mentors=st.integers(1, 5),
    n_mentees=st.integers(0, 40),
)
def test_groups_follow_the_rule(
    data: st.DataObject,
    formats: FormatsOffered,
    size: tuple[int, int],
    n_mentors: int,
    n_mentees: int,
) -> None:
    fmt = st.sampled_from(list(FormatPreference))
    goals = st.frozensets(st.sampled_from(GOALS), max_size=3)
    mentors = [person(i, Role.MENTOR, data.draw(fmt), frozenset()) for i in range(n_mentors)]
    mentees = [person(i, Role.MENTEE, data.draw(fmt), data.draw(goals)) for i in range(n_mentees)]
    pairs = [
        MatchedPair(e.id, mentors[data.draw(st.integers(0, n_mentors - 1))].id, 0.5)
        for e in mentees
        if data.draw(st.booleans())
    ]
    policy = ProgrammePolicy(formats=formats, group_size=size)
    assert form_groups(policy, mentors, mentees, pairs) == reference(
        policy, mentors, mentees, pairs
    )
