from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from tandem_web.clients.messaging.types import UNSET, Unset

from typing import cast
from uuid import UUID






T = TypeVar("T", bound="ProgrammeSettingsPublic")



@_attrs_define
class ProgrammeSettingsPublic:
    """ 
        Attributes:
            programme_id (UUID):
            name (None | str):
            retention_days (int):
            uses_default_retention (bool):
     """

    programme_id: UUID
    name: None | str
    retention_days: int
    uses_default_retention: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        programme_id = str(self.programme_id)

        name: None | str
        name = self.name

        retention_days = self.retention_days

        uses_default_retention = self.uses_default_retention


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "programme_id": programme_id,
            "name": name,
            "retention_days": retention_days,
            "uses_default_retention": uses_default_retention,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        programme_id = UUID(d.pop("programme_id"))




        def _parse_name(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        name = _parse_name(d.pop("name"))


        retention_days = d.pop("retention_days")

        uses_default_retention = d.pop("uses_default_retention")

        programme_settings_public = cls(
            programme_id=programme_id,
            name=name,
            retention_days=retention_days,
            uses_default_retention=uses_default_retention,
        )


        programme_settings_public.additional_properties = d
        return programme_settings_public

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
