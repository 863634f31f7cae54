"""Attendance: who came to a meeting, the mode actually used and how long it lasted.

Each member keeps one record per meeting (recording again replaces their own). The
records give the meeting one outcome, by these rules:

- **Which record counts.** In a group the mentor's record counts as soon as there is
  one; until then, and in a pair, the first record made counts. Replacing a record
  keeps its place (the order is by when each member first recorded).
- **Agreeing.** Two records agree when they say the same about every member (attended
  or no-show) and name the same mode; durations may differ (the counting one is used).
  When any record disagrees with the counting one the meeting is *disputed*: every
  record is kept and shown, the counting one still gives the outcome.
- **Outcome.** *held* when at least two members attended (somebody met somebody),
  else *no_show*. A meeting nobody recorded within ``attendance_unrecorded_after_hours``
  of its end is *unrecorded*: that says nothing about who came and is never a no-show.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from uuid import UUID

from tandem_contracts.common import MentoringFormat, Role
from tandem_contracts.meetings import AttendanceOutcome, MeetingMode

MIN_DURATION_MINUTES = 1
MAX_DURATION_MINUTES = 600

# Event ids are uuid5 of the meeting and the outcome's version under this namespace, so
# a retried transaction or a second worker can only write the same event again.
_EVENT_NAMESPACE = uuid.UUID("5b0f4a52-63a4-4f55-9a39-1f5d3c4e7a10")


class Presence(StrEnum):
    ATTENDED = "attended"
    NO_SHOW = "no_show"


class AttendanceState(StrEnum):
    AWAITING = "awaiting"  # over (or under way), nobody has recorded yet
    RECORDED = "recorded"
    DISPUTED = "disputed"  # records disagree; all kept, the counting one gives the outcome
    UNRECORDED = "unrecorded"  # nobody recorded in time: not a no-show


@dataclass(frozen=True, slots=True)
class Mark:
    """What one record says about one member (``participant_id`` None once erased)."""

    participant_id: UUID | None
    role: Role
    presence: Presence


@dataclass(frozen=True, slots=True)
class AttendanceRecord:
    id: UUID
    meeting_id: UUID
    recorder_id: UUID | None  # None once the recorder is erased
    recorder_role: Role
    mode: MeetingMode
    duration_minutes: int
    marks: tuple[Mark, ...]
    created_at: datetime  # when the member first recorded: the records' order
    updated_at: datetime

    def says(self) -> tuple[MeetingMode, frozenset[tuple[UUID | None, Presence]]]:
        """What agreement compares: the mode and every member's presence."""
        return self.mode, frozenset((m.participant_id, m.presence) for m in self.marks)

    @property
    def attended(self) -> list[Mark]:
        return [m for m in self.marks if m.presence is Presence.ATTENDED]


@dataclass(frozen=True, slots=True)
class Summary:
    """The meeting's outcome from its records (``counting`` None: nobody recorded)."""

    state: AttendanceState
    counting: AttendanceRecord | None
    outcome: AttendanceOutcome | None

    @property
    def disputed(self) -> bool:
        return self.state is AttendanceState.DISPUTED

    def fingerprint(self) -> str:
        """What a ``meeting.attendance.recorded`` event says: a new one when it changes."""
        c = self.counting
        if c is None:
            return self.state.value
        attended = ",".join(sorted(str(m.participant_id) for m in c.attended))
        return "|".join(
            [
                str(self.outcome),
                c.mode.value,
                str(c.duration_minutes),
                c.recorder_role.value,
                attended,
                str(self.disputed),
            ]
        )


def counting_record(
    records: Sequence[AttendanceRecord], format_: MentoringFormat
) -> AttendanceRecord | None:
    ordered = sorted(records, key=lambda r: (r.created_at, r.id))
    if format_ is MentoringFormat.GROUP:
        mentors = [r for r in ordered if r.recorder_role is Role.MENTOR]
        if mentors:
            return mentors[0]
    return ordered[0] if ordered else None


def outcome_of(record: AttendanceRecord) -> AttendanceOutcome:
    return AttendanceOutcome.HELD if len(record.attended) >= 2 else AttendanceOutcome.NO_SHOW


def summary(
    records: Sequence[AttendanceRecord], format_: MentoringFormat, *, unrecorded: bool
) -> Summary:
    counting = counting_record(records, format_)
    if counting is None:
        if unrecorded:
            return Summary(AttendanceState.UNRECORDED, None, AttendanceOutcome.UNRECORDED)
        return Summary(AttendanceState.AWAITING, None, None)
    says = counting.says()
    disputed = any(r.says() != says for r in records)
    state = AttendanceState.DISPUTED if disputed else AttendanceState.RECORDED
    return Summary(state, counting, outcome_of(counting))


class InvalidMarks(Exception):
    """Marks that are not exactly the meeting's members, once each (a 422)."""

    def __init__(self, code: str, detail: str, ids: Iterable[UUID]) -> None:
        super().__init__(detail)
        self.code = code
        self.detail = detail
        self.ids = sorted(ids, key=str)


def checked_marks(
    given: Sequence[tuple[UUID, Presence]], members: Mapping[UUID, Role]
) -> tuple[Mark, ...]:
    """One mark per member of the meeting, in the members' order; anything else raises."""
    ids = [pid for pid, _ in given]
    twice = {pid for pid in ids if ids.count(pid) > 1}
    if twice:
        raise InvalidMarks("attendance_duplicate_member", "A member is named twice.", twice)
    unknown = set(ids) - set(members)
    if unknown:
        raise InvalidMarks("attendance_unknown_member", "Not a member of this meeting.", unknown)
    missing = set(members) - set(ids)
    if missing:
        raise InvalidMarks(
            "attendance_member_missing", "Every member of the meeting needs a mark.", missing
        )
    presence = dict(given)
    return tuple(Mark(pid, role, presence[pid]) for pid, role in members.items())


def event_id(meeting_id: UUID, version: int) -> UUID:
    return uuid.uuid5(_EVENT_NAMESPACE, f"{meeting_id}/attendance/{version}")
