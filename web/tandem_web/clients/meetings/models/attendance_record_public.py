from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from tandem_web.clients.meetings.types import UNSET, Unset

from tandem_web.clients.meetings.models.meeting_mode import MeetingMode
from tandem_web.clients.meetings.models.role import Role
from typing import cast
from uuid import UUID
import datetime

if TYPE_CHECKING:
  from tandem_web.clients.meetings.models.mark_public import MarkPublic





T = TypeVar("T", bound="AttendanceRecordPublic")



@_attrs_define
class AttendanceRecordPublic:
    """ 
        Attributes:
            recorder_id (None | UUID): None: the recorder was erased.
            recorder_role (Role):
            mine (bool):
            members (list[MarkPublic]):
            mode (MeetingMode): How a meeting happens: a video link, or a place.
            duration_minutes (int):
            recorded_at (datetime.datetime): When the member first recorded.
            updated_at (datetime.datetime):
     """

    recorder_id: None | UUID
    recorder_role: Role
    mine: bool
    members: list[MarkPublic]
    mode: MeetingMode
    duration_minutes: int
    recorded_at: datetime.datetime
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from tandem_web.clients.meetings.models.mark_public import MarkPublic # noqa: PLC0415
        recorder_id: None | str
        if isinstance(self.recorder_id, UUID):
            recorder_id = str(self.recorder_id)
        else:
            recorder_id = self.recorder_id

        recorder_role = self.recorder_role.value

        mine = self.mine

        members = []
        for members_item_data in self.members:
            members_item = members_item_data.to_dict()
            members.append(members_item)



        mode = self.mode.value

        duration_minutes = self.duration_minutes

        recorded_at = self.recorded_at.isoformat()

        updated_at = self.updated_at.isoformat()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "recorder_id": recorder_id,
            "recorder_role": recorder_role,
            "mine": mine,
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
        def _parse_recorder_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                recorder_id_type_0 = UUID(data)



                return recorder_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        recorder_id = _parse_recorder_id(d.pop("recorder_id"))


        recorder_role = Role(d.pop("recorder_role"))




        mine = d.pop("mine")

        members = []
        _members = d.pop("members")
        for members_item_data in (_members):
            members_item = MarkPublic.from_dict(members_item_data)



            members.append(members_item)


        mode = MeetingMode(d.pop("mode"))




        duration_minutes = d.pop("duration_minutes")

        recorded_at = datetime.datetime.fromisoformat(d.pop("recorded_at"))




        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))




        attendance_record_public = cls(
            recorder_id=recorder_id,
            recorder_role=recorder_role,
            mine=mine,
            members=members,
            mode=mode,
            duration_minutes=duration_minutes,
            recorded_at=recorded_at,
            updated_at=updated_at,
        )


        attendance_record_public.additional_properties = d
        return attendance_record_public

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
