"""The service's narrow view of the matching engine in ``domain/``.

Use cases call these functions instead of the engine's modules, so the shapes stored in
the database and shown by the API (plain JSON) are produced in one place. :func:`solve`
and :func:`solve_in_child` run in the match-run worker's child process.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Collection, Mapping, Sequence
from multiprocessing.connection import Connection
from uuid import UUID

import numpy as np

from tandem_contracts.common import MentoringFormat
from tandem_matching.domain import (
    Breach,
    MatchedPair,
    MentoringGroup,
    Profile,
    ProgrammePolicy,
    ScoreExplanation,
    Unmatched,
    explain,
    greedy_assignment,
    jit,
    pair_breaches,
    review,
    run_matching,
    suggest_mentors,
    validate,
)
from tandem_matching.domain.encoding import encode
from tandem_matching.domain.engine import exclusion_index, warm_up
from tandem_matching.domain.match_runs import Job, Solution
from tandem_matching.domain.proposals import DraftProposal, Explained, UnmatchedMentee
from tandem_matching.domain.regroup import regroup
from tandem_matching.domain.review import unmatched_reasons

Explanation = dict[str, object]  # JSON: {"score": float, "criteria": [CriterionLine as dict]}
ErrorEntry = dict[str, str | None]  # one entry of a problem's ``errors`` (JSON)
Progress = Callable[[str, float], None]
# What the match-run child process calls: (job, progress) -> the draft.
Solver = Callable[[Job, Progress], Solution]


def explanation_json(explained: ScoreExplanation) -> Explanation:
    return {
        "score": round(explained.score, 6),
        "criteria": [
            {
                "criterion": line.criterion.value,
                "raw": round(line.raw, 6),
                "weight": round(line.weight, 6),
                "contribution": round(line.contribution, 6),
                "detail": line.detail,
            }
            for line in explained.criteria
        ],
    }


def _explained(explanation: ScoreExplanation) -> Explained:
    return Explained(
        explanation.mentee_id, round(explanation.score, 6), explanation_json(explanation)
    )


def explained(policy: ProgrammePolicy, mentee: Profile, mentor: Profile) -> Explained:
    """The pair's score and its explanation, as a proposal or a request stores them."""
    return _explained(explain(policy, mentee, mentor))


def _text(id: UUID | None) -> str | None:
    return None if id is None else str(id)


def breach_json(breach: Breach) -> ErrorEntry:
    """A breach as a problem-details ``errors`` entry."""
    return {
        "constraint": breach.constraint.value,
        "reason": breach.reason,
        "mentee_id": _text(breach.mentee_id),
        "mentor_id": _text(breach.mentor_id),
    }


def breaches(
    policy: ProgrammePolicy,
    mentee: Profile,
    mentor: Profile,
    exclusions: Collection[tuple[UUID, UUID]] = (),
) -> list[ErrorEntry]:
    """Every hard rule one pair breaks."""
    return [breach_json(b) for b in pair_breaches(policy, mentee, mentor, exclusions)]


def assignment_breaches(
    policy: ProgrammePolicy,
    mentors: Sequence[Profile],
    mentees: Sequence[Profile],
    assignment: Sequence[tuple[UUID, UUID]],
    exclusions: Collection[tuple[UUID, UUID]],
    *,
    concerning: set[UUID],
    names: Mapping[UUID, str],
) -> list[ErrorEntry]:
    """The breaches of an edited assignment (pair rules and capacity) that involve the
    participants in ``concerning`` — the ones the edit touched. Capacities here are the
    places still free; ``names`` are how the manager reads the participants."""
    found = validate(policy, mentors, mentees, assignment, exclusions, names, free_places=True)
    return [breach_json(b) for b in found if b.mentee_id in concerning or b.mentor_id in concerning]


def moved(
    assignment: Sequence[tuple[UUID, UUID]], mentee_id: UUID, mentor_id: UUID
) -> list[tuple[UUID, UUID]]:
    return review.move(assignment, mentee_id, mentor_id)


def swapped(
    assignment: Sequence[tuple[UUID, UUID]], mentee_a: UUID, mentee_b: UUID
) -> list[tuple[UUID, UUID]]:
    return review.swap(assignment, mentee_a, mentee_b)


def suggest(
    policy: ProgrammePolicy,
    mentee: Profile,
    mentors: Sequence[Profile],
    exclusions: Collection[tuple[UUID, UUID]],
    limit: int,
) -> list[tuple[UUID, Explained]]:
    """The best ``limit`` mentors for one mentee (mentor capacities are places left)."""
    found = suggest_mentors(policy, mentors, mentee, n=limit, exclusions=exclusions)
    return [(s.mentor_id, _explained(s.explanation)) for s in found]


