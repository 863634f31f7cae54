from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from tandem_web.clients.messaging.types import UNSET, Unset

from typing import cast
from uuid import UUID
import datetime






T = TypeVar("T", bound="MemberFiguresPublic")



@_attrs_define
class MemberFiguresPublic:
    """ 
        Attributes:
            participant_id (None | UUID): Null: messages of erased former members.
            role (None | str):
            message_count (int):
            last_message_at (datetime.datetime | None):
            responses (int): How many times the member answered others.
            median_response_seconds (float | None): Median time from the first unanswered message of others to the member's
                answer.
     """

    participant_id: None | UUID
    role: None | str
    message_count: int
    last_message_at: datetime.datetime | None
    responses: int
    median_response_seconds: float | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        participant_id: None | str
        if isinstance(self.participant_id, UUID):
            participant_id = str(self.participant_id)
        else:
            participant_id = self.participant_id

        role: None | str
        role = self.role

        message_count = self.message_count

        last_message_at: None | str
        if isinstance(self.last_message_at, datetime.datetime):
            last_message_at = self.last_message_at.isoformat()
        else:
            last_message_at = self.last_message_at

        responses = self.responses

        median_response_seconds: float | None
        median_response_seconds = self.median_response_seconds


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "participant_id": participant_id,
            "role": role,
            "message_count": message_count,
            "last_message_at": last_message_at,
            "responses": responses,
            "median_response_seconds": median_response_seconds,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        def _parse_participant_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                participant_id_type_0 = UUID(data)



                return participant_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        participant_id = _parse_participant_id(d.pop("participant_id"))


        def _parse_role(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        role = _parse_role(d.pop("role"))


        message_count = d.pop("message_count")

        def _parse_last_message_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                last_message_at_type_0 = datetime.datetime.fromisoformat(data)



                return last_message_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        last_message_at = _parse_last_message_at(d.pop("last_message_at"))


        responses = d.pop("responses")

        def _parse_median_response_seconds(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        median_response_seconds = _parse_median_response_seconds(d.pop("median_response_seconds"))


        member_figures_public = cls(
            participant_id=participant_id,
            role=role,
            message_count=message_count,
            last_message_at=last_message_at,
            responses=responses,
            median_response_seconds=median_response_seconds,
        )


        member_figures_public.additional_properties = d
        return member_figures_public

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
