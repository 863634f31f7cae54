from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from tandem_web.clients.matching.types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from tandem_web.clients.matching.models.match_run_public import MatchRunPublic





T = TypeVar("T", bound="PublishResult")



@_attrs_define
class PublishResult:
    """ 
        Attributes:
            run (MatchRunPublic):
            relationships_proposed (int):
            discarded (int): Proposals not approved, dropped on publishing.
     """

    run: MatchRunPublic
    relationships_proposed: int
    discarded: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from tandem_web.clients.matching.models.match_run_public import MatchRunPublic # noqa: PLC0415
        run = self.run.to_dict()

        relationships_proposed = self.relationships_proposed

        discarded = self.discarded


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "run": run,
            "relationships_proposed": relationships_proposed,
            "discarded": discarded,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from tandem_web.clients.matching.models.match_run_public import MatchRunPublic # noqa: PLC0415
        d = dict(src_dict)
        run = MatchRunPublic.from_dict(d.pop("run"))




        relationships_proposed = d.pop("relationships_proposed")

        discarded = d.pop("discarded")

        publish_result = cls(
            run=run,
            relationships_proposed=relationships_proposed,
            discarded=discarded,
        )


        publish_result.additional_properties = d
        return publish_result

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
