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

from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from typing import TypeVar

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
    Profile,
    ProgrammePolicy,
    Reach,
    window_slots,
)

WORDS = week_bits.WORDS  # 11 uint64 words per availability row (672 slots)
FORMATS = (FormatPreference.PAIR, FormatPreference.GROUP, FormatPreference.EITHER)
_FORMAT_IDS = {f: q for q, f in enumerate(FORMATS)}

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

    participants: tuple[Profile, ...]
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


_Rows = tuple[I64, I64, I64, U64, I64, I64]  # ints, lang and token table rows, avail, ...
# People are encoded a block at a time: the block's profiles are still in the CPU cache
# when the next attribute is read (about a quarter less time than whole columns at 10^5
# people, where reading a profile is mostly waiting for memory).
_BLOCK = 2048
_DAY = 24 * 60 + 1  # minutes 0..1440 of a day: the base windows are folded in
_NO_SLOTS = ((0, 0), (0, 0))
_K = TypeVar("_K", bound=Hashable)


class _Memo(dict[_K, int]):
    """key → int, computed by ``new`` (by default: the next id) when a key is first read.

    Reading a column through :meth:`column` calls ``new`` in order of first appearance, so
    the ids handed out are those a person-by-person loop would give, for one C-level hash
    lookup per person.
    """

    def __init__(self, new: Callable[[_K], int] | None = None) -> None:
        super().__init__()
        self.new = new

    def __missing__(self, key: _K) -> int:
        value = self[key] = len(self) if self.new is None else self.new(key)
        return value

    def column(self, keys: Sequence[_K]) -> I64:
        return np.fromiter(map(self.__getitem__, keys), np.int64, len(keys))


