from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from tandem_web.clients.meetings.types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from tandem_web.clients.meetings.models.meeting_hours_public import MeetingHoursPublic
  from tandem_web.clients.meetings.models.quorum_public import QuorumPublic





T = TypeVar("T", bound="PolicyPublic")



@_attrs_define
class PolicyPublic:
    """ 
        Attributes:
            meeting_hours (MeetingHoursPublic):
            min_notice_hours (int):
            buffer_minutes (int):
            reminder_offsets_minutes (list[int]):
            group_quorum (QuorumPublic):
     """

    meeting_hours: MeetingHoursPublic
    min_notice_hours: int
    buffer_minutes: int
    reminder_offsets_minutes: list[int]
    group_quorum: QuorumPublic
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from tandem_web.clients.meetings.models.meeting_hours_public import MeetingHoursPublic # noqa: PLC0415
        from tandem_web.clients.meetings.models.quorum_public import QuorumPublic # noqa: PLC0415
        meeting_hours = self.meeting_hours.to_dict()

        min_notice_hours = self.min_notice_hours

        buffer_minutes = self.buffer_minutes

        reminder_offsets_minutes = self.reminder_offsets_minutes



        group_quorum = self.group_quorum.to_dict()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "meeting_hours": meeting_hours,
            "min_notice_hours": min_notice_hours,
            "buffer_minutes": buffer_minutes,
            "reminder_offsets_minutes": reminder_offsets_minutes,
            "group_quorum": group_quorum,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from tandem_web.clients.meetings.models.meeting_hours_public import MeetingHoursPublic # noqa: PLC0415
        from tandem_web.clients.meetings.models.quorum_public import QuorumPublic # noqa: PLC0415
        d = dict(src_dict)
        meeting_hours = MeetingHoursPublic.from_dict(d.pop("meeting_hours"))




        min_notice_hours = d.pop("min_notice_hours")

        buffer_minutes = d.pop("buffer_minutes")

        reminder_offsets_minutes = cast(list[int], d.pop("reminder_offsets_minutes"))


        group_quorum = QuorumPublic.from_dict(d.pop("group_quorum"))




        policy_public = cls(
            meeting_hours=meeting_hours,
            min_notice_hours=min_notice_hours,
            buffer_minutes=buffer_minutes,
            reminder_offsets_minutes=reminder_offsets_minutes,
            group_quorum=group_quorum,
        )


        policy_public.additional_properties = d
        return policy_public

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
