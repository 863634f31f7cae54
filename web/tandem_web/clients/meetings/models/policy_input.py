from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from tandem_web.clients.meetings.types import UNSET, Unset

from tandem_web.clients.meetings.types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from tandem_web.clients.meetings.models.meeting_hours_input import MeetingHoursInput
  from tandem_web.clients.meetings.models.quorum_input import QuorumInput





T = TypeVar("T", bound="PolicyInput")



@_attrs_define
class PolicyInput:
    """ 
        Attributes:
            meeting_hours (MeetingHoursInput | Unset): On each member's own clock; an end before the start runs past
                midnight.
            min_notice_hours (int | Unset):  Default: 24.
            buffer_minutes (int | Unset):  Default: 15.
            reminder_offsets_minutes (list[int] | Unset):
            group_quorum (QuorumInput | Unset): Who must be able to come to a group's meeting: everyone (null), or the
                mentor and
                at least ``min_mentees`` of the mentees.
     """

    meeting_hours: MeetingHoursInput | Unset = UNSET
    min_notice_hours: int | Unset = 24
    buffer_minutes: int | Unset = 15
    reminder_offsets_minutes: list[int] | Unset = UNSET
    group_quorum: QuorumInput | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from tandem_web.clients.meetings.models.meeting_hours_input import MeetingHoursInput # noqa: PLC0415
        from tandem_web.clients.meetings.models.quorum_input import QuorumInput # noqa: PLC0415
        meeting_hours: dict[str, Any] | Unset = UNSET
        if not isinstance(self.meeting_hours, Unset):
            meeting_hours = self.meeting_hours.to_dict()

        min_notice_hours = self.min_notice_hours

        buffer_minutes = self.buffer_minutes

        reminder_offsets_minutes: list[int] | Unset = UNSET
        if not isinstance(self.reminder_offsets_minutes, Unset):
            reminder_offsets_minutes = self.reminder_offsets_minutes



        group_quorum: dict[str, Any] | Unset = UNSET
        if not isinstance(self.group_quorum, Unset):
            group_quorum = self.group_quorum.to_dict()


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if meeting_hours is not UNSET:
            field_dict["meeting_hours"] = meeting_hours
        if min_notice_hours is not UNSET:
            field_dict["min_notice_hours"] = min_notice_hours
        if buffer_minutes is not UNSET:
            field_dict["buffer_minutes"] = buffer_minutes
        if reminder_offsets_minutes is not UNSET:
            field_dict["reminder_offsets_minutes"] = reminder_offsets_minutes
        if group_quorum is not UNSET:
            field_dict["group_quorum"] = group_quorum

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from tandem_web.clients.meetings.models.meeting_hours_input import MeetingHoursInput # noqa: PLC0415
        from tandem_web.clients.meetings.models.quorum_input import QuorumInput # noqa: PLC0415
        d = dict(src_dict)
        _meeting_hours = d.pop("meeting_hours", UNSET)
        meeting_hours: MeetingHoursInput | Unset
        if isinstance(_meeting_hours,  Unset):
            meeting_hours = UNSET
        else:
            meeting_hours = MeetingHoursInput.from_dict(_meeting_hours)




        min_notice_hours = d.pop("min_notice_hours", UNSET)

        buffer_minutes = d.pop("buffer_minutes", UNSET)

        reminder_offsets_minutes = cast(list[int], d.pop("reminder_offsets_minutes", UNSET))


        _group_quorum = d.pop("group_quorum", UNSET)
        group_quorum: QuorumInput | Unset
        if isinstance(_group_quorum,  Unset):
            group_quorum = UNSET
        else:
            group_quorum = QuorumInput.from_dict(_group_quorum)




        policy_input = cls(
            meeting_hours=meeting_hours,
            min_notice_hours=min_notice_hours,
            buffer_minutes=buffer_minutes,
            reminder_offsets_minutes=reminder_offsets_minutes,
            group_quorum=group_quorum,
        )

        return policy_input

