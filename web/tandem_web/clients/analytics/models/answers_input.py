from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from tandem_web.clients.analytics.types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from tandem_web.clients.analytics.models.answers_input_answers import AnswersInputAnswers





T = TypeVar("T", bound="AnswersInput")



@_attrs_define
class AnswersInput:
    """ 
        Attributes:
            answers (AnswersInputAnswers): Question id -> answer on the scale 1 (not at all) to 5 (very much); answering a
                question again replaces the earlier answer.
     """

    answers: AnswersInputAnswers





    def to_dict(self) -> dict[str, Any]:
        from tandem_web.clients.analytics.models.answers_input_answers import AnswersInputAnswers # noqa: PLC0415
        answers = self.answers.to_dict()


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "answers": answers,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from tandem_web.clients.analytics.models.answers_input_answers import AnswersInputAnswers # noqa: PLC0415
        d = dict(src_dict)
        answers = AnswersInputAnswers.from_dict(d.pop("answers"))




        answers_input = cls(
            answers=answers,
        )

        return answers_input

