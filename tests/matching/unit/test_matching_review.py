"""Manager review: hand edits are checked, unmatched mentees are explained."""

from __future__ import annotations

from tandem_matching.domain import (
    AvailabilityWindow,
    CountryPolicy,
    HardConstraint,
    Modality,
    Profile,
    ProgrammePolicy,
    Role,
    explain_unmatched,
    move,
    run_matching,
    swap,
    validate,
)
from tests.matching.unit.ids import label, pairs, pid

EVENING = (AvailabilityWindow(2, "18:00", "21:00"),)


def p(name: str, role: Role, **kw: object) -> Profile:
    base: dict[str, object] = dict(
        id=pid(name), role=role, country="DE", timezone="Europe/Berlin", languages=("de",),
        availability=EVENING, city="Berlin", capacity=1,
    )  # fmt: skip
    base.update(kw)
    return Profile(**base)  # type: ignore[arg-type]


POLICY = ProgrammePolicy(min_overlap_hours=2.0)
MENTORS = [
    p("anna", Role.MENTOR),
    p("ben", Role.MENTOR, languages=("fr",)),
    p("carl", Role.MENTOR, availability=(AvailabilityWindow(4, "08:00", "09:00"),)),
    p("dora", Role.MENTOR, modality=Modality.FACE_TO_FACE, city="Munich"),
]
MENTEES = [
    p("e1", Role.MENTEE),
    p("e2", Role.MENTEE),
    p("e3", Role.MENTEE, modality=Modality.FACE_TO_FACE),
]


def names(breaches: list) -> list[str]:  # type: ignore[type-arg]
    return sorted(b.constraint.value for b in breaches)


def test_a_clean_assignment_has_no_breach() -> None:
    assert validate(POLICY, MENTORS, MENTEES, pairs(("e1", "anna"))) == []


def test_moving_a_mentee_names_every_breach() -> None:
    start = pairs(("e1", "anna"))
    assert names(validate(POLICY, MENTORS, MENTEES, move(start, pid("e1"), pid("ben")))) == [
        "language"
    ]
    assert names(validate(POLICY, MENTORS, MENTEES, move(start, pid("e1"), pid("carl")))) == [
        "availability"
    ]
    face = validate(POLICY, MENTORS, MENTEES, pairs(("e3", "dora")))
    assert names(face) == ["face_to_face"]
    assert "Munich" in face[0].reason
    over = validate(POLICY, MENTORS, MENTEES, pairs(("e1", "anna"), ("e2", "anna")))
    assert names(over) == ["capacity"]
    assert "their capacity allows 1 mentee" in over[0].reason
    twice = validate(POLICY, MENTORS, MENTEES, pairs(("e1", "anna"), ("e1", "anna")))
    assert "duplicate" in names(twice)
    excluded = validate(
        POLICY, MENTORS, MENTEES, pairs(("e1", "anna")), exclusions=pairs(("e1", "anna"))
    )
    assert names(excluded) == ["exclusion"]
    ghost = validate(POLICY, MENTORS, MENTEES, pairs(("e9", "anna")))
    assert names(ghost) == ["unknown"]


def test_swapping_two_mentees_checks_both_new_pairs() -> None:
    mentees = [*MENTEES, p("e4", Role.MENTEE, languages=("fr",))]
    start = pairs(("e1", "anna"), ("e4", "ben"))
    assert validate(POLICY, MENTORS, mentees, start) == []
    swapped = swap(start, pid("e1"), pid("e4"))
    assert sorted(swapped) == sorted(pairs(("e1", "ben"), ("e4", "anna")))
    assert names(validate(POLICY, MENTORS, mentees, swapped)) == ["language", "language"]


def test_country_policy_breach() -> None:
    policy = ProgrammePolicy(country_policy=CountryPolicy.CROSS_COUNTRY)
    assert names(validate(policy, MENTORS, MENTEES, pairs(("e1", "anna")))) == ["country"]


def test_unmatched_reasons_from_a_run_and_one_by_one() -> None:
    mentees = [
        *MENTEES,
        p("e7", Role.MENTEE),
        p("e5", Role.MENTEE, languages=("pl",)),
        p("e6", Role.MENTEE, availability=(AvailabilityWindow(6, "06:00", "07:00"),)),
    ]
    result = run_matching(POLICY, MENTORS, mentees)
    # anna and dora (in person in Munich, but online is always possible) have one place each
    assert result.matched == 2
    why = {label(u.mentee_id): u for u in result.unmatched}
    assert why["e5"].code == HardConstraint.LANGUAGE.value
    assert why["e6"].code == HardConstraint.AVAILABILITY.value
    assert why["e3"].code == HardConstraint.FACE_TO_FACE.value
    losers = [e for e in ("e1", "e2", "e7") if e in why]
    assert len(losers) == 1
    assert why[losers[0]].code == "all_full"
    load = {pair.mentor_id: 1 for pair in result.pairs}
    assert set(load) == {pid("anna"), pid("dora")}
    for e in mentees:
        if label(e.id) in why:
            code, reason = explain_unmatched(POLICY, MENTORS, e, load)
            assert code == why[label(e.id)].code
            assert reason


def test_a_mentor_cannot_mentor_themselves() -> None:
    both = p("sam", Role.MENTOR)
    me = p("sam", Role.MENTEE)
    result = run_matching(POLICY, [both], [me])
    assert result.matched == 0
    assert "self" in names(validate(POLICY, [both], [me], pairs(("sam", "sam"))))


def test_a_capacity_breach_names_the_mentor_and_what_to_do() -> None:
    """Issue 10: a manager saw a capacity breach naming the mentor only by UUID."""
    anna = pid("anna")
    over = validate(
        POLICY, MENTORS, MENTEES, pairs(("e1", "anna"), ("e2", "anna")),
        names={anna: f"Anna Berg ({anna})"},
    )  # fmt: skip
    assert [b.reason for b in over] == [
        f"mentor Anna Berg ({anna}) would have 2 mentees, and their capacity allows 1 mentee: "
        "move a mentee of theirs to another mentor first, or raise their capacity"
    ]
    free = validate(
        POLICY, MENTORS, MENTEES, pairs(("e1", "anna"), ("e2", "anna")), free_places=True
    )
    assert f"mentor {anna} would have 2 mentees, and their free capacity (after their " \
        "current relationships) allows 1 mentee" in free[0].reason  # fmt: skip


def test_full_and_room_left_reasons_count_in_words_and_say_what_to_do() -> None:
    """Issue 10: "all 1 compatible mentors are full" said neither the number right nor
    what to do."""
    e1 = MENTEES[0]
    code, one = explain_unmatched(POLICY, MENTORS[:1], e1, {pid("anna"): 1})
    assert code == "all_full"
    assert one == (
        "the only compatible mentor is full: giving this mentee a place would leave another "
        "mentee unmatched or lower the total; raise a compatible mentor's capacity or recruit "
        "another mentor who fits (language, availability, place), then run again, or move the "
        "mentee by hand"
    )
    two = [*MENTORS[:1], p("anne", Role.MENTOR)]
    _, both = explain_unmatched(POLICY, two, e1, {pid("anna"): 1, pid("anne"): 1})
    assert both.startswith("all 2 compatible mentors are full: ")
    code, room = explain_unmatched(POLICY, two, e1, {pid("anna"): 1})
    assert (code, room) == (
        "room_left",
        "1 compatible mentor still has room: move the mentee to one of them by hand, or run again",
    )
