from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from tandem_web.clients.messaging.types import UNSET, Unset







T = TypeVar("T", bound="ProgrammeSettingsUpdate")



@_attrs_define
class ProgrammeSettingsUpdate:
    """ 
        Attributes:
            retention_days (int): How long an ended relationship's conversation stays readable by its members; then its
                content is deleted. Applies to relationships that end from now on.
     """

    retention_days: int





    def to_dict(self) -> dict[str, Any]:
        retention_days = self.retention_days


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "retention_days": retention_days,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        retention_days = d.pop("retention_days")

        programme_settings_update = cls(
            retention_days=retention_days,
        )

        return programme_settings_update

