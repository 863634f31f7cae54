from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from tandem_web.clients.analytics.types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from tandem_web.clients.analytics.models.question_figures_public_distribution_type_0 import QuestionFiguresPublicDistributionType0





T = TypeVar("T", bound="QuestionFiguresPublic")



@_attrs_define
class QuestionFiguresPublic:
    """ 
        Attributes:
            question (str):
            suppressed (bool): Fewer than min_group respondents: no figures.
            respondents (int | None):
            mean (float | None):
            distribution (None | QuestionFiguresPublicDistributionType0):
     """

    question: str
    suppressed: bool
    respondents: int | None
    mean: float | None
    distribution: None | QuestionFiguresPublicDistributionType0
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from tandem_web.clients.analytics.models.question_figures_public_distribution_type_0 import QuestionFiguresPublicDistributionType0 # noqa: PLC0415
        question = self.question

        suppressed = self.suppressed

        respondents: int | None
        respondents = self.respondents

        mean: float | None
        mean = self.mean

        distribution: dict[str, Any] | None
        if isinstance(self.distribution, QuestionFiguresPublicDistributionType0):
            distribution = self.distribution.to_dict()
        else:
            distribution = self.distribution


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "question": question,
            "suppressed": suppressed,
            "respondents": respondents,
            "mean": mean,
            "distribution": distribution,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from tandem_web.clients.analytics.models.question_figures_public_distribution_type_0 import QuestionFiguresPublicDistributionType0 # noqa: PLC0415
        d = dict(src_dict)
        question = d.pop("question")

        suppressed = d.pop("suppressed")

        def _parse_respondents(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        respondents = _parse_respondents(d.pop("respondents"))


        def _parse_mean(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        mean = _parse_mean(d.pop("mean"))


        def _parse_distribution(data: object) -> None | QuestionFiguresPublicDistributionType0:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                distribution_type_0 = QuestionFiguresPublicDistributionType0.from_dict(data)



                return distribution_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | QuestionFiguresPublicDistributionType0, data)

        distribution = _parse_distribution(d.pop("distribution"))


        question_figures_public = cls(
            question=question,
            suppressed=suppressed,
            respondents=respondents,
            mean=mean,
            distribution=distribution,
        )


        question_figures_public.additional_properties = d
        return question_figures_public

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
