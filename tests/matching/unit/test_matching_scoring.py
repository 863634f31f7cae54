"""Scores, explanations, and the bulk path agreeing with the per-pair path."""

from __future__ import annotations

import math
from uuid import UUID

import numpy as np
from hypothesis import HealthCheck, given, settings

from tandem_matching.domain import (
    AvailabilityWindow,
    Criterion,
    FormatPreference,
    FormatsOffered,
    Modality,
    Profile,
    ProgrammePolicy,
    Role,
    explain,
    pair_breaches,
)
from tandem_matching.domain.constraints import feasible
from tandem_matching.domain.encoding import encode
from tandem_matching.domain.scoring import pair_scores
from tests.matching.unit.ids import pid
from tests.matching.unit.programmes import programmes

Programme = tuple[ProgrammePolicy, list[Profile], list[Profile], list[tuple[UUID, UUID]]]


def mentee(**kw: object) -> Profile:
    base: dict[str, object] = dict(
        id=pid("e"), role=Role.MENTEE, country="FR", timezone="Europe/Paris",
        languages=("fr", "en"),
        availability=(AvailabilityWindow(1, "18:00", "21:00"),), city="Lyon", sector="it",
        goals=frozenset({"cv", "interviews", "networking"}), preferred_format=FormatPreference.PAIR,
        modality=Modality.EITHER,
    )  # fmt: skip
    base.update(kw)
    return Profile(**base)  # type: ignore[arg-type]


def mentor(**kw: object) -> Profile:
    base: dict[str, object] = dict(
        id=pid("r"), role=Role.MENTOR, country="FR", timezone="Europe/Paris", languages=("en",),
        availability=(AvailabilityWindow(1, "19:00", "22:00"),), city="Lyon", sector="it",
        skills=frozenset({"cv", "networking", "leadership"}),
        preferred_format=FormatPreference.PAIR, modality=Modality.FACE_TO_FACE, capacity=2,
    )  # fmt: skip
    base.update(kw)
    return Profile(**base)  # type: ignore[arg-type]


def test_explanation_lines_sum_to_the_score() -> None:
    policy = ProgrammePolicy(saturation_hours=4.0)
    why = explain(policy, mentee(), mentor())
    assert [c.criterion for c in why.criteria] == list(Criterion)
    assert math.isclose(why.score, sum(c.contribution for c in why.criteria))
    for line in why.criteria:
        assert 0.0 <= line.raw <= 1.0
        assert math.isclose(line.contribution, line.weight * line.raw)
        assert line.detail
    raw = {c.criterion: c.raw for c in why.criteria}
    assert math.isclose(raw[Criterion.SKILLS_GOALS], 2 / 3)  # cv + networking of 3 goals
    assert raw[Criterion.SECTOR] == 1.0
    assert math.isclose(raw[Criterion.AVAILABILITY], 2 / 4)  # 2 h shared, full marks at 4 h
    # first language (fr) not spoken, 1 of 2 languages shared, same country
    assert math.isclose(raw[Criterion.LANGUAGE_CULTURE], 0.25 * 0.5 + 0.25)
    assert raw[Criterion.FORMAT_MODALITY] == 1.0  # same format, mentor can meet in Lyon
    assert 0.0 <= why.score <= 1.0


def test_online_only_is_never_penalised_and_weights_are_normalised() -> None:
    policy = ProgrammePolicy(weights={Criterion.FORMAT_MODALITY: 2.0, Criterion.SECTOR: 2.0})
    assert math.isclose(sum(policy.weights.values()), 1.0)
    far = mentor(
        country="US", timezone="America/New_York", city="Boston", modality=Modality.ONLINE_ONLY
    )
    online = mentee(modality=Modality.ONLINE_ONLY)
    modality = {c.criterion: c.raw for c in explain(policy, online, far).criteria}
    assert modality[Criterion.FORMAT_MODALITY] == 1.0
    assert not [
        b for b in pair_breaches(policy, online, far) if b.constraint.value == "face_to_face"
    ]


def test_format_fit_only_matters_when_both_formats_are_offered() -> None:
    group_mentor = mentor(preferred_format=FormatPreference.GROUP)
    both = ProgrammePolicy(formats=FormatsOffered.BOTH)
    pair_only = ProgrammePolicy(formats=FormatsOffered.PAIR)
    raw_both = {c.criterion: c.raw for c in explain(both, mentee(), group_mentor).criteria}
    raw_pair = {c.criterion: c.raw for c in explain(pair_only, mentee(), group_mentor).criteria}
    assert raw_both[Criterion.FORMAT_MODALITY] == 0.5
    assert raw_pair[Criterion.FORMAT_MODALITY] == 1.0


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(programmes(max_mentors=5, max_mentees=6))
def test_bulk_scores_and_rules_agree_with_the_per_pair_path(programme: Programme) -> None:
    policy, mentors, mentees, _ = programme
    if not mentors or not mentees:
        return
    pool = encode(policy, mentors, mentees)
    ei, rj = (
        a.ravel()
        for a in np.meshgrid(np.arange(len(mentees)), np.arange(len(mentors)), indexing="ij")
    )
    bulk = pair_scores(pool, ei, rj)
    ok = feasible(pool, ei, rj)
    for t, (i, j) in enumerate(zip(ei.tolist(), rj.tolist(), strict=True)):
        e, r = mentees[i], mentors[j]
        assert math.isclose(bulk[t], explain(policy, e, r).score, abs_tol=1e-12)
        rules = [b for b in pair_breaches(policy, e, r) if b.constraint.value not in ("self",)]
        assert bool(ok[t]) == (not rules and r.capacity > 0)
