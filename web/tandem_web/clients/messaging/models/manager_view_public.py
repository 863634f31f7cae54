from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from tandem_web.clients.messaging.types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from tandem_web.clients.messaging.models.conversation_statistics_public import ConversationStatisticsPublic





T = TypeVar("T", bound="ManagerViewPublic")



@_attrs_define
class ManagerViewPublic:
    """ Exactly the manager's statistics rows that concern the caller, per conversation.

        Attributes:
            conversations (list[ConversationStatisticsPublic]):
     """

    conversations: list[ConversationStatisticsPublic]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from tandem_web.clients.messaging.models.conversation_statistics_public import ConversationStatisticsPublic # noqa: PLC0415
        conversations = []
        for conversations_item_data in self.conversations:
            conversations_item = conversations_item_data.to_dict()
            conversations.append(conversations_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "conversations": conversations,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from tandem_web.clients.messaging.models.conversation_statistics_public import ConversationStatisticsPublic # noqa: PLC0415
        d = dict(src_dict)
        conversations = []
        _conversations = d.pop("conversations")
        for conversations_item_data in (_conversations):
            conversations_item = ConversationStatisticsPublic.from_dict(conversations_item_data)



            conversations.append(conversations_item)


        manager_view_public = cls(
            conversations=conversations,
        )


        manager_view_public.additional_properties = d
        return manager_view_public

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
