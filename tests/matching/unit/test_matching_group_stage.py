"""Groups form where preferences and constraints allow, and whoever preferred a group and
is not in one is told why (issue 10: 5 mentors and 16 group-minded mentees, only pairs)."""

from __future__ import annotations

from collections import Counter
from uuid import UUID

from hypothesis import HealthCheck, given, settings

from tandem_matching.domain import (
    AvailabilityWindow,
    FormatPreference,
    FormatsOffered,
    MatchResult,
    Profile,
    ProgrammePolicy,
    Role,
    pair_breaches,
    run_matching,
    validate,
)
from tandem_matching.domain.group_stage import group_places
from tests.matching.unit.ids import label, pid
from tests.matching.unit.programmes import programmes

EVENINGS = (AvailabilityWindow(1, "18:00", "21:00"), AvailabilityWindow(3, "18:00", "21:00"))
GROUP, PAIR, EITHER = FormatPreference.GROUP, FormatPreference.PAIR, FormatPreference.EITHER
BOTH = ProgrammePolicy(formats=FormatsOffered.BOTH)  # groups of 3 to 6


def person(name: str, role: Role, **kw: object) -> Profile:
    base: dict[str, object] = dict(
        id=pid(name), role=role, country="DE", timezone="Europe/Berlin", languages=("de", "en"),
        availability=EVENINGS, city="Berlin", sector="logistics",
    )  # fmt: skip
    if role is Role.MENTOR:
        base["skills"] = frozenset({"cv", "interviews", "networking"})
    base.update(kw)
    return Profile(**base)  # type: ignore[arg-type]


def mentors(n: int, capacity: int, fmt: FormatPreference = EITHER) -> list[Profile]:
    return [person(f"r{j}", Role.MENTOR, capacity=capacity, preferred_format=fmt) for j in range(n)]


def mentees(n: int, fmt: FormatPreference = GROUP, goals: set[str] | None = None) -> list[Profile]:
    wanted = frozenset(goals or {"cv", "interviews"})
    return [person(f"e{i}", Role.MENTEE, goals=wanted, preferred_format=fmt) for i in range(n)]


def notes(result: MatchResult) -> dict[str, str]:
    return {label(n.participant_id): n.code for n in result.not_grouped}


def test_five_mentors_of_capacity_two_group_sixteen_mentees() -> None:
    """The issue's programme: before, 10 pairs and 6 unmatched, and no word why."""
    result = run_matching(BOTH, mentors(5, capacity=2), mentees(16))
    assert result.matched == 16
    assert sum(len(g.mentee_ids) for g in result.groups) == 16
    assert all(3 <= len(g.mentee_ids) <= 6 for g in result.groups)
    assert result.not_grouped == ()
    assert result.cardinality_certified


def test_group_minded_mentees_spread_over_mentors_are_gathered() -> None:
    """Capacity 4: the pair stage spread them 4, 4, 4, 2, 2, leaving four one-to-one."""
    result = run_matching(BOTH, mentors(5, capacity=4), mentees(16))
    assert sum(len(g.mentee_ids) for g in result.groups) == 16
    assert result.not_grouped == ()


def test_group_places_never_make_one_to_one_loads_exceed_capacity() -> None:
    """Mentees who prefer pairs do not ride on group places: 5 of them, 2 mentors of
    capacity 2, 4 places; the fifth is unmatched, not a third pair of a mentor."""
    people = mentees(5, fmt=PAIR)
    result = run_matching(BOTH, mentors(2, capacity=2), people)
    assert result.matched == 4
    assert result.groups == ()
    assert max(Counter(p.mentor_id for p in result.pairs).values()) == 2
    assert [u.code for u in result.unmatched] == ["all_full"]


def test_a_group_and_pairs_share_a_mentor_within_places() -> None:
    """Capacity 2, groups of at most 4: four places in all, a group among them."""
    policy = ProgrammePolicy(formats=FormatsOffered.BOTH, group_size=(3, 4))
    people = [
        *mentees(4),
        person("p0", Role.MENTEE, goals=frozenset({"cv"}), preferred_format=PAIR),
    ]
    result = run_matching(policy, mentors(1, capacity=2), people)
    assert result.matched == 4  # max(capacity 2, group max 4) places in all
    assert len(result.groups) == 1
    assert len(result.groups[0].mentee_ids) >= 3
    [left] = result.unmatched
    assert left.code == "all_full"
    assert notes(result) == (
        {} if label(left.mentee_id) == "p0" else {label(left.mentee_id): "unmatched"}
    )


def test_pairs_only_programme_says_so() -> None:
    result = run_matching(ProgrammePolicy(), mentors(1, capacity=3), mentees(3))
    assert notes(result) == {"e0": "pairs_only", "e1": "pairs_only", "e2": "pairs_only"}


def test_mentors_who_prefer_pairs() -> None:
    result = run_matching(BOTH, mentors(2, capacity=2, fmt=PAIR), mentees(3))
    assert result.groups == ()
    assert set(notes(result).values()) == {"mentor_prefers_pairs"}
    assert len(result.not_grouped) == 3


def test_no_group_mentor_meets_the_hard_rules() -> None:
    """The only mentor who runs groups speaks French; the pair mentor speaks German."""
    french = person("rf", Role.MENTOR, languages=("fr",), capacity=6, preferred_format=GROUP)
    german = person("rg", Role.MENTOR, capacity=3, preferred_format=PAIR)
    people = [person(f"e{i}", Role.MENTEE, languages=("de",), goals=frozenset({"cv"}),
                     preferred_format=GROUP) for i in range(3)]  # fmt: skip
    result = run_matching(BOTH, [french, german], people)
    assert result.matched == 3
    found = notes(result)
    assert {found[f"e{i}"] for i in range(3)} == {"hard_constraint"}
    assert found["rf"] == "group_below_minimum"  # and the mentor is told too


