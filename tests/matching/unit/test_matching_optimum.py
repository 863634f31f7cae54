"""The run's result equals the true optimum on small programmes, and its bound holds."""

from __future__ import annotations

import math
from uuid import UUID

from hypothesis import HealthCheck, given, settings

from tandem_matching.domain import FormatsOffered, Profile, ProgrammePolicy, run_matching, validate
from tests.matching.unit.programmes import brute_force, programmes

Programme = tuple[ProgrammePolicy, list[Profile], list[Profile], list[tuple[UUID, UUID]]]
# The pair optimum: in programmes with groups the run trades pair score for groups
# (group places, gathering; see test_matching_group_stage.py).
PAIRS = [FormatsOffered.PAIR]
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(programmes(formats=PAIRS))
def test_run_equals_optimum_over_all_pairs(programme: Programme) -> None:
    policy, mentors, mentees, exclusions = programme
    result = run_matching(policy, mentors, mentees, exclusions, k=10)
    best_count, best_total = brute_force(policy, mentors, mentees, exclusions)
    assert result.matched == best_count
    assert math.isclose(result.total_score, best_total, rel_tol=1e-9, abs_tol=1e-6)
    assert result.cardinality_certified
    assert result.bound >= best_total - 1e-6
    # ε per bidder (the mentees, and the pseudo-mentees taking places to spare), or the
    # run's target gap: column generation stops once the certified gap is under it
    # (run_matching's target_gap, 1e-5 by default)
    bidders = len(mentees) + sum(m.capacity for m in mentors)
    slack = max(bidders * 1e-6, 1e-5 * result.bound)
    assert result.bound - result.total_score <= slack + 1e-9
    assert result.gap <= 1e-5


@SETTINGS
@given(programmes(max_mentors=6, max_mentees=12, formats=PAIRS))
def test_bound_holds_with_a_thin_candidate_graph(programme: Programme) -> None:
    """k=1 forces the certificate to rescan and add columns; bound ≥ optimum ≥ result."""
    policy, mentors, mentees, exclusions = programme
    result = run_matching(policy, mentors, mentees, exclusions, k=1)
    best_count, best_total = brute_force(policy, mentors, mentees, exclusions)
    assert result.matched <= best_count
    if result.cardinality_certified:
        assert result.matched == best_count
        assert result.bound >= best_total - 1e-6
        assert result.total_score <= best_total + 1e-6
    assert not validate(
        policy, mentors, mentees, [(p.mentee_id, p.mentor_id) for p in result.pairs], exclusions
    )
