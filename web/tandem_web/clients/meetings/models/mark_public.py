from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from tandem_web.clients.meetings.types import UNSET, Unset

from tandem_web.clients.meetings.models.presence import Presence
from tandem_web.clients.meetings.models.role import Role
from typing import cast
from uuid import UUID






T = TypeVar("T", bound="MarkPublic")



@_attrs_define
class MarkPublic:
    """ 
        Attributes:
            participant_id (None | UUID): None: an erased member.
            role (Role):
            presence (Presence):
     """

    participant_id: None | UUID
    role: Role
    presence: Presence
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        participant_id: None | str
        if isinstance(self.participant_id, UUID):
            participant_id = str(self.participant_id)
        else:
            participant_id = self.participant_id

        role = self.role.value

        presence = self.presence.value


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "participant_id": participant_id,
            "role": role,
            "presence": presence,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        def _parse_participant_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                participant_id_type_0 = UUID(data)



                return participant_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        participant_id = _parse_participant_id(d.pop("participant_id"))


        role = Role(d.pop("role"))




        presence = Presence(d.pop("presence"))




        mark_public = cls(
            participant_id=participant_id,
            role=role,
            presence=presence,
        )


        mark_public.additional_properties = d
        return mark_public

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
