from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from tandem_web.clients.matching.types import UNSET, Unset

from uuid import UUID






T = TypeVar("T", bound="SwapMentees")



@_attrs_define
class SwapMentees:
    """ Exchange the mentors of two mentees of the draft.

        Attributes:
            mentee_a (UUID):
            mentee_b (UUID):
     """

    mentee_a: UUID
    mentee_b: UUID





    def to_dict(self) -> dict[str, Any]:
        mentee_a = str(self.mentee_a)

        mentee_b = str(self.mentee_b)


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "mentee_a": mentee_a,
            "mentee_b": mentee_b,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        mentee_a = UUID(d.pop("mentee_a"))




        mentee_b = UUID(d.pop("mentee_b"))




        swap_mentees = cls(
            mentee_a=mentee_a,
            mentee_b=mentee_b,
        )

        return swap_mentees

