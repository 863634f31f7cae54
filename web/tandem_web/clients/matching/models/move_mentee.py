from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from tandem_web.clients.matching.types import UNSET, Unset

from uuid import UUID






T = TypeVar("T", bound="MoveMentee")



@_attrs_define
class MoveMentee:
    """ Give a mentee (matched in the draft or left unmatched) to another mentor.

        Attributes:
            mentee_id (UUID):
            to_mentor_id (UUID):
     """

    mentee_id: UUID
    to_mentor_id: UUID





    def to_dict(self) -> dict[str, Any]:
        mentee_id = str(self.mentee_id)

        to_mentor_id = str(self.to_mentor_id)


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "mentee_id": mentee_id,
            "to_mentor_id": to_mentor_id,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        mentee_id = UUID(d.pop("mentee_id"))




        to_mentor_id = UUID(d.pop("to_mentor_id"))




        move_mentee = cls(
            mentee_id=mentee_id,
            to_mentor_id=to_mentor_id,
        )

        return move_mentee

