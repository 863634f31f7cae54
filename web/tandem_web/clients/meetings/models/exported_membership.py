from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from tandem_web.clients.meetings.types import UNSET, Unset

from typing import cast
from uuid import UUID
import datetime






T = TypeVar("T", bound="ExportedMembership")



@_attrs_define
class ExportedMembership:
    """ 
        Attributes:
            relationship_id (UUID):
            programme_id (UUID):
            participant_id (UUID):
            role (str):
            status (str):
            starts_on (datetime.date):
            agreed_end_date (datetime.date):
     """

    relationship_id: UUID
    programme_id: UUID
    participant_id: UUID
    role: str
    status: str
    starts_on: datetime.date
    agreed_end_date: datetime.date
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        relationship_id = str(self.relationship_id)

        programme_id = str(self.programme_id)

        participant_id = str(self.participant_id)

        role = self.role

        status = self.status

        starts_on = self.starts_on.isoformat()

        agreed_end_date = self.agreed_end_date.isoformat()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "relationship_id": relationship_id,
            "programme_id": programme_id,
            "participant_id": participant_id,
            "role": role,
            "status": status,
            "starts_on": starts_on,
            "agreed_end_date": agreed_end_date,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        relationship_id = UUID(d.pop("relationship_id"))




        programme_id = UUID(d.pop("programme_id"))




        participant_id = UUID(d.pop("participant_id"))




        role = d.pop("role")

        status = d.pop("status")

        starts_on = datetime.date.fromisoformat(d.pop("starts_on"))




        agreed_end_date = datetime.date.fromisoformat(d.pop("agreed_end_date"))




        exported_membership = cls(
            relationship_id=relationship_id,
            programme_id=programme_id,
            participant_id=participant_id,
            role=role,
            status=status,
            starts_on=starts_on,
            agreed_end_date=agreed_end_date,
        )


        exported_membership.additional_properties = d
        return exported_membership

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
