from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from tandem_web.clients.meetings.types import UNSET, Unset

from typing import cast
import datetime






T = TypeVar("T", bound="CalendarFeedCreatedPublic")



@_attrs_define
class CalendarFeedCreatedPublic:
    """ 
        Attributes:
            url (str): The feed over https (or http): the token in it is the only credential. Shown this once; making a new
                one makes this one stop working.
            webcal_url (str): The same feed as webcal://, for one-click subscribing.
            created_at (datetime.datetime):
     """

    url: str
    webcal_url: str
    created_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        url = self.url

        webcal_url = self.webcal_url

        created_at = self.created_at.isoformat()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "url": url,
            "webcal_url": webcal_url,
            "created_at": created_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        url = d.pop("url")

        webcal_url = d.pop("webcal_url")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        calendar_feed_created_public = cls(
            url=url,
            webcal_url=webcal_url,
            created_at=created_at,
        )


        calendar_feed_created_public.additional_properties = d
        return calendar_feed_created_public

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