def test_no_shared_goal() -> None:
    goals = ["cv", "interviews", "networking"]
    people = [person(f"e{i}", Role.MENTEE, goals=frozenset({g}), preferred_format=GROUP)
              for i, g in enumerate(goals)]  # fmt: skip
    coach = person("r0", Role.MENTOR, capacity=3, preferred_format=GROUP)
    result = run_matching(BOTH, [coach], people)
    assert result.matched == 3
    assert result.groups == ()
    assert notes(result) == {
        "e0": "no_shared_goal", "e1": "no_shared_goal", "e2": "no_shared_goal",
        "r0": "no_shared_goal",
    }  # fmt: skip
    reason = next(n.reason for n in result.not_grouped if label(n.participant_id) == "r0")
    assert reason == "3 group-minded mentees were placed with them, but fewer than 3 of them " \
        "share a goal"  # fmt: skip


def test_group_below_minimum_for_the_mentor() -> None:
    coach = person("r0", Role.MENTOR, capacity=3, preferred_format=GROUP)
    result = run_matching(BOTH, [coach], mentees(2))
    found = notes(result)
    assert found["r0"] == "group_below_minimum"
    assert found["e0"] == found["e1"] == "no_shared_goal"
    reason = next(n.reason for n in result.not_grouped if n.role is Role.MENTOR)
    assert reason == "2 group-minded mentees were placed with them; a group needs at least 3"


def test_full_groups_and_the_unmatched() -> None:
    """One group mentor with groups of 2–3 (capacity 1: three places); a pair mentor takes
    the fourth; the fifth has no place at all."""
    policy = ProgrammePolicy(formats=FormatsOffered.BOTH, group_size=(2, 3))
    coach = person("r0", Role.MENTOR, capacity=1, preferred_format=GROUP)
    solo = person("r1", Role.MENTOR, capacity=1, preferred_format=PAIR)
    result = run_matching(policy, [coach, solo], mentees(5, goals={"cv"}))
    assert [len(g.mentee_ids) for g in result.groups] == [3]
    codes = sorted(notes(result).values())
    assert codes == ["capacity", "unmatched"]
    unmatched = next(n for n in result.not_grouped if n.code == "unmatched")
    assert unmatched.reason.startswith("left unmatched: all 2 compatible mentors are full")


def test_review_allows_a_group_up_to_the_group_places() -> None:
    coach = mentors(1, capacity=2)
    people = mentees(7)
    six = [(e.id, coach[0].id) for e in people[:6]]
    assert not validate(BOTH, coach, people, six)
    seven = [(e.id, coach[0].id) for e in people]
    assert [b.constraint.value for b in validate(BOTH, coach, people, seven)] == ["capacity"]
    assert [b.constraint.value for b in validate(ProgrammePolicy(), coach, people, six)] == [
        "capacity"
    ]


Programme = tuple[ProgrammePolicy, list[Profile], list[Profile], list[tuple[UUID, UUID]]]
WITH_GROUPS = [FormatsOffered.BOTH, FormatsOffered.GROUP]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(programmes(max_mentors=5, max_mentees=14, formats=WITH_GROUPS))
def test_group_runs_keep_every_rule_and_explain_every_group_preference(
    programme: Programme,
) -> None:
    policy, mentor_list, mentee_list, exclusions = programme
    result = run_matching(policy, mentor_list, mentee_list, exclusions, k=4)
    by_r = {p.id: p for p in mentor_list}
    by_e = {p.id: p for p in mentee_list}
    grouped = [m for g in result.groups for m in g.mentee_ids]
    assert len(grouped) == len(set(grouped))
    matched = Counter(p.mentee_id for p in result.pairs)
    assert all(n == 1 for n in matched.values())
    assert set(matched).isdisjoint(u.mentee_id for u in result.unmatched)
    assert set(matched) | {u.mentee_id for u in result.unmatched} == set(by_e)
    mentor_of = {p.mentee_id: p.mentor_id for p in result.pairs}
    for p in result.pairs:
        assert not pair_breaches(policy, by_e[p.mentee_id], by_r[p.mentor_id], set(exclusions))
    load = Counter(mentor_of.values())
    loose = Counter(r for e, r in mentor_of.items() if e not in set(grouped))
    for r_id, mentor in by_r.items():
        assert loose[r_id] <= mentor.capacity
        assert load[r_id] <= group_places(policy, mentor)
    low, high = policy.group_size
    for g in result.groups:
        assert low <= len(g.mentee_ids) <= high
        assert g.shared_goals
        for e_id in g.mentee_ids:
            assert mentor_of[e_id] == g.mentor_id
            assert set(g.shared_goals) <= by_e[e_id].goals
    noted = Counter(n.participant_id for n in result.not_grouped)
    assert all(n == 1 for n in noted.values())
    leading = {g.mentor_id for g in result.groups}
    expected = {
        e.id for e in mentee_list if e.preferred_format is GROUP and e.id not in set(grouped)
    } | {
        r.id
        for r in mentor_list
        if r.preferred_format is GROUP and r.capacity > 0 and r.id not in leading
    }
    assert set(noted) == expected
    assert all(n.code and n.reason for n in result.not_grouped)
