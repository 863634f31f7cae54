from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from tandem_web.clients.matching.types import UNSET, Unset

from tandem_web.clients.matching.models.request_status import RequestStatus
from typing import cast
from uuid import UUID
import datetime






T = TypeVar("T", bound="MentorRequestRecord")



@_attrs_define
class MentorRequestRecord:
    """ 
        Attributes:
            id (UUID):
            mentee_id (UUID):
            mentor_id (UUID):
            status (RequestStatus):
            message (None | str):
            created_at (datetime.datetime):
            decided_at (datetime.datetime | None):
     """

    id: UUID
    mentee_id: UUID
    mentor_id: UUID
    status: RequestStatus
    message: None | str
    created_at: datetime.datetime
    decided_at: datetime.datetime | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        mentee_id = str(self.mentee_id)

        mentor_id = str(self.mentor_id)

        status = self.status.value

        message: None | str
        message = self.message

        created_at = self.created_at.isoformat()

        decided_at: None | str
        if isinstance(self.decided_at, datetime.datetime):
            decided_at = self.decided_at.isoformat()
        else:
            decided_at = self.decided_at


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "mentee_id": mentee_id,
            "mentor_id": mentor_id,
            "status": status,
            "message": message,
            "created_at": created_at,
            "decided_at": decided_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))




        mentee_id = UUID(d.pop("mentee_id"))




        mentor_id = UUID(d.pop("mentor_id"))




        status = RequestStatus(d.pop("status"))




        def _parse_message(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        message = _parse_message(d.pop("message"))


        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        def _parse_decided_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                decided_at_type_0 = datetime.datetime.fromisoformat(data)



                return decided_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        decided_at = _parse_decided_at(d.pop("decided_at"))


        mentor_request_record = cls(
            id=id,
            mentee_id=mentee_id,
            mentor_id=mentor_id,
            status=status,
            message=message,
            created_at=created_at,
            decided_at=decided_at,
        )


        mentor_request_record.additional_properties = d
        return mentor_request_record

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
