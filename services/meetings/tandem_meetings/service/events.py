"""The events meetings publishes, built here and nowhere else, from records.

A use case adds them with ``tandem_kit.outbox.add_event(session, ...)`` in its own
transaction. They say when and how a relationship meets: never where, never the link.
"""

from __future__ import annotations

from datetime import datetime
from uuid import UUID

from tandem_contracts.meetings import (
    AttendanceOutcome,
    Attendee,
    GoalProgressed,
    MeetingAttendanceRecorded,
    MeetingCancelled,
    MeetingRescheduled,
    MeetingScheduled,
)
from tandem_meetings.domain.attendance import Summary
from tandem_meetings.domain.goals import GoalCount, GoalTally
from tandem_meetings.domain.meetings import Meeting


def _facts(meeting: Meeting) -> dict[str, object]:
    return {
        "programme_id": meeting.programme_id,
        "relationship_id": meeting.relationship_id,
        "meeting_id": meeting.id,
        "planned_activity_id": meeting.planned_activity_id,
        "activity_key": meeting.activity_key,
        "mode": meeting.mode,
        "starts_at": meeting.starts_at,
        "ends_at": meeting.ends_at,
        "sequence": meeting.sequence,
    }


def meeting_scheduled(meeting: Meeting) -> MeetingScheduled:
    return MeetingScheduled.model_validate(_facts(meeting))


def meeting_rescheduled(before: Meeting, after: Meeting) -> MeetingRescheduled:
    return MeetingRescheduled.model_validate(
        {
            **_facts(after),
            "previous_starts_at": before.starts_at,
            "previous_ends_at": before.ends_at,
        }
    )


def meeting_cancelled(meeting: Meeting) -> MeetingCancelled:
    assert meeting.cancel_reason is not None
    assert meeting.cancelled_by is not None
    return MeetingCancelled.model_validate(
        {**_facts(meeting), "cancelled_by": meeting.cancelled_by, "reason": meeting.cancel_reason}
    )


def goal_progressed(
    programme_id: UUID,
    relationship_id: UUID,
    goal: GoalCount,
    goals: GoalTally,
    at: datetime,
) -> GoalProgressed:
    """Counts and states of a goal that changed and of its relationship, no words."""
    return GoalProgressed(
        programme_id=programme_id,
        relationship_id=relationship_id,
        goal_id=goal.goal_id,
        state=goal.state,
        milestones_total=goal.milestones_total,
        milestones_done=goal.milestones_done,
        goals_total=goals.total,
        goals_done=goals.done,
        progressed_at=at,
    )


def attendance_recorded(
    meeting: Meeting, summary: Summary, at: datetime
) -> MeetingAttendanceRecorded:
    """The meeting's outcome: who attended (ids and roles, erased members left out), the
    mode used and the duration from the counting record. ``unrecorded`` says nothing about
    who came: no attendee, the planned mode, duration 0."""
    counting = summary.counting
    common = {
        "programme_id": meeting.programme_id,
        "relationship_id": meeting.relationship_id,
        "meeting_id": meeting.id,
        "recorded_at": at,
    }
    if counting is None:
        return MeetingAttendanceRecorded.model_validate(
            {
                **common,
                "outcome": AttendanceOutcome.UNRECORDED,
                "attended": [],
                "mode": meeting.mode,
                "duration_minutes": 0,
                "recorded_by_role": None,
            }
        )
    assert summary.outcome is not None
    return MeetingAttendanceRecorded.model_validate(
        {
            **common,
            "outcome": summary.outcome,
            "attended": [
                Attendee(participant_id=m.participant_id, role=m.role)
                for m in counting.attended
                if m.participant_id is not None
            ],
            "mode": counting.mode,
            "duration_minutes": counting.duration_minutes,
            "recorded_by_role": counting.recorder_role,
            "disputed": summary.disputed,
        }
    )
