from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from tandem_web.clients.meetings.types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from tandem_web.clients.meetings.models.window_body import WindowBody





T = TypeVar("T", bound="AvailabilityUpdate")



@_attrs_define
class AvailabilityUpdate:
    """ 
        Attributes:
            windows (list[WindowBody]): Your weekly windows in your own time zone, used by meetings instead of your
                profile's: at most 50, each ending after it starts, none overlapping another of the same day. An empty list
                means no time at all.
     """

    windows: list[WindowBody]





    def to_dict(self) -> dict[str, Any]:
        from tandem_web.clients.meetings.models.window_body import WindowBody # noqa: PLC0415
        windows = []
        for windows_item_data in self.windows:
            windows_item = windows_item_data.to_dict()
            windows.append(windows_item)




        field_dict: dict[str, Any] = {}

        field_dict.update({
            "windows": windows,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from tandem_web.clients.meetings.models.window_body import WindowBody # noqa: PLC0415
        d = dict(src_dict)
        windows = []
        _windows = d.pop("windows")
        for windows_item_data in (_windows):
            windows_item = WindowBody.from_dict(windows_item_data)



            windows.append(windows_item)


        availability_update = cls(
            windows=windows,
        )

        return availability_update

