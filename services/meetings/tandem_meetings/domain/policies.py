"""A programme's meeting policy: when meetings may be proposed, how soon, how far apart,
when reminders go, and who must be able to come to a group's meeting.

Pure values and their checks. The manager sets the policy with the programme's plan
(``PUT /v1/programmes/{id}/plan``); without one, :data:`DEFAULT_POLICY` holds.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

MINUTES_PER_DAY = 24 * 60
MAX_MIN_NOTICE_HOURS = 30 * 24
MAX_BUFFER_MINUTES = 4 * 60
MAX_REMINDER_OFFSET_MINUTES = 14 * MINUTES_PER_DAY
MAX_REMINDERS = 5


class InvalidPlan(ValueError):
    """A plan or policy that cannot be kept: ``field`` is its place in the request body
    (``policy.meeting_hours.end``, ``activities.2.window.to_day``), ``code`` is stable."""

    def __init__(self, code: str, detail: str, field: str) -> None:
        super().__init__(detail)
        self.code = code
        self.detail = detail
        self.field = field


@dataclass(frozen=True, slots=True)
class Policy:
    """Times are minutes since local midnight on each member's own clock; an end of 1440
    is 24:00, an end before the start runs past midnight, equal ends are the whole day.
    ``group_min_mentees`` None: every member must be able to come to a group's meeting;
    k: the mentor and at least k of the mentees."""

    meeting_hours_start: int = 8 * 60
    meeting_hours_end: int = 20 * 60
    min_notice_hours: int = 24
    buffer_minutes: int = 15
    reminder_offsets_minutes: tuple[int, ...] = (24 * 60, 60)
    group_min_mentees: int | None = None


DEFAULT_POLICY = Policy()


def clock_minute(text: str, field: str) -> int:
    """``"HH:MM"`` (``"24:00"`` allowed) as minutes since midnight."""
    hours, sep, minutes = text.partition(":")
    digits = len(hours) == 2 and len(minutes) == 2 and hours.isdigit() and minutes.isdigit()
    if not (sep and digits):
        raise InvalidPlan("invalid_time", f"{text!r} is not a time of day as HH:MM.", field)
    minute = int(hours) * 60 + int(minutes)
    if int(minutes) > 59 or minute > MINUTES_PER_DAY:
        raise InvalidPlan("invalid_time", f"{text!r} is not a time of day as HH:MM.", field)
    return minute


def clock_text(minute: int) -> str:
    return f"{minute // 60:02d}:{minute % 60:02d}"


def policy_of(
    *,
    meeting_hours_start: str,
    meeting_hours_end: str,
    min_notice_hours: int,
    buffer_minutes: int,
    reminder_offsets_minutes: Sequence[int],
    group_min_mentees: int | None,
) -> Policy:
    """A checked policy from the API's form; :class:`InvalidPlan` names the first fault."""
    start = clock_minute(meeting_hours_start, "policy.meeting_hours.start")
    end = clock_minute(meeting_hours_end, "policy.meeting_hours.end")
    if start == MINUTES_PER_DAY:
        raise InvalidPlan(
            "invalid_time", "Meeting hours cannot start at 24:00.", "policy.meeting_hours.start"
        )
    if not 0 <= min_notice_hours <= MAX_MIN_NOTICE_HOURS:
        raise InvalidPlan(
            "out_of_range",
            f"The minimum notice is 0 to {MAX_MIN_NOTICE_HOURS} hours.",
            "policy.min_notice_hours",
        )
    if not 0 <= buffer_minutes <= MAX_BUFFER_MINUTES:
        raise InvalidPlan(
            "out_of_range",
            f"The buffer is 0 to {MAX_BUFFER_MINUTES} minutes.",
            "policy.buffer_minutes",
        )
    offsets = list(reminder_offsets_minutes)
    if len(offsets) > MAX_REMINDERS:
        raise InvalidPlan(
            "too_many_reminders",
            f"At most {MAX_REMINDERS} reminders.",
            "policy.reminder_offsets_minutes",
        )
    for index, offset in enumerate(offsets):
        if not 1 <= offset <= MAX_REMINDER_OFFSET_MINUTES:
            raise InvalidPlan(
                "out_of_range",
                f"A reminder goes 1 to {MAX_REMINDER_OFFSET_MINUTES} minutes before.",
                f"policy.reminder_offsets_minutes.{index}",
            )
    if len(set(offsets)) != len(offsets):
        raise InvalidPlan(
            "duplicate_reminder",
            "Each reminder offset once.",
            "policy.reminder_offsets_minutes",
        )
    if group_min_mentees is not None and group_min_mentees < 0:
        raise InvalidPlan(
            "out_of_range",
            "A group's quorum counts zero or more mentees.",
            "policy.group_quorum.min_mentees",
        )
    return Policy(
        meeting_hours_start=start,
        meeting_hours_end=end,
        min_notice_hours=min_notice_hours,
        buffer_minutes=buffer_minutes,
        reminder_offsets_minutes=tuple(sorted(offsets, reverse=True)),
        group_min_mentees=group_min_mentees,
    )


def policy_json(policy: Policy) -> dict[str, object]:
    """The stored form (a JSON column), read back by :func:`policy_from_json`."""
    return {
        "meeting_hours_start": policy.meeting_hours_start,
        "meeting_hours_end": policy.meeting_hours_end,
        "min_notice_hours": policy.min_notice_hours,
        "buffer_minutes": policy.buffer_minutes,
        "reminder_offsets_minutes": list(policy.reminder_offsets_minutes),
        "group_min_mentees": policy.group_min_mentees,
    }


def policy_from_json(data: object) -> Policy:
    """The stored form as a policy; anything missing takes the default's value."""
    if not isinstance(data, dict):
        return DEFAULT_POLICY
    d = DEFAULT_POLICY
    offsets = data.get("reminder_offsets_minutes", list(d.reminder_offsets_minutes))
    quorum = data.get("group_min_mentees")
    return Policy(
        meeting_hours_start=int(data.get("meeting_hours_start", d.meeting_hours_start)),
        meeting_hours_end=int(data.get("meeting_hours_end", d.meeting_hours_end)),
        min_notice_hours=int(data.get("min_notice_hours", d.min_notice_hours)),
        buffer_minutes=int(data.get("buffer_minutes", d.buffer_minutes)),
        reminder_offsets_minutes=tuple(int(o) for o in offsets),
        group_min_mentees=int(quorum) if quorum is not None else None,
    )
