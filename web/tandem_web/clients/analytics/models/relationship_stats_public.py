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
  from tandem_web.clients.analytics.models.member_stats_public import MemberStatsPublic
  from tandem_web.clients.analytics.models.mode_public import ModePublic
  from tandem_web.clients.analytics.models.week_public import WeekPublic





T = TypeVar("T", bound="RelationshipStatsPublic")



@_attrs_define
class RelationshipStatsPublic:
    """ 
        Attributes:
            relationship_id (UUID):
            programme_id (UUID):
            format_ (None | str):
            starts_on (datetime.date | None):
            agreed_end_date (datetime.date | None):
            ended_at (datetime.datetime | None):
            outcome (None | str): completed | ended_early; null while active.
            ended_by (None | str):
            end_reason (None | str):
            agreed_response_time_hours (int | None):
            agreed_meeting_cadence_days (int | None):
            last_two_way_contact_at (datetime.datetime | None):
            members (list[MemberStatsPublic]):
            messages_per_week (list[WeekPublic]):
            meetings_by_mode (list[ModePublic]):
            goals (int):
            goals_done (int):
            milestones (int):
            milestones_done (int):
     """

    relationship_id: UUID
    programme_id: UUID
    format_: None | str
    starts_on: datetime.date | None
    agreed_end_date: datetime.date | None
    ended_at: datetime.datetime | None
    outcome: None | str
    ended_by: None | str
    end_reason: None | str
    agreed_response_time_hours: int | None
    agreed_meeting_cadence_days: int | None
    last_two_way_contact_at: datetime.datetime | None
    members: list[MemberStatsPublic]
    messages_per_week: list[WeekPublic]
    meetings_by_mode: list[ModePublic]
    goals: int
    goals_done: int
    milestones: int
    milestones_done: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from tandem_web.clients.analytics.models.member_stats_public import MemberStatsPublic # noqa: PLC0415
        from tandem_web.clients.analytics.models.mode_public import ModePublic # noqa: PLC0415
        from tandem_web.clients.analytics.models.week_public import WeekPublic # noqa: PLC0415
        relationship_id = str(self.relationship_id)

        programme_id = str(self.programme_id)

        format_: None | str
        format_ = self.format_

        starts_on: None | str
        if isinstance(self.starts_on, datetime.date):
            starts_on = self.starts_on.isoformat()
        else:
            starts_on = self.starts_on

        agreed_end_date: None | str
        if isinstance(self.agreed_end_date, datetime.date):
            agreed_end_date = self.agreed_end_date.isoformat()
        else:
            agreed_end_date = self.agreed_end_date

        ended_at: None | str
        if isinstance(self.ended_at, datetime.datetime):
            ended_at = self.ended_at.isoformat()
        else:
            ended_at = self.ended_at

        outcome: None | str
        outcome = self.outcome

        ended_by: None | str
        ended_by = self.ended_by

        end_reason: None | str
        end_reason = self.end_reason

        agreed_response_time_hours: int | None
        agreed_response_time_hours = self.agreed_response_time_hours

        agreed_meeting_cadence_days: int | None
        agreed_meeting_cadence_days = self.agreed_meeting_cadence_days

        last_two_way_contact_at: None | str
        if isinstance(self.last_two_way_contact_at, datetime.datetime):
            last_two_way_contact_at = self.last_two_way_contact_at.isoformat()
        else:
            last_two_way_contact_at = self.last_two_way_contact_at

        members = []
        for members_item_data in self.members:
            members_item = members_item_data.to_dict()
            members.append(members_item)



        messages_per_week = []
        for messages_per_week_item_data in self.messages_per_week:
            messages_per_week_item = messages_per_week_item_data.to_dict()
            messages_per_week.append(messages_per_week_item)



        meetings_by_mode = []
        for meetings_by_mode_item_data in self.meetings_by_mode:
            meetings_by_mode_item = meetings_by_mode_item_data.to_dict()
            meetings_by_mode.append(meetings_by_mode_item)



        goals = self.goals

        goals_done = self.goals_done

        milestones = self.milestones

        milestones_done = self.milestones_done


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "relationship_id": relationship_id,
            "programme_id": programme_id,
            "format": format_,
            "starts_on": starts_on,
            "agreed_end_date": agreed_end_date,
            "ended_at": ended_at,
            "outcome": outcome,
            "ended_by": ended_by,
            "end_reason": end_reason,
            "agreed_response_time_hours": agreed_response_time_hours,
            "agreed_meeting_cadence_days": agreed_meeting_cadence_days,
            "last_two_way_contact_at": last_two_way_contact_at,
            "members": members,
            "messages_per_week": messages_per_week,
            "meetings_by_mode": meetings_by_mode,
            "goals": goals,
            "goals_done": goals_done,
            "milestones": milestones,
            "milestones_done": milestones_done,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from tandem_web.clients.analytics.models.member_stats_public import MemberStatsPublic # noqa: PLC0415
        from tandem_web.clients.analytics.models.mode_public import ModePublic # noqa: PLC0415
        from tandem_web.clients.analytics.models.week_public import WeekPublic # noqa: PLC0415
        d = dict(src_dict)
        relationship_id = UUID(d.pop("relationship_id"))




        programme_id = UUID(d.pop("programme_id"))




        def _parse_format_(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        format_ = _parse_format_(d.pop("format"))


        def _parse_starts_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                starts_on_type_0 = datetime.date.fromisoformat(data)



                return starts_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        starts_on = _parse_starts_on(d.pop("starts_on"))


        def _parse_agreed_end_date(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                agreed_end_date_type_0 = datetime.date.fromisoformat(data)



                return agreed_end_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        agreed_end_date = _parse_agreed_end_date(d.pop("agreed_end_date"))


        def _parse_ended_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                ended_at_type_0 = datetime.datetime.fromisoformat(data)



                return ended_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        ended_at = _parse_ended_at(d.pop("ended_at"))


        def _parse_outcome(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        outcome = _parse_outcome(d.pop("outcome"))


        def _parse_ended_by(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        ended_by = _parse_ended_by(d.pop("ended_by"))


        def _parse_end_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        end_reason = _parse_end_reason(d.pop("end_reason"))


        def _parse_agreed_response_time_hours(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        agreed_response_time_hours = _parse_agreed_response_time_hours(d.pop("agreed_response_time_hours"))


        def _parse_agreed_meeting_cadence_days(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        agreed_meeting_cadence_days = _parse_agreed_meeting_cadence_days(d.pop("agreed_meeting_cadence_days"))


        def _parse_last_two_way_contact_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                last_two_way_contact_at_type_0 = datetime.datetime.fromisoformat(data)



                return last_two_way_contact_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        last_two_way_contact_at = _parse_last_two_way_contact_at(d.pop("last_two_way_contact_at"))


        members = []
        _members = d.pop("members")
        for members_item_data in (_members):
            members_item = MemberStatsPublic.from_dict(members_item_data)



            members.append(members_item)


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


        goals = d.pop("goals")

        goals_done = d.pop("goals_done")

        milestones = d.pop("milestones")

        milestones_done = d.pop("milestones_done")

        relationship_stats_public = cls(
            relationship_id=relationship_id,
            programme_id=programme_id,
            format_=format_,
            starts_on=starts_on,
            agreed_end_date=agreed_end_date,
            ended_at=ended_at,
            outcome=outcome,
            ended_by=ended_by,
            end_reason=end_reason,
            agreed_response_time_hours=agreed_response_time_hours,
            agreed_meeting_cadence_days=agreed_meeting_cadence_days,
            last_two_way_contact_at=last_two_way_contact_at,
            members=members,
            messages_per_week=messages_per_week,
            meetings_by_mode=meetings_by_mode,
            goals=goals,
            goals_done=goals_done,
            milestones=milestones,
            milestones_done=milestones_done,
        )


        relationship_stats_public.additional_properties = d
        return relationship_stats_public

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
