from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from tandem_web.clients.matching.types import UNSET, Unset

from typing import cast
from uuid import UUID






T = TypeVar("T", bound="ProposalRecord")



@_attrs_define
class ProposalRecord:
    """ A draft proposal that named the participant (kept for transparency).

        Attributes:
            id (UUID):
            run_id (UUID):
            mentor_id (UUID):
            mentee_ids (list[UUID]):
            format_ (str):
            score (float):
            status (str):
     """

    id: UUID
    run_id: UUID
    mentor_id: UUID
    mentee_ids: list[UUID]
    format_: str
    score: float
    status: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        run_id = str(self.run_id)

        mentor_id = str(self.mentor_id)

        mentee_ids = []
        for mentee_ids_item_data in self.mentee_ids:
            mentee_ids_item = str(mentee_ids_item_data)
            mentee_ids.append(mentee_ids_item)



        format_ = self.format_

        score = self.score

        status = self.status


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "run_id": run_id,
            "mentor_id": mentor_id,
            "mentee_ids": mentee_ids,
            "format": format_,
            "score": score,
            "status": status,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))




        run_id = UUID(d.pop("run_id"))




        mentor_id = UUID(d.pop("mentor_id"))




        mentee_ids = []
        _mentee_ids = d.pop("mentee_ids")
        for mentee_ids_item_data in (_mentee_ids):
            mentee_ids_item = UUID(mentee_ids_item_data)



            mentee_ids.append(mentee_ids_item)


        format_ = d.pop("format")

        score = d.pop("score")

        status = d.pop("status")

        proposal_record = cls(
            id=id,
            run_id=run_id,
            mentor_id=mentor_id,
            mentee_ids=mentee_ids,
            format_=format_,
            score=score,
            status=status,
        )


        proposal_record.additional_properties = d
        return proposal_record

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
