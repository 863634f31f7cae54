"""Turn participant profiles into compact numpy arrays, once per match run.

The compiled kernels (:mod:`pair_kernels`) score a pair from these arrays alone:

* ``ints`` (n, INT_COLUMNS): country, reach key (city or country id, -1 unknown), sector
  (-1 none), first language (-1 none), preferred format, can meet in person, needs to meet
  in person, capacity, available slots per week, number of languages, number of skills or
  goals;
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

from tandem_matching.domain import week as week_bits
from tandem_matching.domain.profiles import (
    CountryPolicy,
    Criterion,
    FormatPreference,
    FormatsOffered,
    HardConstraint,
    Modality,
    Participant,
    ProgrammePolicy,
    Reach,
    window_slots,
)

WORDS = week_bits.WORDS  # 11 uint64 words per availability row (672 slots)
FORMATS = (FormatPreference.PAIR, FormatPreference.GROUP, FormatPreference.EITHER)

# Columns of Side.ints
COUNTRY, REACH, SECTOR, FIRST_LANG, FORMAT, CAN_MEET, NEEDS_MEET, CAPACITY, SLOTS = range(9)
N_LANGS, N_TOKENS = 9, 10
INT_COLUMNS = 11
# Columns of Pool.coef
A_SG, A_SEC, A_FIRST, A_SHARE, A_CULT, BIAS, MOD_NEAR, MOD_FAR, FMT = range(9)
COEF_COLUMNS = FMT + len(FORMATS)
# Entries of Pool.params
W_AVAIL, SAT_SLOTS, MIN_SLOTS, HARD_AVAIL = range(4)

F64 = npt.NDArray[np.float64]
I64 = npt.NDArray[np.int64]
I32 = npt.NDArray[np.int32]
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
        coef=_coefficients(policy, mentee_rows[0]),
        params=params,
        languages=tuple(str(k) for k in vocab.langs.index),
        countries=tuple(str(k) for k in vocab.countries.index),
    )


class _Vocabularies:
    """Shared ids for languages, countries, cities, sectors and goal/skill tokens, with
    memos for the language lists, token sets and places that repeat across people."""

    def __init__(self, policy: ProgrammePolicy) -> None:
        self.policy = policy
        self.langs, self.countries, self.cities = _Vocab(), _Vocab(), _Vocab()
        self.sectors, self.tokens = _Vocab(), _Vocab()
        self._lang_memo: dict[tuple[str, ...], tuple[int, int, int]] = {}
        self._token_memo: dict[frozenset[str], tuple[int, int]] = {}
        self._city_memo: dict[tuple[str, str], int] = {}

    def _languages(self, names: tuple[str, ...]) -> tuple[int, int, int]:
        """(bit mask, first language id or -1, count)."""
        ids = [self.langs(name) for name in names]
        mask = 0
        for lid in ids:
            mask |= 1 << lid
        out = self._lang_memo[names] = (mask, ids[0] if ids else -1, len(ids))
        return out

    def _token_set(self, tokens: frozenset[str]) -> tuple[int, int]:
        mask = 0
        for t in sorted(tokens):
            mask |= 1 << self.tokens(t)
        out = self._token_memo[tokens] = (mask, len(tokens))
        return out

    def rows(self, people: Sequence[Participant], *, mentor: bool) -> _Rows:
        n = len(people)
        same_city = self.policy.reach is Reach.SAME_CITY
        week = self.policy.reference_week
        countries, sectors = self.countries, self.sectors
        country_ids, sector_ids = countries.index, sectors.index
        lang_memo, token_memo, city_memo = self._lang_memo, self._token_memo, self._city_memo
        formats = {f: q for q, f in enumerate(FORMATS)}
        online, in_person = Modality.ONLINE_ONLY, Modality.FACE_TO_FACE
        rows: list[tuple[int, ...]] = []
        lang_masks: list[int] = []
        token_masks: list[int] = []
        who: list[int] = []
        starts: list[int] = []
        ends: list[int] = []
        for idx, p in enumerate(people):
            country = country_ids.get(p.country)
            if country is None:
                country = countries(p.country)
            if p.city is None:
                city = -1
            else:
                city = city_memo.get((p.country, p.city), -2)
                if city == -2:
                    city = city_memo[(p.country, p.city)] = self.cities(
                        (p.country, p.city.casefold())
                    )
            lang_mask, first, n_langs = lang_memo.get(p.languages) or self._languages(p.languages)
            owned = p.skills if mentor else p.goals
            token_mask, n_tokens = token_memo.get(owned) or self._token_set(owned)
            lang_masks.append(lang_mask)
            token_masks.append(token_mask)
            for w in p.availability:
                for s, e in window_slots(w.weekday, w.start_minute, w.end_minute, p.timezone, week):
                    who.append(idx)
                    starts.append(s)
                    ends.append(e)
            modality = p.modality
            rows.append(
                (
                    country,
                    city if same_city else country,
                    -1 if p.sector is None else sector_ids.get(p.sector) or sectors(p.sector),
                    first,
                    formats[p.preferred_format],
                    int(modality is not online),
                    int(modality is in_person),
                    p.capacity if mentor else 1,
                    0,
                    n_langs,
                    n_tokens,
                )
            )
        ints = np.array(rows, dtype=np.int64).reshape(n, INT_COLUMNS)
        avail = week_bits.pack(
            n, np.array(who, np.int64), np.array(starts, np.int64), np.array(ends, np.int64)
        )
        ints[:, SLOTS] = np.bitwise_count(avail).sum(axis=1, dtype=np.int64)
        window_ptr, windows = week_bits.runs(avail)
        return ints, lang_masks, token_masks, avail, window_ptr, windows


def _coefficients(policy: ProgrammePolicy, e: I64) -> F64:
    """Pool.coef from the mentees' ints (see the module docstring)."""
    w = policy.weights
    w_sg, w_sec = w[Criterion.SKILLS_GOALS], w[Criterion.SECTOR]
    w_lc, w_fm = w[Criterion.LANGUAGE_CULTURE], w[Criterion.FORMAT_MODALITY]
    n_tokens = e[:, N_TOKENS].astype(np.float64)
    n_langs = e[:, N_LANGS].astype(np.float64)
    out = np.zeros((e.shape[0], COEF_COLUMNS))
    np.divide(w_sg, n_tokens, out=out[:, A_SG], where=n_tokens > 0)
    out[:, A_SEC] = np.where(e[:, SECTOR] >= 0, w_sec, 0.0)
    out[:, A_FIRST] = np.where(n_langs > 0, 0.5 * w_lc, 0.0)
    np.divide(0.25 * w_lc, n_langs, out=out[:, A_SHARE], where=n_langs > 0)
    if policy.country_policy is CountryPolicy.ANY:
        out[:, A_CULT] = 0.25 * w_lc
    else:
        out[:, BIAS] = 0.25 * w_lc
    modality = np.where(
        e[:, NEEDS_MEET] != 0, 1, np.where(e[:, CAN_MEET] != 0, 2, 0)
    )  # index into _MODALITIES
    points = np.array([modality_points(policy, m) for m in _MODALITIES])
    out[:, MOD_NEAR] = 0.5 * w_fm * points[modality, 0]
    out[:, MOD_FAR] = 0.5 * w_fm * points[modality, 1]
    fits = np.array([[format_fit(p, q, policy.formats) for q in FORMATS] for p in FORMATS])
    out[:, FMT : FMT + len(FORMATS)] = 0.5 * w_fm * fits[e[:, FORMAT]]
    return out


_MODALITIES = (Modality.ONLINE_ONLY, Modality.FACE_TO_FACE, Modality.EITHER)


def _words(masks: list[int], words: int) -> U64:
    """Python int bit masks → (n, words) uint64 rows."""
    out = np.zeros((len(masks), words), dtype=np.uint64)
    for w in range(words):
        out[:, w] = [(m >> (64 * w)) & 0xFFFF_FFFF_FFFF_FFFF for m in masks]
    return out
