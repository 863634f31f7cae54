"""When a member's daily digest is due, in the member's own time zone."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError


class NewMessageMail(StrEnum):
    """How a member hears about new messages by e-mail."""

    IMMEDIATE = "immediate"
    DAILY_DIGEST = "daily_digest"
    NEVER = "never"


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