def solve(job: Job, progress: Progress) -> Solution:
    """Assign every waiting mentee at once, then explain each pair and each unmatched mentee.

    The draft: proposals (groups where the engine formed them, else pairs) with
    per-member explanations, the unmatched with their reasons, and the certified gap.
    A process whose kernels are not compiled yet (no ``compile-engine`` on this machine)
    compiles them first, reported as the phase ``compiling``.
    """
    warm_up(progress)
    policy, mentors, mentees, exclusions = job.policy, job.mentors, job.mentees, job.exclusions
    result = run_matching(policy, mentors, mentees, exclusions, progress=progress)
    pairs, groups = result.pairs, result.groups
    unmatched, notes = result.unmatched, result.not_grouped
    gap: float | None = round(result.gap, 9)
    certified: bool | None = result.cardinality_certified
    solver = "auction"
    if any(u.code == "room_left" for u in unmatched):
        # The engine's own diagnosis says a compatible mentor still has room, so its
        # assignment is not maximal (seen with mentors of capacity >= 2). Never draft that:
        # take the engine's greedy baseline when it matches more, without a certificate.
        progress("greedy fallback", 0.0)
        fallback = greedy_assignment(policy, mentors, mentees, exclusions)
        if fallback.matched > result.matched:
            left = _explain_unmatched(
                policy, mentors, mentees, fallback.pairs, exclusions, set(fallback.unmatched)
            )
            regrouped = regroup(policy, mentors, mentees, fallback.pairs, left, exclusions)
            pairs, groups = regrouped.pairs, regrouped.groups
            unmatched, notes = regrouped.unmatched, regrouped.not_grouped
            gap, certified, solver = None, None, "greedy (fallback: the auction was not maximal)"
    return Solution(
        proposals=_proposals(policy, mentors, mentees, pairs, groups, progress),
        unmatched=tuple(UnmatchedMentee(u.mentee_id, u.code, (u.reason,)) for u in unmatched),
        certified_gap=gap,
        cardinality_certified=certified,
        solver=solver,
        not_grouped=notes,
    )


def _explain_unmatched(
    policy: ProgrammePolicy,
    mentors: Sequence[Profile],
    mentees: Sequence[Profile],
    pairs: Sequence[MatchedPair],
    exclusions: Collection[tuple[UUID, UUID]],
    left: set[UUID],
) -> tuple[Unmatched, ...]:
    """The engine's bulk reasons for the mentees a fallback assignment left unmatched."""
    pool = encode(policy, mentors, mentees)
    index = {p.id: j for j, p in enumerate(mentors)}
    load = np.zeros(len(mentors), dtype=np.int64)
    for pair in pairs:
        load[index[pair.mentor_id]] += 1
    rows = np.array([i for i, m in enumerate(mentees) if m.id in left], dtype=np.int64)
    return unmatched_reasons(pool, rows, load, exclusion_index(mentors, mentees, exclusions))


def _proposals(
    policy: ProgrammePolicy,
    mentors: Sequence[Profile],
    mentees: Sequence[Profile],
    pairs: Sequence[MatchedPair],
    groups: Sequence[MentoringGroup],
    progress: Progress,
) -> tuple[DraftProposal, ...]:
    """Groups as group proposals, every other pair as a pair proposal; each member explained."""
    mentor_by = {p.id: p for p in mentors}
    mentee_by = {p.id: p for p in mentees}
    why: dict[UUID, Explained] = {}
    for n, pair in enumerate(pairs):
        why[pair.mentee_id] = explained(
            policy, mentee_by[pair.mentee_id], mentor_by[pair.mentor_id]
        )
        if n % 500 == 0:
            progress("explain pairs", n / max(1, len(pairs)))
    proposals: list[DraftProposal] = []
    grouped: set[UUID] = set()
    for group in groups:
        grouped.update(group.mentee_ids)
        members = tuple(why[m] for m in group.mentee_ids)
        proposals.append(DraftProposal(group.mentor_id, MentoringFormat.GROUP, members))
    proposals += [
        DraftProposal(pair.mentor_id, MentoringFormat.PAIR, (why[pair.mentee_id],))
        for pair in pairs
        if pair.mentee_id not in grouped
    ]
    return tuple(proposals)


def compile_engine(say: Callable[[str], None] = print) -> int:
    """``tandem-matching compile-engine``: compile every kernel into the disk cache
    (``NUMBA_CACHE_DIR``), so that no match run on this machine waits for it."""
    started = time.perf_counter()
    last = [-1]

    def progress(phase: str, fraction: float) -> None:
        ready = round(fraction * len(jit.KERNELS))
        if ready != last[0]:
            last[0] = ready
            say(f"{phase}: {ready}/{len(jit.KERNELS)} kernels ready")

    compiled = warm_up(progress)
    say(
        f"{compiled} of {len(jit.KERNELS)} kernels compiled, the rest loaded from the cache "
        f"({jit.cache_dir()}), in {time.perf_counter() - started:.1f} s"
    )
    return compiled


def solve_in_child(job: Job, conn: Connection, solver: Solver) -> None:
    """Entry point of the match-run process: progress, then the result or the error.

    ``solver`` is normally :func:`solve`; a module-level function, so that the child
    process receives it by name.
    """
    last = [0.0]

    def progress(phase: str, fraction: float) -> None:
        now = time.monotonic()
        if now - last[0] >= 0.2 or fraction >= 1.0:  # the pipe is not a firehose
            last[0] = now
            conn.send(("progress", phase, float(fraction)))

    try:
        conn.send(("done", solver(job, progress)))
    except Exception as error:  # reported to the parent, which fails the run
        conn.send(("error", f"{type(error).__name__}: {error}"))
    finally:
        conn.close()
