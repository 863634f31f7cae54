from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from tandem_web.clients.messaging.types import UNSET, Unset

from typing import cast
from uuid import UUID
import datetime






T = TypeVar("T", bound="ExportedAgreementChange")



@_attrs_define
class ExportedAgreementChange:
    """ 
        Attributes:
            agreement_id (UUID):
            relationship_id (UUID):
            version (int):
            rules (list[str]):
            created_at (datetime.datetime):
     """

    agreement_id: UUID
    relationship_id: UUID
    version: int
    rules: list[str]
    created_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        agreement_id = str(self.agreement_id)

        relationship_id = str(self.relationship_id)

        version = self.version

        rules = self.rules



        created_at = self.created_at.isoformat()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "agreement_id": agreement_id,
            "relationship_id": relationship_id,
            "version": version,
            "rules": rules,
            "created_at": created_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        agreement_id = UUID(d.pop("agreement_id"))




        relationship_id = UUID(d.pop("relationship_id"))




        version = d.pop("version")

        rules = cast(list[str], d.pop("rules"))


        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        exported_agreement_change = cls(
            agreement_id=agreement_id,
            relationship_id=relationship_id,
            version=version,
            rules=rules,
            created_at=created_at,
        )


        exported_agreement_change.additional_properties = d
        return exported_agreement_change

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
