from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from tandem_web.clients.analytics.types import UNSET, Unset







T = TypeVar("T", bound="DismissalIn")



@_attrs_define
class DismissalIn:
    """ 
        Attributes:
            reason (str): Why the flag needs no action (the managers' own note, e.g. "both on holiday until the 20th").
     """

    reason: str





    def to_dict(self) -> dict[str, Any]:
        reason = self.reason


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "reason": reason,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        reason = d.pop("reason")

        dismissal_in = cls(
            reason=reason,
        )

        return dismissal_in

