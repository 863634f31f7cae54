from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from tandem_web.clients.meetings.types import UNSET, Unset

from tandem_web.clients.meetings.models.anchor import Anchor






T = TypeVar("T", bound="ActivityWindowInput")



@_attrs_define
class ActivityWindowInput:
    """ ``[anchor + from_day, anchor + to_day)`` in days; for ``start_to_end``, ``from_day``
    counts from the start and ``to_day`` from the end (``14`` and ``-14``: all but the
    first and last two weeks).

        Attributes:
            anchor (Anchor):
            from_day (int):
            to_day (int):
     """

    anchor: Anchor
    from_day: int
    to_day: int





    def to_dict(self) -> dict[str, Any]:
        anchor = self.anchor.value

        from_day = self.from_day

        to_day = self.to_day


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "anchor": anchor,
            "from_day": from_day,
            "to_day": to_day,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        anchor = Anchor(d.pop("anchor"))




        from_day = d.pop("from_day")

        to_day = d.pop("to_day")

        activity_window_input = cls(
            anchor=anchor,
            from_day=from_day,
            to_day=to_day,
        )

        return activity_window_input

