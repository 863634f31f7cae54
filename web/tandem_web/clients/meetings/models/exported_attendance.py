from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from tandem_web.clients.meetings.types import UNSET, Unset

from typing import cast
from uuid import UUID
import datetime

if TYPE_CHECKING:
  from tandem_web.clients.meetings.models.mark_public import MarkPublic





T = TypeVar("T", bound="ExportedAttendance")



@_attrs_define
class ExportedAttendance:
    """ A record of a meeting's attendance you made (what you said about every member).

        Attributes:
            meeting_id (UUID):
            recorder_role (str):
            members (list[MarkPublic]):
            mode (str): The mode you said was used.
            duration_minutes (int):
            recorded_at (datetime.datetime):
            updated_at (datetime.datetime):
     """

    meeting_id: UUID
    recorder_role: str
    members: list[MarkPublic]
    mode: str
    duration_minutes: int
    recorded_at: datetime.datetime
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from tandem_web.clients.meetings.models.mark_public import MarkPublic # noqa: PLC0415
        meeting_id = str(self.meeting_id)

        recorder_role = self.recorder_role

        members = []
        for members_item_data in self.members:
            members_item = members_item_data.to_dict()
            members.append(members_item)



        mode = self.mode

        duration_minutes = self.duration_minutes

        recorded_at = self.recorded_at.isoformat()

        updated_at = self.updated_at.isoformat()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "meeting_id": meeting_id,
            "recorder_role": recorder_role,
            "members": members,
            "mode": mode,
            "duration_minutes": duration_minutes,
            "recorded_at": recorded_at,
            "updated_at": updated_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from tandem_web.clients.meetings.models.mark_public import MarkPublic # noqa: PLC0415
        d = dict(src_dict)
        meeting_id = UUID(d.pop("meeting_id"))




        recorder_role = d.pop("recorder_role")

        members = []
        _members = d.pop("members")
        for members_item_data in (_members):
            members_item = MarkPublic.from_dict(members_item_data)



            members.append(members_item)


        mode = d.pop("mode")

        duration_minutes = d.pop("duration_minutes")

        recorded_at = datetime.datetime.fromisoformat(d.pop("recorded_at"))




        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))




        exported_attendance = cls(
            meeting_id=meeting_id,
            recorder_role=recorder_role,
            members=members,
            mode=mode,
            duration_minutes=duration_minutes,
            recorded_at=recorded_at,
            updated_at=updated_at,
        )


        exported_attendance.additional_properties = d
        return exported_attendance

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
