from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from tandem_web.clients.matching.types import UNSET, Unset

from tandem_web.clients.matching.models.offer_status import OfferStatus
from typing import cast
from uuid import UUID
import datetime






T = TypeVar("T", bound="RematchOfferPublic")



@_attrs_define
class RematchOfferPublic:
    """ 
        Attributes:
            id (UUID):
            programme_id (UUID):
            relationship_id (UUID): The relationship that ended early.
            mentee_id (UUID):
            status (OfferStatus):
            created_at (datetime.datetime):
            answered_at (datetime.datetime | None):
     """

    id: UUID
    programme_id: UUID
    relationship_id: UUID
    mentee_id: UUID
    status: OfferStatus
    created_at: datetime.datetime
    answered_at: datetime.datetime | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        programme_id = str(self.programme_id)

        relationship_id = str(self.relationship_id)

        mentee_id = str(self.mentee_id)

        status = self.status.value

        created_at = self.created_at.isoformat()

        answered_at: None | str
        if isinstance(self.answered_at, datetime.datetime):
            answered_at = self.answered_at.isoformat()
        else:
            answered_at = self.answered_at


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "programme_id": programme_id,
            "relationship_id": relationship_id,
            "mentee_id": mentee_id,
            "status": status,
            "created_at": created_at,
            "answered_at": answered_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))




        programme_id = UUID(d.pop("programme_id"))




        relationship_id = UUID(d.pop("relationship_id"))




        mentee_id = UUID(d.pop("mentee_id"))




        status = OfferStatus(d.pop("status"))




        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        def _parse_answered_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                answered_at_type_0 = datetime.datetime.fromisoformat(data)



                return answered_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        answered_at = _parse_answered_at(d.pop("answered_at"))


        rematch_offer_public = cls(
            id=id,
            programme_id=programme_id,
            relationship_id=relationship_id,
            mentee_id=mentee_id,
            status=status,
            created_at=created_at,
            answered_at=answered_at,
        )


        rematch_offer_public.additional_properties = d
        return rematch_offer_public

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
