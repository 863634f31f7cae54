from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from tandem_web.clients.meetings.types import UNSET, Unset

from tandem_web.clients.meetings.models.rsvp_response import RsvpResponse






T = TypeVar("T", bound="RsvpUpdate")



@_attrs_define
class RsvpUpdate:
    """ 
        Attributes:
            response (RsvpResponse):
     """

    response: RsvpResponse





    def to_dict(self) -> dict[str, Any]:
        response = self.response.value


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "response": response,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        response = RsvpResponse(d.pop("response"))




        rsvp_update = cls(
            response=response,
        )

        return rsvp_update