def encode(policy: ProgrammePolicy, mentors: Sequence[Profile], mentees: Sequence[Profile]) -> Pool:
    """Encode both sides of a run. Cost is linear in the number of participants."""
    vocab = _Vocabularies(policy)
    mentor_rows = vocab.rows(mentors, mentor=True)
    mentee_rows = vocab.rows(mentees, mentor=False)
    # Both sides get as many words as the shared vocabularies need (kernels pair them).
    lang_table = _words(vocab.lang_masks, max(1, -(-len(vocab.langs) // 64)))
    token_table = _words(vocab.token_masks, max(1, -(-len(vocab.tokens) // 64)))

    def side(people: Sequence[Profile], rows: _Rows) -> Side:
        ints, lang_rows, token_rows, avail, window_ptr, windows = rows
        return Side(
            participants=tuple(people),
            ints=ints,
            lang=lang_table[lang_rows],
            tokens=token_table[token_rows],
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
        languages=tuple(map(str, vocab.langs)),
        countries=tuple(map(str, vocab.countries)),
    )


class _Vocabularies:
    """Shared ids for languages, countries, cities, sectors and goal/skill tokens.

    People are read one attribute of everyone (in a block) at a time, and each distinct
    value is encoded once: language lists, token sets, places and local windows repeat
    across a programme, and a per-person Python loop over 10^5 profiles costs several
    times the few C-level passes per attribute done here.
    """

    def __init__(self, policy: ProgrammePolicy) -> None:
        self.policy = policy
        self.langs, self.countries, self.cities = _Memo[str](), _Memo[str](), _Memo[object]()
        self.sectors, self.tokens, self.zones = _Memo[str](), _Memo[str](), _Memo[str]()
        # A distinct language list / token set is a row of these tables (bit mask, first
        # language id or -1, count); people refer to it by row.
        self.lang_masks: list[int] = []
        self.lang_first: list[int] = []
        self.lang_count: list[int] = []
        self.token_masks: list[int] = []
        self.token_count: list[int] = []
        self._lang_rows = _Memo(self._languages)
        self._token_rows = _Memo(self._token_set)
        self._places = _Memo(self._place)
        self._sector_ids = _Memo[str | None](self._sector)

    def _languages(self, names: tuple[str, ...]) -> int:
        ids = [self.langs[name] for name in names]
        mask = 0
        for lid in ids:
            mask |= 1 << lid
        self.lang_masks.append(mask)
        self.lang_first.append(ids[0] if ids else -1)
        self.lang_count.append(len(ids))
        return len(self.lang_masks) - 1

    def _token_set(self, tokens: frozenset[str]) -> int:
        mask = 0
        for t in sorted(tokens):
            mask |= 1 << self.tokens[t]
        self.token_masks.append(mask)
        self.token_count.append(len(tokens))
        return len(self.token_masks) - 1

    def _place(self, place: tuple[str, str | None]) -> int:
        country, city = place
        return -1 if city is None else self.cities[(country, city.casefold())]

    def _sector(self, sector: str | None) -> int:
        return -1 if sector is None else self.sectors[sector]

    def rows(self, people: Sequence[Profile], *, mentor: bool) -> _Rows:
        blocks = [
            self._block(people[lo : lo + _BLOCK], mentor=mentor)
            for lo in range(0, len(people), _BLOCK)
        ] or [self._block(people, mentor=mentor)]
        ints, langs, tokens, per_person, keys = (
            np.concatenate(c) for c in zip(*blocks, strict=True)
        )
        ints[:, FIRST_LANG] = np.array(self.lang_first, dtype=np.int64)[langs]
        ints[:, N_LANGS] = np.array(self.lang_count, dtype=np.int64)[langs]
        ints[:, N_TOKENS] = np.array(self.token_count, dtype=np.int64)[tokens]
        avail, ints[:, SLOTS], window_ptr, windows = self._week(per_person, keys)
        return ints, langs, tokens, avail, window_ptr, windows

    def _block(self, people: Sequence[Profile], *, mentor: bool) -> tuple[I64, ...]:
        """(ints but for the columns :meth:`rows` fills, language and token table rows,
        windows per person, window keys) of a block of people, read one attribute of
        everyone at a time."""
        n = len(people)
        ints = np.empty((n, INT_COLUMNS), dtype=np.int64)
        country_col = [p.country for p in people]
        ints[:, COUNTRY] = self.countries.column(country_col)
        if self.policy.reach is Reach.SAME_CITY:
            places = list(zip(country_col, [p.city for p in people], strict=True))
            ints[:, REACH] = self._places.column(places)
        else:
            ints[:, REACH] = ints[:, COUNTRY]
        ints[:, SECTOR] = self._sector_ids.column([p.sector for p in people])
        langs = self._lang_rows.column([p.languages for p in people])
        owned = [p.skills for p in people] if mentor else [p.goals for p in people]
        tokens = self._token_rows.column(owned)
        formats = [p.preferred_format for p in people]
        ints[:, FORMAT] = np.fromiter(map(_FORMAT_IDS.__getitem__, formats), np.int64, n)
        # Compared by identity, as the rules are (``modality is not ONLINE_ONLY``).
        modality = np.fromiter(map(id, [p.modality for p in people]), np.int64, n)
        ints[:, CAN_MEET] = modality != id(Modality.ONLINE_ONLY)
        ints[:, NEEDS_MEET] = modality == id(Modality.FACE_TO_FACE)
        ints[:, CAPACITY] = [p.capacity for p in people] if mentor else 1
        # Windows: one pass over the window objects, folding each into one int (weekday,
        # start and end minute in base 1441), then the person's time zone in front.
        stated = [p.availability for p in people]
        per_person = np.fromiter(map(len, stated), np.int64, n)
        local = [(w.weekday * _DAY + w.start_minute) * _DAY + w.end_minute
                 for by_one in stated for w in by_one]  # fmt: skip
        zones = self.zones.column([p.timezone for p in people])
        keys = np.repeat(zones * (7 * _DAY * _DAY), per_person)
        keys += np.fromiter(local, np.int64, len(local))
        return ints, langs, tokens, per_person, keys

    def _week(self, per_person: I64, keys: I64) -> tuple[U64, I64, I64, I64]:
        """Availability rows (see :func:`week.merge`): every distinct window key (zone,
        weekday, start, end) is converted to UTC once; people refer to it by its row."""
        ptr = np.zeros(per_person.size + 1, dtype=np.int64)
        np.cumsum(per_person, out=ptr[1:])
        distinct, code = week_bits.distinct(keys)
        rest, end = np.divmod(distinct, _DAY)
        rest, start = np.divmod(rest, _DAY)
        zone, day = np.divmod(rest, 7)
        week, names = self.policy.reference_week, list(self.zones)
        utc = [
            window_slots(d, s, e, names[z], week)
            for z, d, s, e in zip(
                zone.tolist(), day.tolist(), start.tolist(), end.tolist(), strict=True
            )
        ]
        # Up to two intervals per window, padded with empty ones.
        table = np.array([(w + _NO_SLOTS)[:2] for w in utc], dtype=np.int64).reshape(-1, 4)
        return week_bits.merge(ptr, code, table)


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
