"""Turn participant profiles into numpy arrays, once per match run.

The soft score of a pair is ``cat(i, j) + availability(i, j)``. Every criterion except
availability is a table lookup on small categorical attributes or an overlap of small
sets, so it is written as an inner product ``fe[i] @ fr[j]`` of a mentee feature row and a
mentor feature row (weights folded in). A block of mentees × mentors is then one matrix
product, which is what makes scoring 10^9 pairs affordable. ``fe`` is non-negative.

Columns of ``fe`` / ``fr`` (each block already multiplied by its criterion weight):

* goals: ``fe = w_sg / |goals|`` per goal, ``fr = 1`` per skill → fraction of goals covered;
* sector: one-hot on both sides → same sector;
* languages: ``fe = w_lc * (0.5 [first language] + 0.25 / |languages|)``, ``fr`` = speaks it;
* country (policy ``any`` only): ``fe = w_lc * 0.25`` at the mentee's country → same country;
* format (programme offers both): ``fe = w_fm * 0.5`` at the mentee's preference,
  ``fr`` = fit of that preference with the mentor's;
* reach (mentees open to meeting in person): ``fe`` at the mentee's city (or country),
  ``fr`` = mentor can meet in person there;
* bias: the parts that are constant for a mentee.

Availability is kept as bits on the 15-minute UTC grid (packed in 11 uint64 words) and, for
mentors, as a cumulative count so that any interval's overlap is a subtraction.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from tandem_matching.domain.profiles import (
    SLOTS_PER_WEEK,
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
_FORMATS = (FormatPreference.PAIR, FormatPreference.GROUP, FormatPreference.EITHER)

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


@dataclass(frozen=True, slots=True)
class Side:
    """The arrays of one side (mentors or mentees) of a pool."""

    participants: tuple[Participant, ...]
    features: F64  # (n, D) see module docstring
    avail: U64  # (n, WORDS) UTC slot bits
    avail_slots: I64  # (n,) available slots per week
    lang: B8  # (n, L)
    country: I64  # (n,)
    city: I64  # (n,) global (country, city) id, -1 when unknown
    f2f_capable: B8  # (n,)
    requires_f2f: B8  # (n,)
    capacity: I64  # (n,)

    def __len__(self) -> int:
        return len(self.participants)


@dataclass(frozen=True, slots=True)
class Pool:
    """Both sides of one match run, encoded against shared vocabularies."""

    policy: ProgrammePolicy
    mentors: Side
    mentees: Side
    mentor_cum: F32  # (m, SLOTS_PER_WEEK + 1) cumulative available slots per mentor
    languages: tuple[str, ...]
    countries: tuple[str, ...]

    @property
    def sat_slots(self) -> float:
        return self.policy.saturation_hours * 4.0

    def reach_key(self, side: Side) -> I64:
        """The place two people must share to meet in person, per the programme's reach."""
        return side.city if self.policy.reach is Reach.SAME_CITY else side.country


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
    langs, countries, cities, sectors, tokens = _Vocab(), _Vocab(), _Vocab(), _Vocab(), _Vocab()
    everyone = (*mentors, *mentees)
    for p in everyone:
        for lang in p.languages:
            langs(lang)
        countries(p.country)
        if p.city is not None:
            cities((p.country, p.city.casefold()))
        if p.sector is not None:
            sectors(p.sector)
        for t in (*sorted(p.skills), *sorted(p.goals)):
            tokens(t)
    n_reach = len(cities) if policy.reach is Reach.SAME_CITY else len(countries)
    blocks = {
        "goals": len(tokens),
        "sector": len(sectors),
        "lang": len(langs),
        "country": len(countries) if policy.country_policy is CountryPolicy.ANY else 0,
        "format": len(_FORMATS) if policy.formats is FormatsOffered.BOTH else 0,
        "reach": n_reach,
        "bias": 1,
    }
    offset: dict[str, int] = {}
    width = 0
    for name, size in blocks.items():
        offset[name] = width
        width += size
    vocab = (langs, countries, cities, sectors, tokens)
    mentor_side = _encode_side(policy, mentors, True, vocab, offset, width)
    mentee_side = _encode_side(policy, mentees, False, vocab, offset, width)
    bits = np.unpackbits(mentor_side.avail.view(np.uint8), axis=1, bitorder="little")
    cum = np.zeros((len(mentors), SLOTS_PER_WEEK + 1), dtype=np.float32)
    np.cumsum(bits[:, :SLOTS_PER_WEEK], axis=1, dtype=np.float32, out=cum[:, 1:])
    return Pool(
        policy=policy,
        mentors=mentor_side,
        mentees=mentee_side,
        mentor_cum=cum,
        languages=tuple(str(k) for k in langs.index),
        countries=tuple(str(k) for k in countries.index),
    )


