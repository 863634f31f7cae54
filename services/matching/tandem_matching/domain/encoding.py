"""Turn participant profiles into compact numpy arrays, once per match run.

The compiled kernels (:mod:`pair_kernels`) score a pair from these arrays alone:

* ``ints`` (n, INT_COLUMNS): country, reach key (city or country id, -1 unknown), sector
  (-1 none), first language (-1 none), preferred format, can meet in person, needs to meet
  in person, capacity, available slots per week;
* ``lang`` / ``tokens``: languages and skills (mentors) or goals (mentees) as bit rows of
  uint64 words over the run's vocabularies;
* ``avail``: weekly availability as bits on the 15-minute UTC grid (11 uint64 words);
* ``Pool.coef`` (mentees only, COEF_COLUMNS): the mentee's part of every criterion with its
  weight folded in, so that a pair's score is a handful of multiply-adds:

  ``bias + a_sg·|goals ∩ skills| + a_sec·[same sector] + a_first·[speaks first language]
  + a_share·|languages ∩| + a_cult·[same country] + fmt[mentor format]
  + (mod_near | mod_far) + w_a·min(overlap / saturation, 1)``

  which is :func:`scoring.explain`'s formula term by term (tests check they agree).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from tandem_matching.domain.profiles import (
    SLOTS_PER_WEEK,
    AvailabilityWindow,
    CountryPolicy,
    Criterion,
    FormatPreference,
    FormatsOffered,
    HardConstraint,
    Modality,
    Participant,
    ProgrammePolicy,
    Reach,
    utc_intervals,
)

WORDS = (SLOTS_PER_WEEK + 63) // 64  # 11 uint64 words per availability row
FORMATS = (FormatPreference.PAIR, FormatPreference.GROUP, FormatPreference.EITHER)

# Columns of Side.ints
COUNTRY, REACH, SECTOR, FIRST_LANG, FORMAT, CAN_MEET, NEEDS_MEET, CAPACITY, SLOTS = range(9)
INT_COLUMNS = 9
# Columns of Pool.coef
A_SG, A_SEC, A_FIRST, A_SHARE, A_CULT, BIAS, MOD_NEAR, MOD_FAR, FMT = range(9)
COEF_COLUMNS = FMT + len(FORMATS)
# Entries of Pool.params
W_AVAIL, SAT_SLOTS, MIN_SLOTS, HARD_AVAIL = range(4)

F64 = npt.NDArray[np.float64]
F32 = npt.NDArray[np.float32]
I64 = npt.NDArray[np.int64]
U64 = npt.NDArray[np.uint64]
B8 = npt.NDArray[np.bool_]


def format_fit(
    mentee: FormatPreference, mentor: FormatPreference, offered: FormatsOffered
) -> float:
    """1 when the preferred formats agree (or one side has none, or only one is offered)."""
    if offered is not FormatsOffered.BOTH:
        return 1.0
    if FormatPreference.EITHER in (mentee, mentor) or mentee is mentor:
        return 1.0
    return 0.0


def modality_points(policy: ProgrammePolicy, modality: Modality) -> tuple[float, float]:
    """A mentee's modality fit (near, not near) — see :func:`scoring.modality_fit`."""
    if modality is Modality.ONLINE_ONLY:
        return 1.0, 1.0
    if modality is Modality.FACE_TO_FACE:
        return (1.0, 1.0) if policy.is_hard(HardConstraint.FACE_TO_FACE) else (1.0, 0.0)
    return 1.0, 0.5


@dataclass(frozen=True, slots=True)
class Side:
    """The arrays of one side (mentors or mentees) of a pool."""

    participants: tuple[Participant, ...]
    ints: I64  # (n, INT_COLUMNS)
    lang: U64  # (n, language words)
    tokens: U64  # (n, token words)
    avail: U64  # (n, WORDS)
    window_ptr: I64  # (n + 1,) person p's windows are windows[window_ptr[p] : window_ptr[p + 1]]
    windows: I64  # (w, 2) merged UTC slot intervals [start, end), sorted per person

    def __len__(self) -> int:
        return len(self.participants)

    @property
    def capacity(self) -> I64:
        return self.ints[:, CAPACITY]

    @property
    def country(self) -> I64:
        return self.ints[:, COUNTRY]

    @property
    def reach(self) -> I64:
        return self.ints[:, REACH]

    @property
    def can_meet(self) -> B8:
        return np.asarray(self.ints[:, CAN_MEET] != 0, dtype=np.bool_)

    @property
    def needs_meet(self) -> B8:
        return np.asarray(self.ints[:, NEEDS_MEET] != 0, dtype=np.bool_)


