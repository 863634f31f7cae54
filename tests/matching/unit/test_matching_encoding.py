"""Profiles → arrays: windows, vocabularies and bit rows checked against the profiles."""

from __future__ import annotations

import datetime as dt

import numpy as np
import numpy.typing as npt
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tandem_matching.domain import (
    AvailabilityWindow,
    FormatPreference,
    Modality,
    Profile,
    ProgrammePolicy,
    Reach,
    Role,
)
from tandem_matching.domain import encoding as enc
from tandem_matching.domain.encoding import Pool, encode
from tandem_matching.domain.profiles import SLOTS_PER_WEEK, utc_intervals
from tandem_matching.domain.week import distinct
from tests.matching.unit.ids import pid

# Whole-hour, half-hour and 45-minute offsets. In the week of 2025-03-10 New York is on
# daylight time and Europe not yet; in that of 2025-03-31 Chatham leaves daylight time on
# the Sunday.
ZONES = ["Europe/Berlin", "America/New_York", "Asia/Kolkata", "Pacific/Chatham", "UTC"]
WEEKS = [dt.date(2025, 3, 3), dt.date(2025, 3, 10), dt.date(2025, 3, 31)]


def hhmm(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


@st.composite
def windows(draw: st.DrawFn) -> tuple[AvailabilityWindow, ...]:
    """Off-grid, sub-slot, overlapping and touching windows, some crossing the UTC week."""
    out = []
    for _ in range(draw(st.integers(0, 6))):
        start = draw(st.integers(0, 24 * 60 - 1))
        end = draw(st.integers(start + 1, min(24 * 60, start + 6 * 60)))
        out.append(AvailabilityWindow(draw(st.integers(0, 6)), hhmm(start), hhmm(end)))
    return tuple(out)


def person(idx: int, role: Role = Role.MENTEE, **kw: object) -> Profile:
    base: dict[str, object] = dict(
        id=pid(f"{role.value}{idx}"), role=role, country="DE", timezone="Europe/Berlin",
        languages=("de",),
    )  # fmt: skip
    base.update(kw)
    return Profile(**base)  # type: ignore[arg-type]


def bits(row: npt.NDArray[np.uint64]) -> set[int]:
    return {s for s in range(SLOTS_PER_WEEK) if (int(row[s >> 6]) >> (s & 63)) & 1}


def same_arrays(a: Pool, b: Pool) -> None:
    for x, y in ((a.mentors, b.mentors), (a.mentees, b.mentees)):
        for name in ("ints", "lang", "tokens", "avail", "window_ptr", "windows"):
            assert np.array_equal(getattr(x, name), getattr(y, name)), name
    assert np.array_equal(a.coef, b.coef)
    assert (a.languages, a.countries) == (b.languages, b.countries)


@settings(max_examples=60, deadline=None)
@given(
    stated=st.lists(st.tuples(st.sampled_from(ZONES), windows()), max_size=12),
    week=st.sampled_from(WEEKS),
)
def test_windows_are_the_merged_utc_intervals(
    stated: list[tuple[str, tuple[AvailabilityWindow, ...]]], week: dt.date
) -> None:
    people = [person(i, timezone=tz, availability=w) for i, (tz, w) in enumerate(stated)]
    side = encode(ProgrammePolicy(reference_week=week), [], people).mentees
    for i, p in enumerate(people):
        expected = utc_intervals(p.availability, p.timezone, week)
        got = side.windows[side.window_ptr[i] : side.window_ptr[i + 1]].tolist()
        assert [tuple(w) for w in got] == list(expected)
        assert bits(side.avail[i]) == {s for a, b in expected for s in range(a, b)}
        assert side.ints[i, enc.SLOTS] == sum(b - a for a, b in expected)


def programme() -> tuple[list[Profile], list[Profile]]:
    many = tuple(f"t{i:02d}" for i in range(70))  # more tokens than one 64-bit word
    mentors = [
        person(0, Role.MENTOR, languages=("fr", "en"), city="Paris", country="FR",
               skills=frozenset(many), capacity=3, modality=Modality.EITHER,
               preferred_format=FormatPreference.GROUP),
        person(1, Role.MENTOR, languages=(), city=None, sector="it", capacity=0,
               modality=Modality.FACE_TO_FACE),
    ]  # fmt: skip
    mentees = [
        person(0, languages=("de",), city="Berlin", goals=frozenset({"t69", "t01"})),
        person(1, languages=("en", "hi"), city="berlin", sector="health",
               modality=Modality.FACE_TO_FACE, preferred_format=FormatPreference.PAIR),
        person(2, languages=("de",), city="BERLIN", country="AT", sector="it"),
    ]  # fmt: skip
    return mentors, mentees


def test_ids_follow_first_appearance_and_bit_rows_hold_the_sets() -> None:
    mentors, mentees = programme()
    pool = encode(ProgrammePolicy(), mentors, mentees)
    r, e = pool.mentors.ints, pool.mentees.ints
    assert pool.languages == ("fr", "en", "de", "hi")
    assert pool.countries == ("FR", "DE", "AT")
    assert r[:, enc.FIRST_LANG].tolist() == [0, -1]
    assert e[:, enc.FIRST_LANG].tolist() == [2, 1, 2]
    assert r[:, enc.N_LANGS].tolist() == [2, 0]
    assert pool.mentees.lang[:, 0].tolist() == [0b0100, 0b1010, 0b0100]
    # Token ids: the first set's tokens in sorted order, so t00..t69 are ids 0..69.
    assert pool.mentors.tokens.shape == (2, 2)
    assert pool.mentors.tokens[0].tolist() == [2**64 - 1, 2**6 - 1]
    assert pool.mentees.tokens[0].tolist() == [0b10, 1 << 5]
    assert e[:, enc.N_TOKENS].tolist() == [2, 0, 0]
    # Cities are told apart by country and compared case-insensitively; none is -1.
    assert r[:, enc.REACH].tolist() == [0, -1]
    assert e[:, enc.REACH].tolist() == [1, 1, 2]
    assert r[:, enc.SECTOR].tolist() == [-1, 0]
    assert e[:, enc.SECTOR].tolist() == [-1, 1, 0]
    assert r[:, enc.FORMAT].tolist() == [1, 2]
    assert e[:, enc.FORMAT].tolist() == [2, 0, 2]
    assert r[:, enc.CAN_MEET].tolist() == [1, 1]
    assert r[:, enc.NEEDS_MEET].tolist() == [0, 1]
    assert e[:, enc.CAN_MEET].tolist() == [0, 1, 0]
    assert r[:, enc.CAPACITY].tolist() == [3, 0]
    assert e[:, enc.CAPACITY].tolist() == [1, 1, 1]


def test_reach_by_country_uses_the_country_id() -> None:
    mentors, mentees = programme()
    pool = encode(ProgrammePolicy(reach=Reach.SAME_COUNTRY), mentors, mentees)
    for side in (pool.mentors, pool.mentees):
        assert np.array_equal(side.ints[:, enc.REACH], side.ints[:, enc.COUNTRY])


def test_blocks_do_not_change_the_encoding(monkeypatch: pytest.MonkeyPatch) -> None:
    mentors, mentees = programme()
    mentees += [person(10 + i, timezone=ZONES[i % len(ZONES)], languages=(f"x{i % 4}",),
                       availability=(AvailabilityWindow(i % 7, "00:00", "01:30"),))
                for i in range(9)]  # fmt: skip
    whole = encode(ProgrammePolicy(), mentors, mentees)
    monkeypatch.setattr(enc, "_BLOCK", 2)
    same_arrays(whole, encode(ProgrammePolicy(), mentors, mentees))


def test_empty_sides() -> None:
    pool = encode(ProgrammePolicy(), [], [])
    assert pool.mentees.ints.shape == (0, enc.INT_COLUMNS)
    assert pool.mentees.avail.shape == (0, enc.WORDS)
    assert pool.mentees.window_ptr.tolist() == [0]
    assert pool.mentees.windows.shape == (0, 2)


@given(st.lists(st.integers(0, 2**50), max_size=200))
def test_distinct_numbers_keys_in_order_of_first_appearance(keys: list[int]) -> None:
    arr = np.array(keys, dtype=np.int64)
    found, code = distinct(arr)
    assert found.tolist() == list(dict.fromkeys(keys))
    assert np.array_equal(found[code], arr)


def test_distinct_grows_its_table() -> None:
    arr = np.random.default_rng(3).integers(0, 5000, 20_000) * 7919
    found, code = distinct(arr)
    assert found.tolist() == list(dict.fromkeys(arr.tolist()))
    assert np.array_equal(found[code], arr)
