from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from tandem_web.clients.matching.types import UNSET, Unset

from typing import cast
from uuid import UUID

if TYPE_CHECKING:
  from tandem_web.clients.matching.models.criterion_line import CriterionLine





T = TypeVar("T", bound="ProposedMentee")



@_attrs_define
class ProposedMentee:
    """ 
        Attributes:
            mentee_id (UUID):
            score (float):
            explanation (list[CriterionLine] | None):
     """

    mentee_id: UUID
    score: float
    explanation: list[CriterionLine] | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from tandem_web.clients.matching.models.criterion_line import CriterionLine # noqa: PLC0415
        mentee_id = str(self.mentee_id)

        score = self.score

        explanation: list[dict[str, Any]] | None
        if isinstance(self.explanation, list):
            explanation = []
            for explanation_type_0_item_data in self.explanation:
                explanation_type_0_item = explanation_type_0_item_data.to_dict()
                explanation.append(explanation_type_0_item)


        else:
            explanation = self.explanation


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "mentee_id": mentee_id,
            "score": score,
            "explanation": explanation,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from tandem_web.clients.matching.models.criterion_line import CriterionLine # noqa: PLC0415
        d = dict(src_dict)
        mentee_id = UUID(d.pop("mentee_id"))




        score = d.pop("score")

        def _parse_explanation(data: object) -> list[CriterionLine] | None:
            if data is None:
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                explanation_type_0 = []
                _explanation_type_0 = data
                for explanation_type_0_item_data in (_explanation_type_0):
                    explanation_type_0_item = CriterionLine.from_dict(explanation_type_0_item_data)



                    explanation_type_0.append(explanation_type_0_item)

                return explanation_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[CriterionLine] | None, data)

        explanation = _parse_explanation(d.pop("explanation"))


        proposed_mentee = cls(
            mentee_id=mentee_id,
            score=score,
            explanation=explanation,
        )


        proposed_mentee.additional_properties = d
        return proposed_mentee

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
