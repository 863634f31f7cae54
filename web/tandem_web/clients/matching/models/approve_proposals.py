from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from tandem_web.clients.matching.types import UNSET, Unset

from tandem_web.clients.matching.types import UNSET, Unset
from typing import cast
from uuid import UUID






T = TypeVar("T", bound="ApproveProposals")



@_attrs_define
class ApproveProposals:
    """ Approve some proposals by id, or all of the draft.

        Attributes:
            all_ (bool | Unset):  Default: False.
            proposal_ids (list[UUID] | Unset):
     """

    all_: bool | Unset = False
    proposal_ids: list[UUID] | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        all_ = self.all_

        proposal_ids: list[str] | Unset = UNSET
        if not isinstance(self.proposal_ids, Unset):
            proposal_ids = []
            for proposal_ids_item_data in self.proposal_ids:
                proposal_ids_item = str(proposal_ids_item_data)
                proposal_ids.append(proposal_ids_item)




        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if all_ is not UNSET:
            field_dict["all"] = all_
        if proposal_ids is not UNSET:
            field_dict["proposal_ids"] = proposal_ids

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        all_ = d.pop("all", UNSET)

        _proposal_ids = d.pop("proposal_ids", UNSET)
        proposal_ids: list[UUID] | Unset = UNSET
        if _proposal_ids is not UNSET:
            proposal_ids = []
            for proposal_ids_item_data in _proposal_ids:
                proposal_ids_item = UUID(proposal_ids_item_data)



                proposal_ids.append(proposal_ids_item)


        approve_proposals = cls(
            all_=all_,
            proposal_ids=proposal_ids,
        )

        return approve_proposals

