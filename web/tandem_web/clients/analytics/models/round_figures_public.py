from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from tandem_web.clients.analytics.types import UNSET, Unset

from tandem_web.clients.analytics.models.kind import Kind
from typing import cast

if TYPE_CHECKING:
  from tandem_web.clients.analytics.models.question_figures_public import QuestionFiguresPublic





T = TypeVar("T", bound="RoundFiguresPublic")



@_attrs_define
class RoundFiguresPublic:
    """ 
        Attributes:
            round_ (str):
            kind (Kind):
            asked (int):
            answered (int):
            response_rate (float | None):
            questions (list[QuestionFiguresPublic]):
     """

    round_: str
    kind: Kind
    asked: int
    answered: int
    response_rate: float | None
    questions: list[QuestionFiguresPublic]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from tandem_web.clients.analytics.models.question_figures_public import QuestionFiguresPublic # noqa: PLC0415
        round_ = self.round_

        kind = self.kind.value

        asked = self.asked

        answered = self.answered

        response_rate: float | None
        response_rate = self.response_rate

        questions = []
        for questions_item_data in self.questions:
            questions_item = questions_item_data.to_dict()
            questions.append(questions_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "round": round_,
            "kind": kind,
            "asked": asked,
            "answered": answered,
            "response_rate": response_rate,
            "questions": questions,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from tandem_web.clients.analytics.models.question_figures_public import QuestionFiguresPublic # noqa: PLC0415
        d = dict(src_dict)
        round_ = d.pop("round")

        kind = Kind(d.pop("kind"))




        asked = d.pop("asked")

        answered = d.pop("answered")

        def _parse_response_rate(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        response_rate = _parse_response_rate(d.pop("response_rate"))


        questions = []
        _questions = d.pop("questions")
        for questions_item_data in (_questions):
            questions_item = QuestionFiguresPublic.from_dict(questions_item_data)



            questions.append(questions_item)


        round_figures_public = cls(
            round_=round_,
            kind=kind,
            asked=asked,
            answered=answered,
            response_rate=response_rate,
            questions=questions,
        )


        round_figures_public.additional_properties = d
        return round_figures_public

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
