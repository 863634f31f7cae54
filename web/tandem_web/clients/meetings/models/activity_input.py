from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from tandem_web.clients.meetings.types import UNSET, Unset

from tandem_web.clients.meetings.models.activity_mode import ActivityMode
from tandem_web.clients.meetings.types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from tandem_web.clients.meetings.models.activity_window_input import ActivityWindowInput





T = TypeVar("T", bound="ActivityInput")



@_attrs_define
class ActivityInput:
    """ 
        Attributes:
            key (str):
            name (str):
            mode (ActivityMode):
            duration_minutes (int):
            window (ActivityWindowInput): ``[anchor + from_day, anchor + to_day)`` in days; for ``start_to_end``,
                ``from_day``
                counts from the start and ``to_day`` from the end (``14`` and ``-14``: all but the
                first and last two weeks).
            every_days (int | None | Unset): Repeats at this cadence.
     """

    key: str
    name: str
    mode: ActivityMode
    duration_minutes: int
    window: ActivityWindowInput
    every_days: int | None | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from tandem_web.clients.meetings.models.activity_window_input import ActivityWindowInput # noqa: PLC0415
        key = self.key

        name = self.name

        mode = self.mode.value

        duration_minutes = self.duration_minutes

        window = self.window.to_dict()

        every_days: int | None | Unset
        if isinstance(self.every_days, Unset):
            every_days = UNSET
        else:
            every_days = self.every_days


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "key": key,
            "name": name,
            "mode": mode,
            "duration_minutes": duration_minutes,
            "window": window,
        })
        if every_days is not UNSET:
            field_dict["every_days"] = every_days

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from tandem_web.clients.meetings.models.activity_window_input import ActivityWindowInput # noqa: PLC0415
        d = dict(src_dict)
        key = d.pop("key")

        name = d.pop("name")

        mode = ActivityMode(d.pop("mode"))




        duration_minutes = d.pop("duration_minutes")

        window = ActivityWindowInput.from_dict(d.pop("window"))




        def _parse_every_days(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        every_days = _parse_every_days(d.pop("every_days", UNSET))


        activity_input = cls(
            key=key,
            name=name,
            mode=mode,
            duration_minutes=duration_minutes,
            window=window,
            every_days=every_days,
        )

        return activity_input

