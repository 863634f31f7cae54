from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from tandem_web.clients.meetings.types import UNSET, Unset

from typing import cast
from uuid import UUID






T = TypeVar("T", bound="BlockerPublic")



@_attrs_define
class BlockerPublic:
    """ 
        Attributes:
            code (str): Stable: no_availability, outside_meeting_hours, busy, …
            participant_ids (list[UUID]): Who blocks (none: the window itself).
            reason (str):
     """

    code: str
    participant_ids: list[UUID]
    reason: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        code = self.code

        participant_ids = []
        for participant_ids_item_data in self.participant_ids:
            participant_ids_item = str(participant_ids_item_data)
            participant_ids.append(participant_ids_item)



        reason = self.reason


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "code": code,
            "participant_ids": participant_ids,
            "reason": reason,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        code = d.pop("code")

        participant_ids = []
        _participant_ids = d.pop("participant_ids")
        for participant_ids_item_data in (_participant_ids):
            participant_ids_item = UUID(participant_ids_item_data)



            participant_ids.append(participant_ids_item)


        reason = d.pop("reason")

        blocker_public = cls(
            code=code,
            participant_ids=participant_ids,
            reason=reason,
        )


        blocker_public.additional_properties = d
        return blocker_public

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
