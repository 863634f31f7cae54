from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from tandem_web.clients.analytics.types import UNSET, Unset

from typing import cast
from uuid import UUID

if TYPE_CHECKING:
  from tandem_web.clients.analytics.models.round_figures_public import RoundFiguresPublic





T = TypeVar("T", bound="CheckInSummaryPublic")



@_attrs_define
class CheckInSummaryPublic:
    """ 
        Attributes:
            programme_id (UUID):
            min_group (int):
            rounds (list[RoundFiguresPublic]):
     """

    programme_id: UUID
    min_group: int
    rounds: list[RoundFiguresPublic]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from tandem_web.clients.analytics.models.round_figures_public import RoundFiguresPublic # noqa: PLC0415
        programme_id = str(self.programme_id)

        min_group = self.min_group

        rounds = []
        for rounds_item_data in self.rounds:
            rounds_item = rounds_item_data.to_dict()
            rounds.append(rounds_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "programme_id": programme_id,
            "min_group": min_group,
            "rounds": rounds,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from tandem_web.clients.analytics.models.round_figures_public import RoundFiguresPublic # noqa: PLC0415
        d = dict(src_dict)
        programme_id = UUID(d.pop("programme_id"))




        min_group = d.pop("min_group")

        rounds = []
        _rounds = d.pop("rounds")
        for rounds_item_data in (_rounds):
            rounds_item = RoundFiguresPublic.from_dict(rounds_item_data)



            rounds.append(rounds_item)


        check_in_summary_public = cls(
            programme_id=programme_id,
            min_group=min_group,
            rounds=rounds,
        )


        check_in_summary_public.additional_properties = d
        return check_in_summary_public

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
