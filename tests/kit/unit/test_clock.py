"""The kit's clock: aware UTC now, and a manual clock tests set and advance."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from tandem_kit.clock import Clock, ManualClock, utc_now


def test_utc_now_is_aware_utc() -> None:
    now = utc_now()
    assert now.tzinfo is UTC
    assert abs(now - datetime.now(UTC)) < timedelta(seconds=5)


def test_manual_clock_stands_still_until_moved() -> None:
    start = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)
    clock = ManualClock(start)
    seen: Clock = clock  # usable wherever a Clock is expected
    assert seen() == start
    assert seen() == start
    assert clock.advance(timedelta(days=1)) == start + timedelta(days=1)
    assert clock.advance(hours=2) == start + timedelta(days=1, hours=2)
    clock.set(datetime(2026, 3, 10, 12, 0, tzinfo=timezone(timedelta(hours=2))))
    assert clock() == datetime(2026, 3, 10, 10, 0, tzinfo=UTC)
    assert clock().tzinfo is UTC


def test_manual_clock_refuses_naive_times() -> None:
    with pytest.raises(ValueError, match="naive"):
        ManualClock(datetime(2026, 3, 1))
    clock = ManualClock()
    with pytest.raises(ValueError, match="naive"):
        clock.set(datetime(2026, 3, 1))
