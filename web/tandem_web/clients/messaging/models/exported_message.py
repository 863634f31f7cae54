from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from tandem_web.clients.messaging.types import UNSET, Unset

from typing import cast
from uuid import UUID
import datetime






T = TypeVar("T", bound="ExportedMessage")



@_attrs_define
class ExportedMessage:
    """ 
        Attributes:
            conversation_id (UUID):
            relationship_id (UUID):
            message_id (UUID):
            seq (int):
            posted_at (datetime.datetime):
            edited_at (datetime.datetime | None):
            format_ (str):
            body (None | str):
            in_reply_to (None | UUID):
     """

    conversation_id: UUID
    relationship_id: UUID
    message_id: UUID
    seq: int
    posted_at: datetime.datetime
    edited_at: datetime.datetime | None
    format_: str
    body: None | str
    in_reply_to: None | UUID
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        conversation_id = str(self.conversation_id)

        relationship_id = str(self.relationship_id)

        message_id = str(self.message_id)

        seq = self.seq

        posted_at = self.posted_at.isoformat()

        edited_at: None | str
        if isinstance(self.edited_at, datetime.datetime):
            edited_at = self.edited_at.isoformat()
        else:
            edited_at = self.edited_at

        format_ = self.format_

        body: None | str
        body = self.body

        in_reply_to: None | str
        if isinstance(self.in_reply_to, UUID):
            in_reply_to = str(self.in_reply_to)
        else:
            in_reply_to = self.in_reply_to


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "conversation_id": conversation_id,
            "relationship_id": relationship_id,
            "message_id": message_id,
            "seq": seq,
            "posted_at": posted_at,
            "edited_at": edited_at,
            "format": format_,
            "body": body,
            "in_reply_to": in_reply_to,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        conversation_id = UUID(d.pop("conversation_id"))




        relationship_id = UUID(d.pop("relationship_id"))




        message_id = UUID(d.pop("message_id"))




        seq = d.pop("seq")

        posted_at = datetime.datetime.fromisoformat(d.pop("posted_at"))




        def _parse_edited_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                edited_at_type_0 = datetime.datetime.fromisoformat(data)



                return edited_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        edited_at = _parse_edited_at(d.pop("edited_at"))


        format_ = d.pop("format")

        def _parse_body(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        body = _parse_body(d.pop("body"))


        def _parse_in_reply_to(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                in_reply_to_type_0 = UUID(data)



                return in_reply_to_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        in_reply_to = _parse_in_reply_to(d.pop("in_reply_to"))


        exported_message = cls(
            conversation_id=conversation_id,
            relationship_id=relationship_id,
            message_id=message_id,
            seq=seq,
            posted_at=posted_at,
            edited_at=edited_at,
            format_=format_,
            body=body,
            in_reply_to=in_reply_to,
        )


        exported_message.additional_properties = d
        return exported_message

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
