from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from tandem_web.clients.meetings.types import UNSET, Unset

from tandem_web.clients.meetings.models.role import Role
from typing import cast
from uuid import UUID
import datetime






T = TypeVar("T", bound="MemberTimePublic")



@_attrs_define
class MemberTimePublic:
    """ A time on one member's clock.

        Attributes:
            participant_id (UUID):
            role (Role):
            time_zone (str):
            starts_at_local (datetime.datetime):
            ends_at_local (datetime.datetime):
     """

    participant_id: UUID
    role: Role
    time_zone: str
    starts_at_local: datetime.datetime
    ends_at_local: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        participant_id = str(self.participant_id)

        role = self.role.value

        time_zone = self.time_zone

        starts_at_local = self.starts_at_local.isoformat()

        ends_at_local = self.ends_at_local.isoformat()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "participant_id": participant_id,
            "role": role,
            "time_zone": time_zone,
            "starts_at_local": starts_at_local,
            "ends_at_local": ends_at_local,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        participant_id = UUID(d.pop("participant_id"))




        role = Role(d.pop("role"))




        time_zone = d.pop("time_zone")

        starts_at_local = datetime.datetime.fromisoformat(d.pop("starts_at_local"))




        ends_at_local = datetime.datetime.fromisoformat(d.pop("ends_at_local"))




        member_time_public = cls(
            participant_id=participant_id,
            role=role,
            time_zone=time_zone,
            starts_at_local=starts_at_local,
            ends_at_local=ends_at_local,
        )


        member_time_public.additional_properties = d
        return member_time_public

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
