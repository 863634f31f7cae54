from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from tandem_web.clients.matching.types import UNSET, Unset

from typing import cast
from uuid import UUID
import datetime






T = TypeVar("T", bound="ErasureReceipt")



@_attrs_define
class ErasureReceipt:
    """ 
        Attributes:
            participant_id (UUID):
            erased_at (datetime.datetime):
            relationships_closed (int): Active ones ended, proposed ones declined.
     """

    participant_id: UUID
    erased_at: datetime.datetime
    relationships_closed: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        participant_id = str(self.participant_id)

        erased_at = self.erased_at.isoformat()

        relationships_closed = self.relationships_closed


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "participant_id": participant_id,
            "erased_at": erased_at,
            "relationships_closed": relationships_closed,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        participant_id = UUID(d.pop("participant_id"))




        erased_at = datetime.datetime.fromisoformat(d.pop("erased_at"))




        relationships_closed = d.pop("relationships_closed")

        erasure_receipt = cls(
            participant_id=participant_id,
            erased_at=erased_at,
            relationships_closed=relationships_closed,
        )


        erasure_receipt.additional_properties = d
        return erasure_receipt

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
