"""The time every service reads, and a clock tests can set.

Use cases never call ``datetime.now``: they are handed a :data:`Clock` (the
runtime carries one; :func:`utc_now` in production), so a test moves time with
a :class:`ManualClock` instead of patching or configuring it.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

Clock = Callable[[], datetime]


def utc_now() -> datetime:
    """Now, as an aware UTC datetime."""
    return datetime.now(UTC)


class ManualClock:
    """A clock that stands still until a test sets or advances it."""

    def __init__(self, now: datetime | None = None) -> None:
        self._now = _aware(now) if now is not None else utc_now()

    def __call__(self) -> datetime:
        return self._now

    def set(self, now: datetime) -> None:
        self._now = _aware(now)

    def advance(self, delta: timedelta | None = None, /, **parts: float) -> datetime:
        """Move forward by ``delta`` or by ``timedelta(**parts)``; returns the new now."""
        self._now += (delta or timedelta()) + timedelta(**parts)
        return self._now


def _aware(now: datetime) -> datetime:
    if now.tzinfo is None:
        raise ValueError("naive datetime: pass an aware (UTC) one")
    return now.astimezone(UTC)
