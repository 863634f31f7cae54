from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from tandem_web.clients.matching.types import UNSET, Unset

from typing import cast
from uuid import UUID






T = TypeVar("T", bound="UnmatchedMentee")



@_attrs_define
class UnmatchedMentee:
    """ 
        Attributes:
            mentee_id (UUID):
            code (str): Stable reason code: language, availability, country, face_to_face, exclusion, all_full, room_left,
                no_mentors …
            reasons (list[str]): Why no mentor could be proposed, in plain words.
     """

    mentee_id: UUID
    code: str
    reasons: list[str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        mentee_id = str(self.mentee_id)

        code = self.code

        reasons = self.reasons




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "mentee_id": mentee_id,
            "code": code,
            "reasons": reasons,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        mentee_id = UUID(d.pop("mentee_id"))




        code = d.pop("code")

        reasons = cast(list[str], d.pop("reasons"))


        unmatched_mentee = cls(
            mentee_id=mentee_id,
            code=code,
            reasons=reasons,
        )


        unmatched_mentee.additional_properties = d
        return unmatched_mentee

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
