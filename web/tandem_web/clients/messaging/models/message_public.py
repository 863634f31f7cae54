from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from tandem_web.clients.messaging.types import UNSET, Unset

from tandem_web.clients.messaging.models.text_format import TextFormat
from typing import cast
from uuid import UUID
import datetime

if TYPE_CHECKING:
  from tandem_web.clients.messaging.models.person import Person





T = TypeVar("T", bound="MessagePublic")



@_attrs_define
class MessagePublic:
    """ 
        Attributes:
            id (UUID):
            conversation_id (UUID):
            seq (int): Position in the conversation (1, 2, …).
            sender (Person): Who wrote something, as members see it (erased authors: 'former member').
            body (str): The text; '[deleted]' once withdrawn or its author erased.
            format_ (TextFormat): Markdown is stored as its source text; clients render it (no HTML is kept).
            in_reply_to (None | UUID):
            posted_at (datetime.datetime):
            edited_at (datetime.datetime | None):
            deleted (bool):
     """

    id: UUID
    conversation_id: UUID
    seq: int
    sender: Person
    body: str
    format_: TextFormat
    in_reply_to: None | UUID
    posted_at: datetime.datetime
    edited_at: datetime.datetime | None
    deleted: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from tandem_web.clients.messaging.models.person import Person # noqa: PLC0415
        id = str(self.id)

        conversation_id = str(self.conversation_id)

        seq = self.seq

        sender = self.sender.to_dict()

        body = self.body

        format_ = self.format_.value

        in_reply_to: None | str
        if isinstance(self.in_reply_to, UUID):
            in_reply_to = str(self.in_reply_to)
        else:
            in_reply_to = self.in_reply_to

        posted_at = self.posted_at.isoformat()

        edited_at: None | str
        if isinstance(self.edited_at, datetime.datetime):
            edited_at = self.edited_at.isoformat()
        else:
            edited_at = self.edited_at

        deleted = self.deleted


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "conversation_id": conversation_id,
            "seq": seq,
            "sender": sender,
            "body": body,
            "format": format_,
            "in_reply_to": in_reply_to,
            "posted_at": posted_at,
            "edited_at": edited_at,
            "deleted": deleted,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from tandem_web.clients.messaging.models.person import Person # noqa: PLC0415
        d = dict(src_dict)
        id = UUID(d.pop("id"))




        conversation_id = UUID(d.pop("conversation_id"))




        seq = d.pop("seq")

        sender = Person.from_dict(d.pop("sender"))




        body = d.pop("body")

        format_ = TextFormat(d.pop("format"))




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


        deleted = d.pop("deleted")

        message_public = cls(
            id=id,
            conversation_id=conversation_id,
            seq=seq,
            sender=sender,
            body=body,
            format_=format_,
            in_reply_to=in_reply_to,
            posted_at=posted_at,
            edited_at=edited_at,
            deleted=deleted,
        )


        message_public.additional_properties = d
        return message_public

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
