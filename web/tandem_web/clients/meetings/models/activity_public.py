from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from tandem_web.clients.meetings.types import UNSET, Unset

from tandem_web.clients.meetings.models.activity_mode import ActivityMode
from typing import cast

if TYPE_CHECKING:
  from tandem_web.clients.meetings.models.activity_window_public import ActivityWindowPublic





T = TypeVar("T", bound="ActivityPublic")



@_attrs_define
class ActivityPublic:
    """ 
        Attributes:
            key (str):
            name (str):
            mode (ActivityMode):
            duration_minutes (int):
            window (ActivityWindowPublic):
            every_days (int | None):
     """

    key: str
    name: str
    mode: ActivityMode
    duration_minutes: int
    window: ActivityWindowPublic
    every_days: int | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from tandem_web.clients.meetings.models.activity_window_public import ActivityWindowPublic # noqa: PLC0415
        key = self.key

        name = self.name

        mode = self.mode.value

        duration_minutes = self.duration_minutes

        window = self.window.to_dict()

        every_days: int | None
        every_days = self.every_days


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "key": key,
            "name": name,
            "mode": mode,
            "duration_minutes": duration_minutes,
            "window": window,
            "every_days": every_days,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from tandem_web.clients.meetings.models.activity_window_public import ActivityWindowPublic # noqa: PLC0415
        d = dict(src_dict)
        key = d.pop("key")

        name = d.pop("name")

        mode = ActivityMode(d.pop("mode"))




        duration_minutes = d.pop("duration_minutes")

        window = ActivityWindowPublic.from_dict(d.pop("window"))




        def _parse_every_days(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        every_days = _parse_every_days(d.pop("every_days"))


        activity_public = cls(
            key=key,
            name=name,
            mode=mode,
            duration_minutes=duration_minutes,
            window=window,
            every_days=every_days,
        )


        activity_public.additional_properties = d
        return activity_public

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
