from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from tandem_web.clients.matching.types import UNSET, Unset

from typing import cast
from uuid import UUID
import datetime

if TYPE_CHECKING:
  from tandem_web.clients.matching.models.weight_line import WeightLine





T = TypeVar("T", bound="SuggestedWeightsPublic")



@_attrs_define
class SuggestedWeightsPublic:
    """ 
        Attributes:
            suggestion_id (UUID):
            outcome (str): What the weights were fitted to (`completion`).
            relationships_used (int): Finished relationships they were fitted on.
            suggested_at (datetime.datetime):
            weights (list[WeightLine]):
     """

    suggestion_id: UUID
    outcome: str
    relationships_used: int
    suggested_at: datetime.datetime
    weights: list[WeightLine]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from tandem_web.clients.matching.models.weight_line import WeightLine # noqa: PLC0415
        suggestion_id = str(self.suggestion_id)

        outcome = self.outcome

        relationships_used = self.relationships_used

        suggested_at = self.suggested_at.isoformat()

        weights = []
        for weights_item_data in self.weights:
            weights_item = weights_item_data.to_dict()
            weights.append(weights_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "suggestion_id": suggestion_id,
            "outcome": outcome,
            "relationships_used": relationships_used,
            "suggested_at": suggested_at,
            "weights": weights,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from tandem_web.clients.matching.models.weight_line import WeightLine # noqa: PLC0415
        d = dict(src_dict)
        suggestion_id = UUID(d.pop("suggestion_id"))




        outcome = d.pop("outcome")

        relationships_used = d.pop("relationships_used")

        suggested_at = datetime.datetime.fromisoformat(d.pop("suggested_at"))




        weights = []
        _weights = d.pop("weights")
        for weights_item_data in (_weights):
            weights_item = WeightLine.from_dict(weights_item_data)



            weights.append(weights_item)


        suggested_weights_public = cls(
            suggestion_id=suggestion_id,
            outcome=outcome,
            relationships_used=relationships_used,
            suggested_at=suggested_at,
            weights=weights,
        )


        suggested_weights_public.additional_properties = d
        return suggested_weights_public

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
