from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from tandem_web.clients.meetings.types import UNSET, Unset

from typing import cast
import datetime

if TYPE_CHECKING:
  from tandem_web.clients.meetings.models.exported_attendance import ExportedAttendance
  from tandem_web.clients.meetings.models.exported_calendar_feed import ExportedCalendarFeed
  from tandem_web.clients.meetings.models.exported_meeting import ExportedMeeting
  from tandem_web.clients.meetings.models.exported_membership import ExportedMembership
  from tandem_web.clients.meetings.models.exported_note import ExportedNote
  from tandem_web.clients.meetings.models.exported_participation import ExportedParticipation
  from tandem_web.clients.meetings.models.exported_reminder import ExportedReminder
  from tandem_web.clients.meetings.models.goal_public import GoalPublic





T = TypeVar("T", bound="ExportPublic")



@_attrs_define
class ExportPublic:
    """ 
        Attributes:
            subject (str):
            exported_at (datetime.datetime):
            participations (list[ExportedParticipation]):
            memberships (list[ExportedMembership]):
            meetings (list[ExportedMeeting]):
            goals (list[GoalPublic]): Goals you added, with their milestones.
            notes (list[ExportedNote]): Meeting notes you wrote.
            reminders (list[ExportedReminder]): Reminders still to be mailed to you.
            attendance (list[ExportedAttendance]): Attendance records you made, oldest first.
            calendar_feed (ExportedCalendarFeed): Whether you have a personal calendar feed (its token is never stored or
                shown).
     """

    subject: str
    exported_at: datetime.datetime
    participations: list[ExportedParticipation]
    memberships: list[ExportedMembership]
    meetings: list[ExportedMeeting]
    goals: list[GoalPublic]
    notes: list[ExportedNote]
    reminders: list[ExportedReminder]
    attendance: list[ExportedAttendance]
    calendar_feed: ExportedCalendarFeed
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from tandem_web.clients.meetings.models.exported_attendance import ExportedAttendance # noqa: PLC0415
        from tandem_web.clients.meetings.models.exported_calendar_feed import ExportedCalendarFeed # noqa: PLC0415
        from tandem_web.clients.meetings.models.exported_meeting import ExportedMeeting # noqa: PLC0415
        from tandem_web.clients.meetings.models.exported_membership import ExportedMembership # noqa: PLC0415
        from tandem_web.clients.meetings.models.exported_note import ExportedNote # noqa: PLC0415
        from tandem_web.clients.meetings.models.exported_participation import ExportedParticipation # noqa: PLC0415
        from tandem_web.clients.meetings.models.exported_reminder import ExportedReminder # noqa: PLC0415
        from tandem_web.clients.meetings.models.goal_public import GoalPublic # noqa: PLC0415
        subject = self.subject

        exported_at = self.exported_at.isoformat()

        participations = []
        for participations_item_data in self.participations:
            participations_item = participations_item_data.to_dict()
            participations.append(participations_item)



        memberships = []
        for memberships_item_data in self.memberships:
            memberships_item = memberships_item_data.to_dict()
            memberships.append(memberships_item)



        meetings = []
        for meetings_item_data in self.meetings:
            meetings_item = meetings_item_data.to_dict()
            meetings.append(meetings_item)



        goals = []
        for goals_item_data in self.goals:
            goals_item = goals_item_data.to_dict()
            goals.append(goals_item)



        notes = []
        for notes_item_data in self.notes:
            notes_item = notes_item_data.to_dict()
            notes.append(notes_item)



        reminders = []
        for reminders_item_data in self.reminders:
            reminders_item = reminders_item_data.to_dict()
            reminders.append(reminders_item)



        attendance = []
        for attendance_item_data in self.attendance:
            attendance_item = attendance_item_data.to_dict()
            attendance.append(attendance_item)



        calendar_feed = self.calendar_feed.to_dict()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "subject": subject,
            "exported_at": exported_at,
            "participations": participations,
            "memberships": memberships,
            "meetings": meetings,
            "goals": goals,
            "notes": notes,
            "reminders": reminders,
            "attendance": attendance,
            "calendar_feed": calendar_feed,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from tandem_web.clients.meetings.models.exported_attendance import ExportedAttendance # noqa: PLC0415
        from tandem_web.clients.meetings.models.exported_calendar_feed import ExportedCalendarFeed # noqa: PLC0415
        from tandem_web.clients.meetings.models.exported_meeting import ExportedMeeting # noqa: PLC0415
        from tandem_web.clients.meetings.models.exported_membership import ExportedMembership # noqa: PLC0415
        from tandem_web.clients.meetings.models.exported_note import ExportedNote # noqa: PLC0415
        from tandem_web.clients.meetings.models.exported_participation import ExportedParticipation # noqa: PLC0415
        from tandem_web.clients.meetings.models.exported_reminder import ExportedReminder # noqa: PLC0415
        from tandem_web.clients.meetings.models.goal_public import GoalPublic # noqa: PLC0415
        d = dict(src_dict)
        subject = d.pop("subject")

        exported_at = datetime.datetime.fromisoformat(d.pop("exported_at"))




        participations = []
        _participations = d.pop("participations")
        for participations_item_data in (_participations):
            participations_item = ExportedParticipation.from_dict(participations_item_data)



            participations.append(participations_item)


        memberships = []
        _memberships = d.pop("memberships")
        for memberships_item_data in (_memberships):
            memberships_item = ExportedMembership.from_dict(memberships_item_data)



            memberships.append(memberships_item)


        meetings = []
        _meetings = d.pop("meetings")
        for meetings_item_data in (_meetings):
            meetings_item = ExportedMeeting.from_dict(meetings_item_data)



            meetings.append(meetings_item)


        goals = []
        _goals = d.pop("goals")
        for goals_item_data in (_goals):
            goals_item = GoalPublic.from_dict(goals_item_data)



            goals.append(goals_item)


        notes = []
        _notes = d.pop("notes")
        for notes_item_data in (_notes):
            notes_item = ExportedNote.from_dict(notes_item_data)



            notes.append(notes_item)


        reminders = []
        _reminders = d.pop("reminders")
        for reminders_item_data in (_reminders):
            reminders_item = ExportedReminder.from_dict(reminders_item_data)



            reminders.append(reminders_item)


        attendance = []
        _attendance = d.pop("attendance")
        for attendance_item_data in (_attendance):
            attendance_item = ExportedAttendance.from_dict(attendance_item_data)



            attendance.append(attendance_item)


        calendar_feed = ExportedCalendarFeed.from_dict(d.pop("calendar_feed"))




        export_public = cls(
            subject=subject,
            exported_at=exported_at,
            participations=participations,
            memberships=memberships,
            meetings=meetings,
            goals=goals,
            notes=notes,
            reminders=reminders,
            attendance=attendance,
            calendar_feed=calendar_feed,
        )


        export_public.additional_properties = d
        return export_public

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
