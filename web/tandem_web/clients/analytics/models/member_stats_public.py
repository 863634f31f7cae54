from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from tandem_web.clients.analytics.types import UNSET, Unset

from typing import cast
from uuid import UUID
import datetime






T = TypeVar("T", bound="MemberStatsPublic")



@_attrs_define
class MemberStatsPublic:
    """ 
        Attributes:
            participant_id (UUID): The nil UUID for an erased member.
            role (None | str):
            messages (int):
            last_message_at (datetime.datetime | None):
            response_time_p50_hours (float | None): Their answers: from another member's message to their next one.
     """

    participant_id: UUID
    role: None | str
    messages: int
    last_message_at: datetime.datetime | None
    response_time_p50_hours: float | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        participant_id = str(self.participant_id)

        role: None | str
        role = self.role

        messages = self.messages

        last_message_at: None | str
        if isinstance(self.last_message_at, datetime.datetime):
            last_message_at = self.last_message_at.isoformat()
        else:
            last_message_at = self.last_message_at

        response_time_p50_hours: float | None
        response_time_p50_hours = self.response_time_p50_hours


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "participant_id": participant_id,
            "role": role,
            "messages": messages,
            "last_message_at": last_message_at,
            "response_time_p50_hours": response_time_p50_hours,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        participant_id = UUID(d.pop("participant_id"))




        def _parse_role(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        role = _parse_role(d.pop("role"))


        messages = d.pop("messages")

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


        def _parse_response_time_p50_hours(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        response_time_p50_hours = _parse_response_time_p50_hours(d.pop("response_time_p50_hours"))


        member_stats_public = cls(
            participant_id=participant_id,
            role=role,
            messages=messages,
            last_message_at=last_message_at,
            response_time_p50_hours=response_time_p50_hours,
        )


        member_stats_public.additional_properties = d
        return member_stats_public

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
