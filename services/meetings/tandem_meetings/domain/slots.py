"""Slot search (pure): times that suit a pair or a group, each member on their own clock.

``find_slots(query)`` answers the ``limit`` best slots, or the blockers when none fits.
``free_starts(query)`` answers every start that fits, before ranking.

A start ``s`` fits iff, for every member the quorum needs (``Quorum``: everyone, or every
mentor and at least k mentees), the meeting ``[s, s + duration)``:

- lies, on the member's own wall clock, inside their weekly availability and inside the
  programme's meeting hours at every instant (windows that touch join, so 20:00–24:00
  Monday and 00:00–01:00 Tuesday hold a meeting across midnight). Gaps and folds follow one
  rule, ``local_time``'s: an instant counts iff the clock then reads inside the window, so
  a window starting in a spring-forward gap starts at the transition, and a repeated hour
  counts on both passes;
- overlaps none of the member's busy intervals widened by ``buffer`` on both sides;
- starts at or after ``now + min_notice`` and inside ``[window_start, window_end]``
  (ending by ``window_end``);
- starts on the step grid (``SlotQuery``).

The search is interval arithmetic in UTC seconds (``slot_space``); the ranking and the
spread are ``slot_ranking``'s, the reasons ``slot_blockers``'.
"""

from __future__ import annotations

from datetime import datetime

from tandem_meetings.domain.local_time import from_seconds, zone
from tandem_meetings.domain.slot_blockers import diagnose
from tandem_meetings.domain.slot_ranking import rank
from tandem_meetings.domain.slot_records import (
    Blocker,
    LocalTime,
    MeetingHours,
    MemberCalendar,
    Quorum,
    Slot,
    SlotQuery,
    SlotQueryError,
    SlotSearch,
    WeeklyWindow,
    parse_wall_time,
)
from tandem_meetings.domain.slot_space import SearchSpace

__all__ = [
    "Blocker",
    "LocalTime",
    "MeetingHours",
    "MemberCalendar",
    "Quorum",
    "Slot",
    "SlotQuery",
    "SlotQueryError",
    "SlotSearch",
    "WeeklyWindow",
    "find_slots",
    "free_starts",
    "local_times",
    "parse_wall_time",
]


def free_starts(query: SlotQuery) -> tuple[datetime, ...]:
    """Every start that fits (UTC, in time order), before ranking."""
    step = query.step_seconds
    pieces = SearchSpace.of(query).pieces()
    return tuple(from_seconds(k * step) for k0, k1, _ in pieces for k in range(k0, k1))


def find_slots(query: SlotQuery) -> SlotSearch:
    """The best ``query.limit`` slots, best first; blockers when none fits."""
    space = SearchSpace.of(query)
    pieces = space.pieces()
    if not pieces:
        return SlotSearch(slots=(), blockers=diagnose(space))
    members = query.members
    slots = []
    for ranked in rank(query, pieces):
        start = from_seconds(ranked.start)
        end = from_seconds(ranked.start + query.duration_seconds)
        slots.append(
            Slot(
                start=start,
                end=end,
                attendees=tuple(members[i].participant_id for i in ranked.attendees),
                local=local_times(members, start, end),
                score=-ranked.cost,
            )
        )
    return SlotSearch(slots=tuple(slots), blockers=())


def local_times(
    members: tuple[MemberCalendar, ...], start: datetime, end: datetime
) -> tuple[LocalTime, ...]:
    """The meeting on every member's clock (offset: the one at the start)."""
    result = []
    for member in members:
        start_local = start.astimezone(zone(member.time_zone))
        offset = start_local.utcoffset()
        assert offset is not None  # a ZoneInfo always has one
        result.append(
            LocalTime(
                participant_id=member.participant_id,
                time_zone=member.time_zone,
                start_local=start_local,
                end_local=end.astimezone(zone(member.time_zone)),
                utc_offset_minutes=int(offset.total_seconds()) // 60,
            )
        )
    return tuple(result)
