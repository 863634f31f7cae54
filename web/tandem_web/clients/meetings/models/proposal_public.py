from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from tandem_web.clients.meetings.types import UNSET, Unset

from typing import cast
import datetime

if TYPE_CHECKING:
  from tandem_web.clients.meetings.models.member_time_public import MemberTimePublic





T = TypeVar("T", bound="ProposalPublic")



@_attrs_define
class ProposalPublic:
    """ 
        Attributes:
            rank (int):
            starts_at (datetime.datetime):
            ends_at (datetime.datetime):
            local (list[MemberTimePublic]):
     """

    rank: int
    starts_at: datetime.datetime
    ends_at: datetime.datetime
    local: list[MemberTimePublic]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from tandem_web.clients.meetings.models.member_time_public import MemberTimePublic # noqa: PLC0415
        rank = self.rank

        starts_at = self.starts_at.isoformat()

        ends_at = self.ends_at.isoformat()

        local = []
        for local_item_data in self.local:
            local_item = local_item_data.to_dict()
            local.append(local_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "rank": rank,
            "starts_at": starts_at,
            "ends_at": ends_at,
            "local": local,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from tandem_web.clients.meetings.models.member_time_public import MemberTimePublic # noqa: PLC0415
        d = dict(src_dict)
        rank = d.pop("rank")

        starts_at = datetime.datetime.fromisoformat(d.pop("starts_at"))




        ends_at = datetime.datetime.fromisoformat(d.pop("ends_at"))




        local = []
        _local = d.pop("local")
        for local_item_data in (_local):
            local_item = MemberTimePublic.from_dict(local_item_data)



            local.append(local_item)


        proposal_public = cls(
            rank=rank,
            starts_at=starts_at,
            ends_at=ends_at,
            local=local,
        )


        proposal_public.additional_properties = d
        return proposal_public

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
