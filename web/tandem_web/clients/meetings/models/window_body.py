from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from tandem_web.clients.meetings.types import UNSET, Unset







T = TypeVar("T", bound="WindowBody")



@_attrs_define
class WindowBody:
    """ 
        Attributes:
            weekday (int): 0 = Monday … 6 = Sunday.
            start (str): Local time, HH:MM.
            end (str): Local time, HH:MM, after start (24:00 allowed).
     """

    weekday: int
    start: str
    end: str





    def to_dict(self) -> dict[str, Any]:
        weekday = self.weekday

        start = self.start

        end = self.end


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "weekday": weekday,
            "start": start,
            "end": end,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        weekday = d.pop("weekday")

        start = d.pop("start")

        end = d.pop("end")

        window_body = cls(
            weekday=weekday,
            start=start,
            end=end,
        )

        return window_body

