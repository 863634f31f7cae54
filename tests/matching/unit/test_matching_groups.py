"""Group mentoring inside each mentor's assignment, by shared goals."""

from __future__ import annotations

from tandem_matching.domain import (
    AvailabilityWindow,
    FormatPreference,
    FormatsOffered,
    Profile,
    ProgrammePolicy,
    Role,
    cluster_by_goals,
    run_matching,
)
from tests.matching.unit.ids import label, pid

EVENING = (AvailabilityWindow(2, "18:00", "21:00"),)


def p(name: str, role: Role, goals: set[str] | None = None, **kw: object) -> Profile:
    base: dict[str, object] = dict(
        id=pid(name), role=role, country="DE", timezone="Europe/Berlin", languages=("de",),
        availability=EVENING, goals=frozenset(goals or ()),
    )  # fmt: skip
    base.update(kw)
    return Profile(**base)  # type: ignore[arg-type]


def test_clusters_share_a_goal_and_respect_sizes() -> None:
    people = [p(f"e{i}", Role.MENTEE, g) for i, g in enumerate(
        [{"cv"}, {"cv", "interviews"}, {"cv"}, {"networking"}, {"networking", "cv"},
         {"networking"}, {"networking"}, {"starting_business"}]
    )]  # fmt: skip
    groups = cluster_by_goals(people, 3, 4)
    assert [len(g) for g, _ in groups] == [4, 3]
    for members, shared in groups:
        assert shared
        assert all(set(shared) <= m.goals for m in members)
    assert len({m.id for g, _ in groups for m in g}) == 7  # starting_business stays one-to-one


def test_group_minded_mentor_gets_a_group_in_a_run() -> None:
    policy = ProgrammePolicy(formats=FormatsOffered.BOTH, group_size=(3, 5))
    mentor = p("r", Role.MENTOR, skills=frozenset({"cv"}), capacity=6,
               preferred_format=FormatPreference.GROUP)  # fmt: skip
    solo = p("r2", Role.MENTOR, skills=frozenset({"cv"}), capacity=1,
             preferred_format=FormatPreference.PAIR)  # fmt: skip
    mentees = [
        p(f"e{i}", Role.MENTEE, {"cv"}, preferred_format=FormatPreference.GROUP) for i in range(4)
    ]
    mentees.append(p("e9", Role.MENTEE, {"cv"}, preferred_format=FormatPreference.PAIR))
    result = run_matching(policy, [mentor, solo], mentees)
    assert result.matched == 5
    assert len(result.groups) == 1
    group = result.groups[0]
    assert label(group.mentor_id) == "r"
    assert {label(m) for m in group.mentee_ids} == {"e0", "e1", "e2", "e3"}
    assert group.shared_goals == ("cv",)


def test_pair_only_programmes_form_no_group() -> None:
    mentor = p("r", Role.MENTOR, capacity=6, preferred_format=FormatPreference.GROUP)
    mentees = [p(f"e{i}", Role.MENTEE, {"cv"}) for i in range(4)]
    assert run_matching(ProgrammePolicy(), [mentor], mentees).groups == ()