def _encode_side(
    policy: ProgrammePolicy,
    people: Sequence[Participant],
    mentor: bool,
    vocab: tuple[_Vocab, _Vocab, _Vocab, _Vocab, _Vocab],
    offset: dict[str, int],
    width: int,
) -> Side:
    langs, countries, cities, sectors, tokens = vocab
    n = len(people)
    w = policy.weights
    w_sg, w_sec = w[Criterion.SKILLS_GOALS], w[Criterion.SECTOR]
    w_lc, w_fm = w[Criterion.LANGUAGE_CULTURE], w[Criterion.FORMAT_MODALITY]
    feats = np.zeros((n, width), dtype=np.float64)
    lang = np.zeros((n, max(len(langs), 1)), dtype=np.bool_)
    country = np.empty(n, dtype=np.int64)
    city = np.full(n, -1, dtype=np.int64)
    capable = np.empty(n, dtype=np.bool_)
    requires = np.empty(n, dtype=np.bool_)
    capacity = np.zeros(n, dtype=np.int64)
    iv_rows: list[int] = []
    iv_start: list[int] = []
    iv_end: list[int] = []
    same_city = policy.reach is Reach.SAME_CITY
    f2f_hard = policy.is_hard(HardConstraint.FACE_TO_FACE)
    culture_constant = policy.country_policy is not CountryPolicy.ANY
    fr: list[int] = []  # feature triplets, added at once (numpy item writes are slow)
    fc: list[int] = []
    fv: list[float] = []
    o_goal, o_sec, o_lang = offset["goals"], offset["sector"], offset["lang"]
    o_country, o_format, o_reach, o_bias = (
        offset["country"], offset["format"], offset["reach"], offset["bias"]
    )  # fmt: skip
    both_formats = policy.formats is FormatsOffered.BOTH
    fits = {
        pref: [format_fit(e_pref, pref, policy.formats) for e_pref in _FORMATS] for pref in _FORMATS
    }
    week = policy.reference_week

    def put(i: int, col: int, val: float) -> None:
        fr.append(i)
        fc.append(col)
        fv.append(val)

    for i, p in enumerate(people):
        c = countries.index[p.country]
        country[i] = c
        city_id = -1 if p.city is None else cities.index[(p.country, p.city.casefold())]
        city[i] = city_id
        capable[i] = p.face_to_face_capable
        requires[i] = p.requires_face_to_face
        reach_id = city_id if same_city else c
        lang_ids = [langs.index[name] for name in p.languages]
        lang[i, lang_ids] = True
        for s, e in utc_intervals(p.availability, p.timezone, week):
            iv_rows.append(i)
            iv_start.append(s)
            iv_end.append(e)
        if mentor:
            capacity[i] = p.capacity
            for t in p.skills:
                put(i, o_goal + tokens.index[t], 1.0)
            if p.sector is not None:
                put(i, o_sec + sectors.index[p.sector], 1.0)
            for lid in lang_ids:
                put(i, o_lang + lid, 1.0)
            if not culture_constant:
                put(i, o_country + c, 1.0)
            if both_formats:
                for k, fit in enumerate(fits[p.preferred_format]):
                    put(i, o_format + k, fit)
            if p.face_to_face_capable and reach_id >= 0:
                put(i, o_reach + reach_id, 1.0)
            put(i, o_bias, 1.0)
            continue
        if p.goals:
            share = w_sg / len(p.goals)
            for t in p.goals:
                put(i, o_goal + tokens.index[t], share)
        if p.sector is not None:
            put(i, o_sec + sectors.index[p.sector], w_sec)
        for k, lid in enumerate(lang_ids):
            put(i, o_lang + lid, w_lc * (0.25 / len(lang_ids) + (0.5 if k == 0 else 0.0)))
        bias = w_lc * 0.25 if culture_constant else 0.0
        if not culture_constant:
            put(i, o_country + c, w_lc * 0.25)
        if both_formats:
            put(i, o_format + _FORMATS.index(p.preferred_format), w_fm * 0.5)
        else:
            bias += w_fm * 0.5
        # Modality fit (half of format_modality): see scoring.modality_fit.
        if p.modality is Modality.EITHER:
            bias += w_fm * 0.25
            if reach_id >= 0:
                put(i, o_reach + reach_id, w_fm * 0.25)
        elif p.modality is Modality.FACE_TO_FACE and not f2f_hard:
            if reach_id >= 0:
                put(i, o_reach + reach_id, w_fm * 0.5)
        else:
            bias += w_fm * 0.5
        put(i, o_bias, bias)
    np.add.at(feats, (np.asarray(fr, dtype=np.int64), np.asarray(fc, dtype=np.int64)), fv)
    avail = _pack(
        n,
        np.asarray(iv_rows, dtype=np.int64),
        np.asarray(iv_start, dtype=np.int64),
        np.asarray(iv_end, dtype=np.int64),
    )
    slots = np.bitwise_count(avail).sum(axis=1, dtype=np.int64)
    return Side(
        participants=tuple(people),
        features=feats,
        avail=avail,
        avail_slots=slots,
        lang=lang,
        country=country,
        city=city,
        f2f_capable=capable,
        requires_f2f=requires,
        capacity=capacity,
    )


def _pack(n: int, rows: I64, starts: I64, ends: I64) -> U64:
    """Slot intervals → (n, WORDS) uint64 bit rows (bit t of the week = slot t)."""
    out = np.zeros((n, WORDS), dtype=np.uint64)
    order = np.argsort(rows, kind="stable")
    rows, starts, ends = rows[order], starts[order], ends[order]
    step = 8192  # bounded temporary: step × 705 int16
    for lo in range(0, n, step):
        hi = min(n, lo + step)
        a, b = np.searchsorted(rows, [lo, hi])
        diff = np.zeros((hi - lo, WORDS * 64 + 1), dtype=np.int16)
        np.add.at(diff, (rows[a:b] - lo, starts[a:b]), 1)
        np.add.at(diff, (rows[a:b] - lo, ends[a:b]), -1)
        on = np.cumsum(diff[:, :-1], axis=1) > 0
        out[lo:hi] = np.packbits(on, axis=1, bitorder="little").view(np.uint64)
    return out
