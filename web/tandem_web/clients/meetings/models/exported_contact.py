from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from tandem_web.clients.meetings.types import UNSET, Unset

from typing import cast






T = TypeVar("T", bound="ExportedContact")



@_attrs_define
class ExportedContact:
    """ The copy of your contact meetings keeps (from matching) to mail and place you.

        Attributes:
            display_name (str):
            email (str):
            language (str):
            time_zone (str):
            city (None | str):
            linkedin_url (None | str):
     """

    display_name: str
    email: str
    language: str
    time_zone: str
    city: None | str
    linkedin_url: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        display_name = self.display_name

        email = self.email

        language = self.language

        time_zone = self.time_zone

        city: None | str
        city = self.city

        linkedin_url: None | str
        linkedin_url = self.linkedin_url


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "display_name": display_name,
            "email": email,
            "language": language,
            "time_zone": time_zone,
            "city": city,
            "linkedin_url": linkedin_url,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        display_name = d.pop("display_name")

        email = d.pop("email")

        language = d.pop("language")

        time_zone = d.pop("time_zone")

        def _parse_city(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        city = _parse_city(d.pop("city"))


        def _parse_linkedin_url(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        linkedin_url = _parse_linkedin_url(d.pop("linkedin_url"))


        exported_contact = cls(
            display_name=display_name,
            email=email,
            language=language,
            time_zone=time_zone,
            city=city,
            linkedin_url=linkedin_url,
        )


        exported_contact.additional_properties = d
        return exported_contact

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
