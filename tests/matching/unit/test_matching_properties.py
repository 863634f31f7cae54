"""Random small programmes: no hard rule is ever broken, no capacity exceeded, nobody twice."""

from __future__ import annotations

from collections import Counter
from uuid import UUID

from hypothesis import HealthCheck, given, settings

from tandem_matching.domain import (
    Profile,
    ProgrammePolicy,
    greedy_assignment,
    pair_breaches,
    run_matching,
)
from tandem_matching.domain.group_stage import group_places
from tests.matching.unit.programmes import programmes

Programme = tuple[ProgrammePolicy, list[Profile], list[Profile], list[tuple[UUID, UUID]]]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(programmes(max_mentors=6, max_mentees=14))
def test_runs_respect_every_hard_rule(programme: Programme) -> None:
    policy, mentors, mentees, exclusions = programme
    by_r = {p.id: p for p in mentors}
    by_e = {p.id: p for p in mentees}
    run = run_matching(policy, mentors, mentees, exclusions, k=3)
    grouped = {m for g in run.groups for m in g.mentee_ids}
    for pairs in (
        run.pairs,
        greedy_assignment(policy, mentors, mentees, exclusions, depth=2).pairs,
    ):
        seen = Counter(p.mentee_id for p in pairs)
        assert all(n == 1 for n in seen.values()), "a mentee matched twice"
        load = Counter(p.mentor_id for p in pairs)
        # a mentor who runs groups has group places; one-to-one never beyond capacity
        assert all(load[r] <= group_places(policy, by_r[r]) for r in load), "places exceeded"
        loose = Counter(p.mentor_id for p in pairs if p.mentee_id not in grouped)
        assert all(loose[r] <= by_r[r].capacity for r in loose), "capacity exceeded"
        for p in pairs:
            assert p.mentee_id != p.mentor_id
            assert not pair_breaches(policy, by_e[p.mentee_id], by_r[p.mentor_id], set(exclusions))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(programmes(max_mentors=5, max_mentees=10))
def test_every_mentee_is_either_matched_or_explained(programme: Programme) -> None:
    policy, mentors, mentees, exclusions = programme
    result = run_matching(policy, mentors, mentees, exclusions)
    matched = {p.mentee_id for p in result.pairs}
    explained = {u.mentee_id for u in result.unmatched}
    assert matched | explained == {e.id for e in mentees}
    assert not matched & explained
    assert all(u.code and u.reason for u in result.unmatched)
    # group members are matched to their group's mentor and share the stated goals
    mentor_of = {p.mentee_id: p.mentor_id for p in result.pairs}
    goals = {e.id: e.goals for e in mentees}
    for g in result.groups:
        lo, hi = policy.group_size
        assert lo <= len(g.mentee_ids) <= hi
        assert g.shared_goals
        for e_id in g.mentee_ids:
            assert mentor_of[e_id] == g.mentor_id
            assert set(g.shared_goals) <= goals[e_id]
