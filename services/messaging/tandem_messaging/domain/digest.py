"""When digests are due: a member's daily digest in the member's own time zone, and a
manager's digest of agreement requests once per period."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from enum import StrEnum
from uuid import UUID
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError


class NewMessageMail(StrEnum):
    """How a member hears about new messages by e-mail."""

    IMMEDIATE = "immediate"
    DAILY_DIGEST = "daily_digest"
    NEVER = "never"


class ManagerMail(StrEnum):
    """How a manager hears that communication agreements wait for their review."""

    DIGEST = "digest"  # one mail per period listing every relationship waiting (default)
    IMMEDIATE = "immediate"  # one mail per agreement, at once


@dataclass(frozen=True, slots=True)
class ManagerNotice:
    """An agreement version that waited for a manager, queued for their digest."""

    subject: str
    agreement_id: UUID
    version: int
    programme_id: UUID
    noticed_at: datetime


_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def period_start(now: datetime, minutes: int) -> datetime:
    """The start of the digest period holding ``now``: periods of ``minutes`` from the
    Unix epoch in UTC (hourly periods start on the hour everywhere but a few zones)."""
    length = timedelta(minutes=minutes)
    return _EPOCH + ((now.astimezone(UTC) - _EPOCH) // length) * length


def zone(name: str | None) -> ZoneInfo:
    """The member's zone; an unknown or missing name falls back to UTC, never fails a mail."""
    try:
        return ZoneInfo(name or "UTC")
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("UTC")


def is_known_zone(name: str) -> bool:
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return False
    return True


def digest_due(
    now: datetime, time_zone: str | None, hour: int, last_digest_on: date | None
) -> date | None:
    """The local date whose digest is due at ``now``, or None.

    Due once the local clock has reached ``hour`` on a local date that has had no
    digest yet. A worker that was down at 18:00 catches up later the same day;
    a missed day is not sent the next day (the next digest covers it).
    """
    local = now.astimezone(zone(time_zone))
    today = local.date()
    if local.hour < hour:
        return None
    if last_digest_on is not None and last_digest_on >= today:
        return None
    return today
