from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from tandem_web.clients.matching.types import UNSET, Unset

from tandem_web.clients.matching.models.member_response import MemberResponse
from tandem_web.clients.matching.models.role import Role
from tandem_web.clients.matching.types import UNSET, Unset
from typing import cast
from uuid import UUID
import datetime

if TYPE_CHECKING:
  from tandem_web.clients.matching.models.criterion_line import CriterionLine





T = TypeVar("T", bound="MemberPublic")



@_attrs_define
class MemberPublic:
    """ 
        Attributes:
            participant_id (UUID):
            role (Role):
            display_name (None | str): Null once the participant is erased.
            linkedin_url (None | str): Only when its owner consented to share it.
            response (MemberResponse):
            responded_at (datetime.datetime | None):
            time_zone (None | str | Unset): Their IANA zone, so the other members see their local time (null: not given, or
                erased).
            score (float | None | Unset): Mentees: this pair's score.
            explanation (list[CriterionLine] | None | Unset): Mentees: why this pair scored what it did, per criterion.
     """

    participant_id: UUID
    role: Role
    display_name: None | str
    linkedin_url: None | str
    response: MemberResponse
    responded_at: datetime.datetime | None
    time_zone: None | str | Unset = UNSET
    score: float | None | Unset = UNSET
    explanation: list[CriterionLine] | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from tandem_web.clients.matching.models.criterion_line import CriterionLine # noqa: PLC0415
        participant_id = str(self.participant_id)

        role = self.role.value

        display_name: None | str
        display_name = self.display_name

        linkedin_url: None | str
        linkedin_url = self.linkedin_url

        response = self.response.value

        responded_at: None | str
        if isinstance(self.responded_at, datetime.datetime):
            responded_at = self.responded_at.isoformat()
        else:
            responded_at = self.responded_at

        time_zone: None | str | Unset
        if isinstance(self.time_zone, Unset):
            time_zone = UNSET
        else:
            time_zone = self.time_zone

        score: float | None | Unset
        if isinstance(self.score, Unset):
            score = UNSET
        else:
            score = self.score

        explanation: list[dict[str, Any]] | None | Unset
        if isinstance(self.explanation, Unset):
            explanation = UNSET
        elif isinstance(self.explanation, list):
            explanation = []
            for explanation_type_0_item_data in self.explanation:
                explanation_type_0_item = explanation_type_0_item_data.to_dict()
                explanation.append(explanation_type_0_item)


        else:
            explanation = self.explanation


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "participant_id": participant_id,
            "role": role,
            "display_name": display_name,
            "linkedin_url": linkedin_url,
            "response": response,
            "responded_at": responded_at,
        })
        if time_zone is not UNSET:
            field_dict["time_zone"] = time_zone
        if score is not UNSET:
            field_dict["score"] = score
        if explanation is not UNSET:
            field_dict["explanation"] = explanation

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from tandem_web.clients.matching.models.criterion_line import CriterionLine # noqa: PLC0415
        d = dict(src_dict)
        participant_id = UUID(d.pop("participant_id"))




        role = Role(d.pop("role"))




        def _parse_display_name(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        display_name = _parse_display_name(d.pop("display_name"))


        def _parse_linkedin_url(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        linkedin_url = _parse_linkedin_url(d.pop("linkedin_url"))


        response = MemberResponse(d.pop("response"))




        def _parse_responded_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                responded_at_type_0 = datetime.datetime.fromisoformat(data)



                return responded_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        responded_at = _parse_responded_at(d.pop("responded_at"))


        def _parse_time_zone(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        time_zone = _parse_time_zone(d.pop("time_zone", UNSET))


        def _parse_score(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        score = _parse_score(d.pop("score", UNSET))


        def _parse_explanation(data: object) -> list[CriterionLine] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
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
            return cast(list[CriterionLine] | None | Unset, data)

        explanation = _parse_explanation(d.pop("explanation", UNSET))


        member_public = cls(
            participant_id=participant_id,
            role=role,
            display_name=display_name,
            linkedin_url=linkedin_url,
            response=response,
            responded_at=responded_at,
            time_zone=time_zone,
            score=score,
            explanation=explanation,
        )


        member_public.additional_properties = d
        return member_public

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
