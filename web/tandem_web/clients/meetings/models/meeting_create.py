from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from tandem_web.clients.meetings.types import UNSET, Unset

from tandem_web.clients.meetings.models.meeting_mode import MeetingMode
from tandem_web.clients.meetings.types import UNSET, Unset
from typing import cast
from uuid import UUID
import datetime

if TYPE_CHECKING:
  from tandem_web.clients.meetings.models.place_input import PlaceInput





T = TypeVar("T", bound="MeetingCreate")



@_attrs_define
class MeetingCreate:
    """ 
        Attributes:
            mode (MeetingMode): How a meeting happens: a video link, or a place.
            starts_at (datetime.datetime): With a UTC offset; stored in UTC.
            ends_at (datetime.datetime | None | Unset): Give this or duration_minutes.
            duration_minutes (int | None | Unset):
            planned_activity_id (None | Unset | UUID):
            activity_key (None | str | Unset):
            place (None | PlaceInput | Unset): Required face to face; forbidden online (it gets a link).
            agenda_goal_ids (list[UUID] | Unset):
     """

    mode: MeetingMode
    starts_at: datetime.datetime
    ends_at: datetime.datetime | None | Unset = UNSET
    duration_minutes: int | None | Unset = UNSET
    planned_activity_id: None | Unset | UUID = UNSET
    activity_key: None | str | Unset = UNSET
    place: None | PlaceInput | Unset = UNSET
    agenda_goal_ids: list[UUID] | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from tandem_web.clients.meetings.models.place_input import PlaceInput # noqa: PLC0415
        mode = self.mode.value

        starts_at = self.starts_at.isoformat()

        ends_at: None | str | Unset
        if isinstance(self.ends_at, Unset):
            ends_at = UNSET
        elif isinstance(self.ends_at, datetime.datetime):
            ends_at = self.ends_at.isoformat()
        else:
            ends_at = self.ends_at

        duration_minutes: int | None | Unset
        if isinstance(self.duration_minutes, Unset):
            duration_minutes = UNSET
        else:
            duration_minutes = self.duration_minutes

        planned_activity_id: None | str | Unset
        if isinstance(self.planned_activity_id, Unset):
            planned_activity_id = UNSET
        elif isinstance(self.planned_activity_id, UUID):
            planned_activity_id = str(self.planned_activity_id)
        else:
            planned_activity_id = self.planned_activity_id

        activity_key: None | str | Unset
        if isinstance(self.activity_key, Unset):
            activity_key = UNSET
        else:
            activity_key = self.activity_key

        place: dict[str, Any] | None | Unset
        if isinstance(self.place, Unset):
            place = UNSET
        elif isinstance(self.place, PlaceInput):
            place = self.place.to_dict()
        else:
            place = self.place

        agenda_goal_ids: list[str] | Unset = UNSET
        if not isinstance(self.agenda_goal_ids, Unset):
            agenda_goal_ids = []
            for agenda_goal_ids_item_data in self.agenda_goal_ids:
                agenda_goal_ids_item = str(agenda_goal_ids_item_data)
                agenda_goal_ids.append(agenda_goal_ids_item)




        field_dict: dict[str, Any] = {}

        field_dict.update({
            "mode": mode,
            "starts_at": starts_at,
        })
        if ends_at is not UNSET:
            field_dict["ends_at"] = ends_at
        if duration_minutes is not UNSET:
            field_dict["duration_minutes"] = duration_minutes
        if planned_activity_id is not UNSET:
            field_dict["planned_activity_id"] = planned_activity_id
        if activity_key is not UNSET:
            field_dict["activity_key"] = activity_key
        if place is not UNSET:
            field_dict["place"] = place
        if agenda_goal_ids is not UNSET:
            field_dict["agenda_goal_ids"] = agenda_goal_ids

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from tandem_web.clients.meetings.models.place_input import PlaceInput # noqa: PLC0415
        d = dict(src_dict)
        mode = MeetingMode(d.pop("mode"))




        starts_at = datetime.datetime.fromisoformat(d.pop("starts_at"))




        def _parse_ends_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                ends_at_type_0 = datetime.datetime.fromisoformat(data)



                return ends_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        ends_at = _parse_ends_at(d.pop("ends_at", UNSET))


        def _parse_duration_minutes(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        duration_minutes = _parse_duration_minutes(d.pop("duration_minutes", UNSET))


        def _parse_planned_activity_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                planned_activity_id_type_0 = UUID(data)



                return planned_activity_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        planned_activity_id = _parse_planned_activity_id(d.pop("planned_activity_id", UNSET))


        def _parse_activity_key(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        activity_key = _parse_activity_key(d.pop("activity_key", UNSET))


        def _parse_place(data: object) -> None | PlaceInput | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                place_type_0 = PlaceInput.from_dict(data)



                return place_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PlaceInput | Unset, data)

        place = _parse_place(d.pop("place", UNSET))


        _agenda_goal_ids = d.pop("agenda_goal_ids", UNSET)
        agenda_goal_ids: list[UUID] | Unset = UNSET
        if _agenda_goal_ids is not UNSET:
            agenda_goal_ids = []
            for agenda_goal_ids_item_data in _agenda_goal_ids:
                agenda_goal_ids_item = UUID(agenda_goal_ids_item_data)



                agenda_goal_ids.append(agenda_goal_ids_item)


        meeting_create = cls(
            mode=mode,
            starts_at=starts_at,
            ends_at=ends_at,
            duration_minutes=duration_minutes,
            planned_activity_id=planned_activity_id,
            activity_key=activity_key,
            place=place,
            agenda_goal_ids=agenda_goal_ids,
        )

        return meeting_create

