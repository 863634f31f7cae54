from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from tandem_web.clients.analytics.types import UNSET, Unset

from typing import cast
from uuid import UUID
import datetime

if TYPE_CHECKING:
  from tandem_web.clients.analytics.models.mode_public import ModePublic
  from tandem_web.clients.analytics.models.week_public import WeekPublic





T = TypeVar("T", bound="DashboardPublic")



@_attrs_define
class DashboardPublic:
    """ 
        Attributes:
            programme_id (UUID):
            relationships (int): Relationships started.
            active (int):
            completed (int):
            ended_early (int):
            drop_out_rate (float | None): Ended early, of those that ended.
            messages_per_week (list[WeekPublic]):
            meetings_by_mode (list[ModePublic]):
            response_time_p50_hours (float | None): From a member's message to the next message by another member.
            response_time_p90_hours (float | None):
            response_adherence (float | None): Answers within the agreed response time, of answers under an agreement.
            cadence_adherence (float | None): Meetings held against those the agreed cadence asked for so far.
            isolation_days (int):
            isolated_participants (list[UUID]): No message and no meeting for `isolation_days`, or never posted.
            computed_at (datetime.datetime):
     """

    programme_id: UUID
    relationships: int
    active: int
    completed: int
    ended_early: int
    drop_out_rate: float | None
    messages_per_week: list[WeekPublic]
    meetings_by_mode: list[ModePublic]
    response_time_p50_hours: float | None
    response_time_p90_hours: float | None
    response_adherence: float | None
    cadence_adherence: float | None
    isolation_days: int
    isolated_participants: list[UUID]
    computed_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from tandem_web.clients.analytics.models.mode_public import ModePublic # noqa: PLC0415
        from tandem_web.clients.analytics.models.week_public import WeekPublic # noqa: PLC0415
        programme_id = str(self.programme_id)

        relationships = self.relationships

        active = self.active

        completed = self.completed

        ended_early = self.ended_early

        drop_out_rate: float | None
        drop_out_rate = self.drop_out_rate

        messages_per_week = []
        for messages_per_week_item_data in self.messages_per_week:
            messages_per_week_item = messages_per_week_item_data.to_dict()
            messages_per_week.append(messages_per_week_item)



        meetings_by_mode = []
        for meetings_by_mode_item_data in self.meetings_by_mode:
            meetings_by_mode_item = meetings_by_mode_item_data.to_dict()
            meetings_by_mode.append(meetings_by_mode_item)



        response_time_p50_hours: float | None
        response_time_p50_hours = self.response_time_p50_hours

        response_time_p90_hours: float | None
        response_time_p90_hours = self.response_time_p90_hours

        response_adherence: float | None
        response_adherence = self.response_adherence

        cadence_adherence: float | None
        cadence_adherence = self.cadence_adherence

        isolation_days = self.isolation_days

        isolated_participants = []
        for isolated_participants_item_data in self.isolated_participants:
            isolated_participants_item = str(isolated_participants_item_data)
            isolated_participants.append(isolated_participants_item)



        computed_at = self.computed_at.isoformat()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "programme_id": programme_id,
            "relationships": relationships,
            "active": active,
            "completed": completed,
            "ended_early": ended_early,
            "drop_out_rate": drop_out_rate,
            "messages_per_week": messages_per_week,
            "meetings_by_mode": meetings_by_mode,
            "response_time_p50_hours": response_time_p50_hours,
            "response_time_p90_hours": response_time_p90_hours,
            "response_adherence": response_adherence,
            "cadence_adherence": cadence_adherence,
            "isolation_days": isolation_days,
            "isolated_participants": isolated_participants,
            "computed_at": computed_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from tandem_web.clients.analytics.models.mode_public import ModePublic # noqa: PLC0415
        from tandem_web.clients.analytics.models.week_public import WeekPublic # noqa: PLC0415
        d = dict(src_dict)
        programme_id = UUID(d.pop("programme_id"))




        relationships = d.pop("relationships")

        active = d.pop("active")

        completed = d.pop("completed")

        ended_early = d.pop("ended_early")

        def _parse_drop_out_rate(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        drop_out_rate = _parse_drop_out_rate(d.pop("drop_out_rate"))


        messages_per_week = []
        _messages_per_week = d.pop("messages_per_week")
        for messages_per_week_item_data in (_messages_per_week):
            messages_per_week_item = WeekPublic.from_dict(messages_per_week_item_data)



            messages_per_week.append(messages_per_week_item)


        meetings_by_mode = []
        _meetings_by_mode = d.pop("meetings_by_mode")
        for meetings_by_mode_item_data in (_meetings_by_mode):
            meetings_by_mode_item = ModePublic.from_dict(meetings_by_mode_item_data)



            meetings_by_mode.append(meetings_by_mode_item)


        def _parse_response_time_p50_hours(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        response_time_p50_hours = _parse_response_time_p50_hours(d.pop("response_time_p50_hours"))


        def _parse_response_time_p90_hours(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        response_time_p90_hours = _parse_response_time_p90_hours(d.pop("response_time_p90_hours"))


        def _parse_response_adherence(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        response_adherence = _parse_response_adherence(d.pop("response_adherence"))


        def _parse_cadence_adherence(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        cadence_adherence = _parse_cadence_adherence(d.pop("cadence_adherence"))


        isolation_days = d.pop("isolation_days")

        isolated_participants = []
        _isolated_participants = d.pop("isolated_participants")
        for isolated_participants_item_data in (_isolated_participants):
            isolated_participants_item = UUID(isolated_participants_item_data)



            isolated_participants.append(isolated_participants_item)


        computed_at = datetime.datetime.fromisoformat(d.pop("computed_at"))




        dashboard_public = cls(
            programme_id=programme_id,
            relationships=relationships,
            active=active,
            completed=completed,
            ended_early=ended_early,
            drop_out_rate=drop_out_rate,
            messages_per_week=messages_per_week,
            meetings_by_mode=meetings_by_mode,
            response_time_p50_hours=response_time_p50_hours,
            response_time_p90_hours=response_time_p90_hours,
            response_adherence=response_adherence,
            cadence_adherence=cadence_adherence,
            isolation_days=isolation_days,
            isolated_participants=isolated_participants,
            computed_at=computed_at,
        )


        dashboard_public.additional_properties = d
        return dashboard_public

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
