from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from tandem_web.clients.matching.types import UNSET, Unset







T = TypeVar("T", bound="MailWording")



@_attrs_define
class MailWording:
    """ A programme's own wording of one mail in one language: ``$placeholders`` of that
    template only (the template ids and their placeholders: README, Languages).

        Attributes:
            subject (str):
            text (str):
     """

    subject: str
    text: str





    def to_dict(self) -> dict[str, Any]:
        subject = self.subject

        text = self.text


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "subject": subject,
            "text": text,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        subject = d.pop("subject")

        text = d.pop("text")

        mail_wording = cls(
            subject=subject,
            text=text,
        )

        return mail_wording

