from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from tandem_web.clients.meetings.types import UNSET, Unset

from tandem_web.clients.meetings.models.meeting_mode import MeetingMode
from typing import cast

if TYPE_CHECKING:
  from tandem_web.clients.meetings.models.mark_update import MarkUpdate





T = TypeVar("T", bound="AttendanceUpdate")



@_attrs_define
class AttendanceUpdate:
    """ 
        Attributes:
            members (list[MarkUpdate]): Exactly the meeting's members, once each.
            mode (MeetingMode): How a meeting happens: a video link, or a place.
            duration_minutes (int):
     """

    members: list[MarkUpdate]
    mode: MeetingMode
    duration_minutes: int





    def to_dict(self) -> dict[str, Any]:
        from tandem_web.clients.meetings.models.mark_update import MarkUpdate # noqa: PLC0415
        members = []
        for members_item_data in self.members:
            members_item = members_item_data.to_dict()
            members.append(members_item)



        mode = self.mode.value

        duration_minutes = self.duration_minutes


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "members": members,
            "mode": mode,
            "duration_minutes": duration_minutes,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from tandem_web.clients.meetings.models.mark_update import MarkUpdate # noqa: PLC0415
        d = dict(src_dict)
        members = []
        _members = d.pop("members")
        for members_item_data in (_members):
            members_item = MarkUpdate.from_dict(members_item_data)



            members.append(members_item)


        mode = MeetingMode(d.pop("mode"))




        duration_minutes = d.pop("duration_minutes")

        attendance_update = cls(
            members=members,
            mode=mode,
            duration_minutes=duration_minutes,
        )

        return attendance_update

