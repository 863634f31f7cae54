from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from tandem_web.clients.meetings.types import UNSET, Unset

from tandem_web.clients.meetings.models.meeting_mode import MeetingMode
from tandem_web.clients.meetings.types import UNSET, Unset
from typing import cast
import datetime

if TYPE_CHECKING:
  from tandem_web.clients.meetings.models.place_input import PlaceInput





T = TypeVar("T", bound="MeetingUpdate")



@_attrs_define
class MeetingUpdate:
    """ A reschedule: any of time, duration, mode and place. SEQUENCE rises when the time,
    the duration or the place (or the mode) changes.

        Attributes:
            starts_at (datetime.datetime | None | Unset):
            ends_at (datetime.datetime | None | Unset):
            duration_minutes (int | None | Unset):
            mode (MeetingMode | None | Unset):
            place (None | PlaceInput | Unset):
     """

    starts_at: datetime.datetime | None | Unset = UNSET
    ends_at: datetime.datetime | None | Unset = UNSET
    duration_minutes: int | None | Unset = UNSET
    mode: MeetingMode | None | Unset = UNSET
    place: None | PlaceInput | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from tandem_web.clients.meetings.models.place_input import PlaceInput # noqa: PLC0415
        starts_at: None | str | Unset
        if isinstance(self.starts_at, Unset):
            starts_at = UNSET
        elif isinstance(self.starts_at, datetime.datetime):
            starts_at = self.starts_at.isoformat()
        else:
            starts_at = self.starts_at

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

        mode: None | str | Unset
        if isinstance(self.mode, Unset):
            mode = UNSET
        elif isinstance(self.mode, MeetingMode):
            mode = self.mode.value
        else:
            mode = self.mode

        place: dict[str, Any] | None | Unset
        if isinstance(self.place, Unset):
            place = UNSET
        elif isinstance(self.place, PlaceInput):
            place = self.place.to_dict()
        else:
            place = self.place


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if starts_at is not UNSET:
            field_dict["starts_at"] = starts_at
        if ends_at is not UNSET:
            field_dict["ends_at"] = ends_at
        if duration_minutes is not UNSET:
            field_dict["duration_minutes"] = duration_minutes
        if mode is not UNSET:
            field_dict["mode"] = mode
        if place is not UNSET:
            field_dict["place"] = place

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from tandem_web.clients.meetings.models.place_input import PlaceInput # noqa: PLC0415
        d = dict(src_dict)
        def _parse_starts_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                starts_at_type_0 = datetime.datetime.fromisoformat(data)



                return starts_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        starts_at = _parse_starts_at(d.pop("starts_at", UNSET))


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


        def _parse_mode(data: object) -> MeetingMode | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                mode_type_0 = MeetingMode(data)



                return mode_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(MeetingMode | None | Unset, data)

        mode = _parse_mode(d.pop("mode", UNSET))


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


        meeting_update = cls(
            starts_at=starts_at,
            ends_at=ends_at,
            duration_minutes=duration_minutes,
            mode=mode,
            place=place,
        )

        return meeting_update

