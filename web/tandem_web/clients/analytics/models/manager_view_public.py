from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from tandem_web.clients.analytics.types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from tandem_web.clients.analytics.models.participant_view_public import ParticipantViewPublic





T = TypeVar("T", bound="ManagerViewPublic")



@_attrs_define
class ManagerViewPublic:
    """ 
        Attributes:
            programmes (list[ParticipantViewPublic]): One entry per programme you take part in (as analytics knows it).
     """

    programmes: list[ParticipantViewPublic]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from tandem_web.clients.analytics.models.participant_view_public import ParticipantViewPublic # noqa: PLC0415
        programmes = []
        for programmes_item_data in self.programmes:
            programmes_item = programmes_item_data.to_dict()
            programmes.append(programmes_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "programmes": programmes,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from tandem_web.clients.analytics.models.participant_view_public import ParticipantViewPublic # noqa: PLC0415
        d = dict(src_dict)
        programmes = []
        _programmes = d.pop("programmes")
        for programmes_item_data in (_programmes):
            programmes_item = ParticipantViewPublic.from_dict(programmes_item_data)



            programmes.append(programmes_item)


        manager_view_public = cls(
            programmes=programmes,
        )


        manager_view_public.additional_properties = d
        return manager_view_public

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
