from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from tandem_web.clients.messaging.types import UNSET, Unset

from typing import cast
from uuid import UUID
import datetime

if TYPE_CHECKING:
  from tandem_web.clients.messaging.models.member_public import MemberPublic





T = TypeVar("T", bound="ConversationPublic")



@_attrs_define
class ConversationPublic:
    """ 
        Attributes:
            id (UUID):
            relationship_id (UUID):
            programme_id (UUID):
            format_ (str):
            status (str): open, or read_only once the relationship ended.
            read_only (bool):
            members (list[MemberPublic]):
            unread_count (int):
            read_up_to_seq (int):
            created_at (datetime.datetime):
            last_activity_at (datetime.datetime | None):
            retention_until (datetime.datetime | None): When an ended conversation's content is deleted.
     """

    id: UUID
    relationship_id: UUID
    programme_id: UUID
    format_: str
    status: str
    read_only: bool
    members: list[MemberPublic]
    unread_count: int
    read_up_to_seq: int
    created_at: datetime.datetime
    last_activity_at: datetime.datetime | None
    retention_until: datetime.datetime | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from tandem_web.clients.messaging.models.member_public import MemberPublic # noqa: PLC0415
        id = str(self.id)

        relationship_id = str(self.relationship_id)

        programme_id = str(self.programme_id)

        format_ = self.format_

        status = self.status

        read_only = self.read_only

        members = []
        for members_item_data in self.members:
            members_item = members_item_data.to_dict()
            members.append(members_item)



        unread_count = self.unread_count

        read_up_to_seq = self.read_up_to_seq

        created_at = self.created_at.isoformat()

        last_activity_at: None | str
        if isinstance(self.last_activity_at, datetime.datetime):
            last_activity_at = self.last_activity_at.isoformat()
        else:
            last_activity_at = self.last_activity_at

        retention_until: None | str
        if isinstance(self.retention_until, datetime.datetime):
            retention_until = self.retention_until.isoformat()
        else:
            retention_until = self.retention_until


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "relationship_id": relationship_id,
            "programme_id": programme_id,
            "format": format_,
            "status": status,
            "read_only": read_only,
            "members": members,
            "unread_count": unread_count,
            "read_up_to_seq": read_up_to_seq,
            "created_at": created_at,
            "last_activity_at": last_activity_at,
            "retention_until": retention_until,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from tandem_web.clients.messaging.models.member_public import MemberPublic # noqa: PLC0415
        d = dict(src_dict)
        id = UUID(d.pop("id"))




        relationship_id = UUID(d.pop("relationship_id"))




        programme_id = UUID(d.pop("programme_id"))




        format_ = d.pop("format")

        status = d.pop("status")

        read_only = d.pop("read_only")

        members = []
        _members = d.pop("members")
        for members_item_data in (_members):
            members_item = MemberPublic.from_dict(members_item_data)



            members.append(members_item)


        unread_count = d.pop("unread_count")

        read_up_to_seq = d.pop("read_up_to_seq")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        def _parse_last_activity_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                last_activity_at_type_0 = datetime.datetime.fromisoformat(data)



                return last_activity_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        last_activity_at = _parse_last_activity_at(d.pop("last_activity_at"))


        def _parse_retention_until(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                retention_until_type_0 = datetime.datetime.fromisoformat(data)



                return retention_until_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        retention_until = _parse_retention_until(d.pop("retention_until"))


        conversation_public = cls(
            id=id,
            relationship_id=relationship_id,
            programme_id=programme_id,
            format_=format_,
            status=status,
            read_only=read_only,
            members=members,
            unread_count=unread_count,
            read_up_to_seq=read_up_to_seq,
            created_at=created_at,
            last_activity_at=last_activity_at,
            retention_until=retention_until,
        )


        conversation_public.additional_properties = d
        return conversation_public

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
