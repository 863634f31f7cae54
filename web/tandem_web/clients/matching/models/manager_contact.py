from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from tandem_web.clients.matching.types import UNSET, Unset

from tandem_web.clients.matching.types import UNSET, Unset






T = TypeVar("T", bound="ManagerContact")



@_attrs_define
class ManagerContact:
    """ How to reach a programme's named manager: travels in ``programme.created`` (as the
    contracts' ``Contact``) to the services that mail or schedule.

        Attributes:
            subject (str): The person's identity: the bearer token's `sub`.
            display_name (str):
            email (str):
            preferred_language (str | Unset):  Default: 'en'.
            time_zone (str | Unset):  Default: 'UTC'.
     """

    subject: str
    display_name: str
    email: str
    preferred_language: str | Unset = 'en'
    time_zone: str | Unset = 'UTC'





    def to_dict(self) -> dict[str, Any]:
        subject = self.subject

        display_name = self.display_name

        email = self.email

        preferred_language = self.preferred_language

        time_zone = self.time_zone


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "subject": subject,
            "display_name": display_name,
            "email": email,
        })
        if preferred_language is not UNSET:
            field_dict["preferred_language"] = preferred_language
        if time_zone is not UNSET:
            field_dict["time_zone"] = time_zone

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        subject = d.pop("subject")

        display_name = d.pop("display_name")

        email = d.pop("email")

        preferred_language = d.pop("preferred_language", UNSET)

        time_zone = d.pop("time_zone", UNSET)

        manager_contact = cls(
            subject=subject,
            display_name=display_name,
            email=email,
            preferred_language=preferred_language,
            time_zone=time_zone,
        )

        return manager_contact

