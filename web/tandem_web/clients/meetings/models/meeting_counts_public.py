from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from tandem_web.clients.meetings.types import UNSET, Unset







T = TypeVar("T", bound="MeetingCountsPublic")



@_attrs_define
class MeetingCountsPublic:
    """ 
        Attributes:
            scheduled (int): Still to come.
            held (int): Attendance recorded: at least two members met.
            missed (int): Attendance recorded: a no-show.
            unrecorded (int): Nobody recorded attendance in time (not a no-show).
            awaiting (int): Over, attendance not recorded yet.
            disputed (int): Members' records disagree (also counted above).
            cancelled (int):
            online (int): Not cancelled, online (the mode used once recorded).
            face_to_face (int): Not cancelled, face to face (likewise).
     """

    scheduled: int
    held: int
    missed: int
    unrecorded: int
    awaiting: int
    disputed: int
    cancelled: int
    online: int
    face_to_face: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        scheduled = self.scheduled

        held = self.held

        missed = self.missed

        unrecorded = self.unrecorded

        awaiting = self.awaiting

        disputed = self.disputed

        cancelled = self.cancelled

        online = self.online

        face_to_face = self.face_to_face


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "scheduled": scheduled,
            "held": held,
            "missed": missed,
            "unrecorded": unrecorded,
            "awaiting": awaiting,
            "disputed": disputed,
            "cancelled": cancelled,
            "online": online,
            "face_to_face": face_to_face,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        scheduled = d.pop("scheduled")

        held = d.pop("held")

        missed = d.pop("missed")

        unrecorded = d.pop("unrecorded")

        awaiting = d.pop("awaiting")

        disputed = d.pop("disputed")

        cancelled = d.pop("cancelled")

        online = d.pop("online")

        face_to_face = d.pop("face_to_face")

        meeting_counts_public = cls(
            scheduled=scheduled,
            held=held,
            missed=missed,
            unrecorded=unrecorded,
            awaiting=awaiting,
            disputed=disputed,
            cancelled=cancelled,
            online=online,
            face_to_face=face_to_face,
        )


        meeting_counts_public.additional_properties = d
        return meeting_counts_public

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
