"""A match run: every waiting mentee at once, most pairs first, then the best total score.

Phases (reported through ``progress(phase, fraction)``; ``should_cancel()`` is polled
between chunks and rounds and raises :class:`MatchRunCancelled`):

1. ``encode``: profiles → arrays (:mod:`encoding`);
2. ``candidates``: each mentee's ``k`` best feasible mentors (:mod:`candidates`);
3. ``solve``: maximum b-matching + auctions on that graph (:mod:`solver`),
   ``w = M + score``. Midway (once ε is small enough for prices to be close to final) the
   pairs that beat a mentee's candidates at the current prices are found over *all*
   feasible pairs and added to the graph (column generation inside the solve);
4. ``certificate``: an upper bound over *all* feasible pairs (:mod:`certificate`); pairs
   the graph still missed are added and the graph solved again (at most ``max_rounds``
   times, and only while the certified gap is above ``target_gap``; with no pair missed,
   what is left is ε per bidder, so the next round solves with a tenth of it);
5. ``result`` (the matched pairs as objects), ``groups`` (programmes offering group
   mentoring) and ``explain`` (why the unmatched are unmatched).

``M = min(#mentees, Σ capacity) + 1`` exceeds any total score, so the bound ``B`` on
``Σ (M + s)`` certifies both objectives: if ``B - M·matched < M`` no assignment matches
more mentees, and ``B - M·matched`` bounds the total score of any assignment with that
many pairs. ``gap = (quality bound - total score) / quality bound``.

``k`` trades the graph's size against added columns: with too few candidates many better
pairs lie outside the graph. On the benchmark's 100,000 × 10,000 population k = 40 needs
about 700 columns added midway and then one round, with a certified gap of 0.0003 %.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import replace
from uuid import UUID

import numpy as np

from tandem_matching.domain import candidates as cand
from tandem_matching.domain import jit
from tandem_matching.domain.certificate import certify
from tandem_matching.domain.encoding import F64, I64, Pool, encode
from tandem_matching.domain.group_reasons import not_grouped, pool_fits
from tandem_matching.domain.group_stage import Candidates, places_left, settle, with_group_places
from tandem_matching.domain.groups import form_groups
from tandem_matching.domain.profiles import (
    AvailabilityWindow,
    FormatPreference,
    FormatsOffered,
    Profile,
    ProgrammePolicy,
    Role,
)
from tandem_matching.domain.results import (
    MatchedPair,
    MatchResult,
    MatchRunCancelled,
    MentoringGroup,
    NotGrouped,
    RunStats,
)
from tandem_matching.domain.review import unmatched_reasons
from tandem_matching.domain.scoring import pair_scores
from tandem_matching.domain.solver import add_columns, solve

ProgressFn = Callable[[str, float], None]
CancelFn = Callable[[], bool]


def exclusion_index(
    mentors: Sequence[Profile],
    mentees: Sequence[Profile],
    exclusions: Iterable[tuple[UUID, UUID]],
) -> cand.Excluded:
    """(mentee id, mentor id) pairs → sorted mentor indices per mentee; self-pairs too."""
    r_index = {p.id: j for j, p in enumerate(mentors)}
    e_index = {p.id: i for i, p in enumerate(mentees)}
    out: dict[int, set[int]] = {}
    for e_id, r_id in exclusions:
        i, j = e_index.get(e_id), r_index.get(r_id)
        if i is not None and j is not None:
            out.setdefault(i, set()).add(j)
    for e_id, i in e_index.items():
        j = r_index.get(e_id)
        if j is not None:
            out.setdefault(i, set()).add(j)
    by_mentee = {i: np.array(sorted(js), dtype=np.int64) for i, js in out.items()}
    return cand.Excluded.of(len(mentees), by_mentee)


def check_inputs(mentors: Sequence[Profile], mentees: Sequence[Profile]) -> None:
    for people, role in ((mentors, Role.MENTOR), (mentees, Role.MENTEE)):
        ids = [p.id for p in people]
        if len(set(ids)) != len(ids):
            raise ValueError(f"duplicate {role.value} ids")
        wrong = [p.id for p in people if p.role is not role]
        if wrong:
            raise ValueError(f"not {role.value}s: {wrong[:5]}")


class _Clock:
    def __init__(self, progress: ProgressFn | None, should_cancel: CancelFn | None) -> None:
        self.progress, self.should_cancel = progress, should_cancel
        self.timings: dict[str, float] = {}
        self.phase, self.t0 = "", time.perf_counter()

    def start(self, phase: str) -> None:
        self.stop()
        self.check()
        self.phase, self.t0 = phase, time.perf_counter()
        self.tick(0.0)

    def stop(self) -> None:
        if self.phase:
            self.timings[self.phase] = (
                self.timings.get(self.phase, 0.0) + time.perf_counter() - self.t0
            )
            self.tick(1.0)
            self.phase = ""

    def tick(self, fraction: float) -> None:
        if self.progress is not None and self.phase:
            self.progress(self.phase, fraction)

    def check(self) -> None:
        if self.should_cancel is not None and self.should_cancel():
            raise MatchRunCancelled(self.phase or "before start")


def run_matching(
    policy: ProgrammePolicy,
    mentors: Sequence[Profile],
    mentees: Sequence[Profile],
    exclusions: Iterable[tuple[UUID, UUID]] = (),
    *,
    k: int = 40,
    progress: ProgressFn | None = None,
    should_cancel: CancelFn | None = None,
    max_rounds: int = 3,
    eps: float = 1e-6,
    target_gap: float = 1e-5,
) -> MatchResult:
    """Assign every waiting mentee at once; see the module docstring.

    The cyclic garbage collector is paused for the run: encoding allocates millions of
    short-lived tuples, each collection would walk every profile in memory (a quarter of
    the encoding time at 100,000 mentees), and nothing in a run creates reference cycles.
    """
    paused = gc.isenabled()
    gc.disable()
    try:
        grouping = policy.formats is not FormatsOffered.PAIR
        result = _run(
            policy, mentors, mentees, list(exclusions), k=k, progress=progress,
            should_cancel=should_cancel, max_rounds=max_rounds, eps=eps, target_gap=target_gap,
            grouping=grouping,
        )  # fmt: skip
        if grouping:
            return result
        # Group-preferring participants of a pair-only programme are told so too.
        notes = not_grouped(policy, mentors, mentees, result.pairs, (), result.unmatched, {})
        return replace(result, not_grouped=notes)
    finally:
        if paused:
            gc.enable()


def _run(
    policy: ProgrammePolicy,
    mentors: Sequence[Profile],
    mentees: Sequence[Profile],
    exclusions: list[tuple[UUID, UUID]],
    *,
    k: int,
    progress: ProgressFn | None,
    should_cancel: CancelFn | None,
    max_rounds: int,
    eps: float,
    target_gap: float,
    grouping: bool,
) -> MatchResult:
    """One run; with ``grouping`` the pair stage uses group places (:mod:`group_stage`),
    groups are settled afterwards and whoever that leaves without a place is matched again
    as pairs (a run without ``grouping``) with the places left."""
    if k < 1:
        raise ValueError("k must be >= 1")
    check_inputs(mentors, mentees)
    real_mentors = mentors
    if grouping:
        mentors = with_group_places(policy, mentors)
    clock = _Clock(progress, should_cancel)
    clock.start("encode")
    pool = encode(policy, mentors, mentees)
    excluded = exclusion_index(mentors, mentees, exclusions)
    clock.start("candidates")
    tasks = cand.group_mentees(pool).tasks(pool)
    graph = cand.build(
        pool, k, excluded, tasks=tasks, progress=clock.tick, check=clock.check, keep=True
    )
    mentor, score = graph.mentor, graph.score
    cap = pool.mentors.capacity
    big_m = float(min(len(mentees), int(cap.sum())) + 1)
    bids = rounds = 0
    choice = np.full(len(mentees), -1, dtype=np.int64)
    bound = 0.0

    def more(price_now: F64) -> tuple[I64, I64, F64]:
        """The pairs a certificate at these prices would add (asked mid-solve)."""
        hint = certify(pool, big_m, mentor, score, price_now, excluded, graph.feasible)
        new_i, new_j = hint.missed
        return new_i, new_j, _scores(pool, new_i, new_j)

    for attempt in range(max_rounds + 1 if len(mentees) and len(mentors) else 0):
        rounds += 1
        clock.start("solve")
        solved = solve(
            mentor, score, cap, big_m, eps=eps, eps_spare=10 * eps, more=more, check=clock.check
        )
        mentor, score = solved.mentor, solved.score
        bids += solved.bids
        price = solved.price
        clock.start("certificate")
        cert = certify(pool, big_m, mentor, score, price, excluded, graph.feasible)
        choice, bound = solved.choice, cert.bound
        new_i, new_j = cert.missed
        if attempt == max_rounds or _good_enough(choice, score, bound, big_m, target_gap):
            break
        if new_i.size:
            mentor, score = _add_columns(pool, mentor, score, new_i, new_j)
        else:  # what is left of the gap is ε per bidder (small pools): refine it
            eps /= 10
    clock.start("result")
    rows = np.flatnonzero(choice >= 0)
    got = mentor[rows, choice[rows]]
    got_score = score[rows, choice[rows]]
    mentee_ids = [mentees[i].id for i in rows.tolist()]
    mentor_ids = [mentors[j].id for j in got.tolist()]
    pairs = tuple(
        map(MatchedPair._make, zip(mentee_ids, mentor_ids, got_score.tolist(), strict=True))
    )
    load = np.bincount(got, minlength=len(mentors))
    groups: tuple[MentoringGroup, ...] = ()
    notes: tuple[NotGrouped, ...] = ()
    if grouping:
        clock.start("groups")
        candidates = candidate_lists(mentors, mentees, mentor, score)
        formed = form_groups(policy, mentors, mentees, pairs)
        settled = settle(policy, real_mentors, mentees, pairs, formed, candidates)
        groups, pairs = settled.groups, settled.pairs
        left_places = places_left(policy, real_mentors, pairs, groups)
        placed = {p.mentee_id for p in pairs}
        waiting = [e for e in mentees if e.id not in placed]
        after = load_of(pairs)
        opened = any(after.get(m.id, 0) < n for m, n in zip(mentors, load.tolist(), strict=True))
        if waiting and (settled.released or opened):
            # Places opened (cut back, or mentees gathered into groups elsewhere): the
            # released and the still unmatched are matched again with the places left.
            reduced = [
                replace(m, capacity=n) for m, n in zip(real_mentors, left_places, strict=True)
            ]
            again = _run(
                policy, reduced, waiting, exclusions, k=k, progress=None,
                should_cancel=should_cancel, max_rounds=max_rounds, eps=eps,
                target_gap=target_gap, grouping=False,
            )  # fmt: skip
            pairs = pairs + again.pairs
            left_places = places_left(policy, real_mentors, pairs, groups)
        # Why the rest are unmatched, with each mentor's load set so that its room is the
        # places it has left.
        load = cap - np.array(left_places, dtype=np.int64)
        placed = {p.mentee_id for p in pairs}
        left = np.array([i for i, e in enumerate(mentees) if e.id not in placed], dtype=np.int64)
        clock.start("explain")
        unmatched = unmatched_reasons(pool, left, load, excluded, tasks)
        notes = not_grouped(
            policy, real_mentors, mentees, pairs, groups, unmatched, candidates,
            frozenset(exclusions), pool_fits(pool, excluded),
        )  # fmt: skip
    else:
        clock.start("explain")
        unmatched = unmatched_reasons(pool, np.flatnonzero(choice < 0), load, excluded, tasks)
    clock.stop()
    total = float(sum(p.score for p in pairs))
    matched = len(pairs)
    quality_bound = bound - big_m * matched
    stats = RunStats(
        timings=clock.timings, pairs_scored=graph.pairs, k=k, bids=bids,
        rounds=rounds, columns_added=int((mentor[:, k:] >= 0).sum()),
    )  # fmt: skip
    return MatchResult(
        pairs=pairs,
        unmatched=unmatched,
        groups=groups,
        matched=matched,
        total_score=total,
        bound=max(quality_bound, total),
        gap=max(0.0, (quality_bound - total) / quality_bound) if quality_bound > 0 else 0.0,
        cardinality_certified=quality_bound < big_m,
        stats=stats,
        not_grouped=notes,
    )


def warm_up(progress: ProgressFn | None = None, *, compile: bool = True) -> int:
    """Load (or compile, the first time on a machine) every compiled kernel by running a
    tiny programme, so that the runs that follow start warm; returns how many kernels
    were compiled (0 when the disk cache had them all).

    While kernels compile, ``progress("compiling", kernels ready / kernels)`` says so; a
    process whose kernels all come from the cache reports nothing. With ``compile=False``
    the first kernel missing from the cache raises :class:`jit.NotCompiled` instead.
    """
    week = (AvailabilityWindow(0, "09:00", "12:00"), AvailabilityWindow(2, "18:00", "20:00"))

    def person(idx: int, role: Role) -> Profile:
        return Profile(
            id=UUID(int=2 * idx + (role is Role.MENTOR)), role=role, country="DE",
            timezone="Europe/Berlin",
            languages=("de", "en"), availability=week, city="Berlin", sector="it",
            skills=frozenset({"cv"}), goals=frozenset({"cv"}), capacity=1,
        )  # fmt: skip

    total = len(jit.KERNELS)

    def report(ready: int) -> None:
        if progress is not None:
            progress("compiling", ready / total)

    mentors = [person(i, Role.MENTOR) for i in range(2)]
    mentees = [person(i, Role.MENTEE) for i in range(3)]  # one left over: explain runs too
    with jit.watching_compiles(report, allow=compile) as watch:
        run_matching(ProgrammePolicy(), mentors, mentees, k=1)
    if watch.compiled:
        report(jit.kernels_ready())
    return watch.compiled


def candidate_lists(
    mentors: Sequence[Profile], mentees: Sequence[Profile], mentor: I64, score: F64
) -> Candidates:
    """The graph's feasible mentors, with scores, of each mentee who prefers groups."""
    wanted = FormatPreference.GROUP
    out: dict[UUID, list[tuple[UUID, float]]] = {}
    for i, e in enumerate(mentees):
        if e.preferred_format is wanted:
            row, srow = mentor[i], score[i]
            out[e.id] = [
                (mentors[j].id, s)
                for j, s in zip(row.tolist(), srow.tolist(), strict=True)
                if j >= 0
            ]
    return out


def _good_enough(choice: I64, score: F64, bound: float, big_m: float, target: float) -> bool:
    """Both objectives certified within ``target``: no re-solve can pay for itself."""
    rows = np.flatnonzero(choice >= 0)
    total = float(np.sum(score[rows, choice[rows]]))
    quality_bound = bound - big_m * rows.size
    if quality_bound >= big_m:  # more pairs might exist
        return False
    return quality_bound <= 0 or (quality_bound - total) / quality_bound <= target


def _add_columns(pool: Pool, mentor: I64, score: F64, rows: I64, cols: I64) -> tuple[I64, F64]:
    """Append (row, mentor) pairs to the graph with their scores."""
    return add_columns(mentor, score, rows, cols, _scores(pool, rows, cols))


def _scores(pool: Pool, rows: I64, cols: I64) -> F64:
    return pair_scores(pool, rows, cols)


def load_of(pairs: Iterable[MatchedPair]) -> Mapping[UUID, int]:
    out: dict[UUID, int] = {}
    for p in pairs:
        out[p.mentor_id] = out.get(p.mentor_id, 0) + 1
    return out