@dataclass(frozen=True, slots=True)
class Pool:
    """Both sides of one match run, encoded against shared vocabularies."""

    policy: ProgrammePolicy
    mentors: Side
    mentees: Side
    coef: F64  # (n mentees, COEF_COLUMNS)
    params: F64  # W_AVAIL, SAT_SLOTS, MIN_SLOTS, HARD_AVAIL
    languages: tuple[str, ...]
    countries: tuple[str, ...]

    @property
    def tables(self) -> tuple[I64, U64, U64, U64, F64, I64, U64, U64, U64, F64, I64, I64]:
        """Everything a pair kernel reads, in the order the kernels unpack it."""
        e, r = self.mentees, self.mentors
        return (e.ints, e.lang, e.tokens, e.avail, self.coef,
                r.ints, r.lang, r.tokens, r.avail, self.params,
                e.window_ptr, e.windows)  # fmt: skip


_Rows = tuple[I64, list[int], list[int], U64, I64, I64]


class _Vocab:
    def __init__(self) -> None:
        self.index: dict[object, int] = {}

    def __call__(self, key: object) -> int:
        return self.index.setdefault(key, len(self.index))

    def __len__(self) -> int:
        return len(self.index)


def encode(
    policy: ProgrammePolicy, mentors: Sequence[Participant], mentees: Sequence[Participant]
) -> Pool:
    """Encode both sides of a run. Cost is linear in the number of participants."""
    vocab = _Vocabularies(policy)
    mentor_rows = vocab.rows(mentors, mentor=True)
    mentee_rows = vocab.rows(mentees, mentor=False)
    # Both sides get as many words as the shared vocabularies need (kernels pair them).
    lang_words = max(1, -(-len(vocab.langs) // 64))
    token_words = max(1, -(-len(vocab.tokens) // 64))

    def side(people: Sequence[Participant], rows: _Rows) -> Side:
        ints, lang_masks, token_masks, avail, window_ptr, windows = rows
        return Side(
            participants=tuple(people),
            ints=ints,
            lang=_words(lang_masks, lang_words),
            tokens=_words(token_masks, token_words),
            avail=avail,
            window_ptr=window_ptr,
            windows=windows,
        )

    w = policy.weights
    params = np.array(
        [
            w[Criterion.AVAILABILITY],
            policy.saturation_hours * 4.0,
            float(policy.min_overlap_slots),
            1.0 if policy.is_hard(HardConstraint.AVAILABILITY) else 0.0,
        ]
    )
    return Pool(
        policy=policy,
        mentors=side(mentors, mentor_rows),
        mentees=side(mentees, mentee_rows),
        coef=_coefficients(policy, mentees),
        params=params,
        languages=tuple(str(k) for k in vocab.langs.index),
        countries=tuple(str(k) for k in vocab.countries.index),
    )


class _Vocabularies:
    """Shared ids for languages, countries, cities, sectors and goal/skill tokens."""

    def __init__(self, policy: ProgrammePolicy) -> None:
        self.policy = policy
        self.langs, self.countries, self.cities = _Vocab(), _Vocab(), _Vocab()
        self.sectors, self.tokens = _Vocab(), _Vocab()

    def rows(self, people: Sequence[Participant], *, mentor: bool) -> _Rows:
        n = len(people)
        same_city = self.policy.reach is Reach.SAME_CITY
        week = self.policy.reference_week
        rows: list[tuple[int, ...]] = []
        lang_masks: list[int] = []
        token_masks: list[int] = []
        intervals: dict[tuple[tuple[AvailabilityWindow, ...], str], int] = {}  # distinct → row
        avail_of: list[int] = []
        for p in people:
            country = self.countries(p.country)
            city = -1 if p.city is None else self.cities((p.country, p.city.casefold()))
            lang_ids = [self.langs(name) for name in p.languages]
            mask = 0
            for lid in lang_ids:
                mask |= 1 << lid
            lang_masks.append(mask)
            mask = 0
            for t in p.skills if mentor else p.goals:
                mask |= 1 << self.tokens(t)
            token_masks.append(mask)
            key = (p.availability, p.timezone)
            avail_of.append(intervals.setdefault(key, len(intervals)))
            rows.append(
                (
                    country,
                    city if same_city else country,
                    -1 if p.sector is None else self.sectors(p.sector),
                    lang_ids[0] if lang_ids else -1,
                    FORMATS.index(p.preferred_format),
                    int(p.face_to_face_capable),
                    int(p.requires_face_to_face),
                    p.capacity if mentor else 1,
                    0,
                )
            )
        ints = np.array(rows, dtype=np.int64).reshape(n, INT_COLUMNS)
        lists = [utc_intervals(w, tz, week) for w, tz in intervals]
        of = np.asarray(avail_of, dtype=np.int64)
        avail = _pack(lists)[of]
        ints[:, SLOTS] = np.bitwise_count(avail).sum(axis=1, dtype=np.int64)
        return ints, lang_masks, token_masks, avail, *_windows(lists, of)


def _coefficients(policy: ProgrammePolicy, mentees: Sequence[Participant]) -> F64:
    w = policy.weights
    w_sg, w_sec = w[Criterion.SKILLS_GOALS], w[Criterion.SECTOR]
    w_lc, w_fm = w[Criterion.LANGUAGE_CULTURE], w[Criterion.FORMAT_MODALITY]
    culture_by_country = policy.country_policy is CountryPolicy.ANY
    fmt = {
        pref: [0.5 * w_fm * format_fit(pref, q, policy.formats) for q in FORMATS]
        for pref in FORMATS
    }
    mod = {m: modality_points(policy, m) for m in Modality}
    out = np.zeros((len(mentees), COEF_COLUMNS))
    rows = []
    for p in mentees:
        near, far = mod[p.modality]
        rows.append(
            (
                w_sg / len(p.goals) if p.goals else 0.0,
                w_sec if p.sector is not None else 0.0,
                0.5 * w_lc if p.languages else 0.0,
                0.25 * w_lc / len(p.languages) if p.languages else 0.0,
                0.25 * w_lc if culture_by_country else 0.0,
                0.0 if culture_by_country else 0.25 * w_lc,
                0.5 * w_fm * near,
                0.5 * w_fm * far,
                *fmt[p.preferred_format],
            )
        )
    if rows:
        out[:] = rows
    return out


def _words(masks: list[int], words: int) -> U64:
    """Python int bit masks → (n, words) uint64 rows."""
    out = np.zeros((len(masks), words), dtype=np.uint64)
    for w in range(words):
        out[:, w] = [(m >> (64 * w)) & 0xFFFF_FFFF_FFFF_FFFF for m in masks]
    return out


def _windows(lists: list[tuple[tuple[int, int], ...]], of: I64) -> tuple[I64, I64]:
    """Per-person interval lists (CSR) from the distinct lists and each person's index."""
    counts = np.array([len(x) for x in lists], dtype=np.int64)
    first = np.concatenate([[0], np.cumsum(counts)])
    flat = np.array([iv for x in lists for iv in x], dtype=np.int64).reshape(-1, 2)
    per = counts[of]
    ptr = np.concatenate([[0], np.cumsum(per)]).astype(np.int64)
    pick = np.repeat(first[of] - ptr[:-1], per) + np.arange(int(ptr[-1]))
    return ptr, flat[pick]


def _pack(rows: list[tuple[tuple[int, int], ...]]) -> U64:
    """UTC slot intervals per row → (n, WORDS) uint64 bit rows (bit t = slot t)."""
    bits = np.zeros((len(rows), WORDS * 64), dtype=np.bool_)
    for r, intervals in enumerate(rows):
        for s, e in intervals:
            bits[r, s:e] = True
    return np.packbits(bits, axis=1, bitorder="little").view(np.uint64).reshape(len(rows), WORDS)
