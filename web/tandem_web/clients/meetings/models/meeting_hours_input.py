from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from tandem_web.clients.meetings.types import UNSET, Unset

from tandem_web.clients.meetings.types import UNSET, Unset






T = TypeVar("T", bound="MeetingHoursInput")



@_attrs_define
class MeetingHoursInput:
    """ On each member's own clock; an end before the start runs past midnight.

        Attributes:
            start (str | Unset):  Default: '08:00'.
            end (str | Unset):  Default: '20:00'.
     """

    start: str | Unset = '08:00'
    end: str | Unset = '20:00'





    def to_dict(self) -> dict[str, Any]:
        start = self.start

        end = self.end


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if start is not UNSET:
            field_dict["start"] = start
        if end is not UNSET:
            field_dict["end"] = end

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        start = d.pop("start", UNSET)

        end = d.pop("end", UNSET)

        meeting_hours_input = cls(
            start=start,
            end=end,
        )

        return meeting_hours_input

