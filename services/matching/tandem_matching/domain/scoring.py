"""The soft score of a pair, in [0, 1], and its explanation.

score = Σ weight(c) · raw(c) over the criteria c, weights normalised to sum to 1:

* ``skills_goals``: share of the mentee's goals the mentor has as skills;
* ``sector``: 1 when both work in the same sector;
* ``availability``: weekly overlap / the programme's saturation hours, capped at 1
  (more shared time is better, up to a point);
* ``language_culture``: 0.5 if the mentor speaks the mentee's first language, + 0.25 × the
  share of the mentee's languages the mentor speaks, + 0.25 for culture (same country when
  the programme pairs anyone; always granted when the country policy already decides);
* ``format_modality``: 0.5 × format fit + 0.5 × modality fit (:func:`modality_fit`).

:func:`explain` computes this from two profiles; :func:`pair_scores` computes the same
numbers in bulk from the encoded pool (tests check they agree).
"""

from __future__ import annotations

from dataclasses import dataclass
from uuid import UUID

import numpy as np

from tandem_matching.domain.constraints import overlap_hours, overlap_slots, within_reach
from tandem_matching.domain.encoding import F64, I64, Pool, format_fit
from tandem_matching.domain.pair_kernels import score_pairs
from tandem_matching.domain.profiles import (
    CountryPolicy,
    Criterion,
    HardConstraint,
    Modality,
    Profile,
    ProgrammePolicy,
)


@dataclass(frozen=True, slots=True)
class CriterionScore:
    """One line of an explanation: ``contribution = weight × raw``."""

    criterion: Criterion
    raw: float
    weight: float
    contribution: float
    detail: str


@dataclass(frozen=True, slots=True)
class ScoreExplanation:
    """Why a pair scores what it does; ``score`` is the sum of the contributions."""

    mentee_id: UUID
    mentor_id: UUID
    score: float
    criteria: tuple[CriterionScore, ...]


def modality_fit(policy: ProgrammePolicy, mentee: Profile, mentor: Profile) -> float:
    """How well the ways of meeting fit, in [0, 1].

    Online-only mentees fit every mentor (online is always possible). A mentee open to both
    gets 1 with a mentor who could also meet in person nearby, else 0.5. A mentee who needs
    in-person meetings gets 1 (when that is a hard rule the pair is only allowed if it holds;
    when it is not, 1 if it holds, else 0).
    """
    if mentee.modality is Modality.ONLINE_ONLY:
        return 1.0
    near = mentor.face_to_face_capable and within_reach(policy, mentee, mentor)
    if mentee.modality is Modality.FACE_TO_FACE:
        if policy.is_hard(HardConstraint.FACE_TO_FACE):
            return 1.0
        return 1.0 if near else 0.0
    return 1.0 if near else 0.5


def _raw(
    policy: ProgrammePolicy, mentee: Profile, mentor: Profile
) -> dict[Criterion, tuple[float, str]]:
    goals = mentee.goals
    covered = goals & mentor.skills
    skills = len(covered) / len(goals) if goals else 0.0
    same_sector = mentee.sector is not None and mentee.sector == mentor.sector
    hours = overlap_hours(policy, mentee, mentor)
    avail = min(hours / policy.saturation_hours, 1.0)
    langs = mentee.languages
    shared = [lang for lang in langs if lang in mentor.languages]
    first = 1.0 if langs and langs[0] in mentor.languages else 0.0
    share = len(shared) / len(langs) if langs else 0.0
    if policy.country_policy is CountryPolicy.ANY:
        culture = 1.0 if mentee.country == mentor.country else 0.0
    else:
        culture = 1.0
    lang_raw = 0.5 * first + 0.25 * share + 0.25 * culture
    fmt = format_fit(mentee.preferred_format, mentor.preferred_format, policy.formats)
    mod = modality_fit(policy, mentee, mentor)
    return {
        Criterion.SKILLS_GOALS: (
            skills,
            f"{len(covered)} of {len(goals)} goals covered"
            + (f" ({', '.join(sorted(covered))})" if covered else ""),
        ),
        Criterion.SECTOR: (
            1.0 if same_sector else 0.0,
            f"same sector ({mentee.sector})" if same_sector else "different sectors",
        ),
        Criterion.AVAILABILITY: (
            avail,
            f"{hours:g} h/week shared (full marks from {policy.saturation_hours:g} h)",
        ),
        Criterion.LANGUAGE_CULTURE: (
            lang_raw,
            f"shared languages: {', '.join(shared) or 'none'}"
            + ("; speaks the mentee's first language" if first else "")
            + ("; same country" if mentee.country == mentor.country else "; different countries"),
        ),
        Criterion.FORMAT_MODALITY: (
            0.5 * fmt + 0.5 * mod,
            f"format fit {fmt:g} ({mentee.preferred_format} / {mentor.preferred_format}), "
            f"modality fit {mod:g} ({mentee.modality} / {mentor.modality})",
        ),
    }


def explain(policy: ProgrammePolicy, mentee: Profile, mentor: Profile) -> ScoreExplanation:
    """The per-criterion breakdown of a pair's score, readable by a manager."""
    lines = []
    for criterion, (raw, detail) in _raw(policy, mentee, mentor).items():
        weight = policy.weight(criterion)
        lines.append(CriterionScore(criterion, raw, weight, weight * raw, detail))
    total = float(sum(line.contribution for line in lines))
    return ScoreExplanation(mentee.id, mentor.id, total, tuple(lines))


def pair_score(policy: ProgrammePolicy, mentee: Profile, mentor: Profile) -> float:
    return explain(policy, mentee, mentor).score


def pair_scores(pool: Pool, ei: I64, rj: I64) -> F64:
    """Exact (float64) scores for each pair (ei[t], rj[t]): the scan's own kernel
    (:func:`pair_kernels.score_pairs`) over all mentors as one block."""
    ei, rj = np.asarray(ei, dtype=np.int64), np.asarray(rj, dtype=np.int64)
    order = np.argsort(ei, kind="stable")
    rows, first = np.unique(ei[order], return_index=True)
    ptr = np.append(first, ei.size).astype(np.int64)
    pos = rj[order]
    r = pool.mentors
    none = np.zeros(0, dtype=np.int64)
    block = (np.arange(len(r), dtype=np.int64), r.ints, r.lang, r.tokens,
             none, none, none, none, none, none)  # fmt: skip
    scored = score_pairs(rows, (ptr, pos, overlap_slots(pool, ei[order], pos)), block, pool.tables)
    out = np.empty(ei.size)
    out[order] = scored
    return out
