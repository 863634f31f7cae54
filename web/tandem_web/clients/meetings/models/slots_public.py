from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from tandem_web.clients.meetings.types import UNSET, Unset

from tandem_web.clients.meetings.models.activity_mode import ActivityMode
from typing import cast
from uuid import UUID
import datetime

if TYPE_CHECKING:
  from tandem_web.clients.meetings.models.blocker_public import BlockerPublic
  from tandem_web.clients.meetings.models.slot_public import SlotPublic





T = TypeVar("T", bound="SlotsPublic")



@_attrs_define
class SlotsPublic:
    """ 
        Attributes:
            relationship_id (UUID):
            activity_id (UUID):
            activity_key (str):
            mode (ActivityMode):
            duration_minutes (int):
            window_start (datetime.datetime):
            window_end (datetime.datetime):
            quorum_min_mentees (int | None): A group's quorum: the mentor and at least this many mentees (null: all).
            slots (list[SlotPublic]):
            blockers (list[BlockerPublic]): Why nothing fits, when nothing does.
     """

    relationship_id: UUID
    activity_id: UUID
    activity_key: str
    mode: ActivityMode
    duration_minutes: int
    window_start: datetime.datetime
    window_end: datetime.datetime
    quorum_min_mentees: int | None
    slots: list[SlotPublic]
    blockers: list[BlockerPublic]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from tandem_web.clients.meetings.models.blocker_public import BlockerPublic # noqa: PLC0415
        from tandem_web.clients.meetings.models.slot_public import SlotPublic # noqa: PLC0415
        relationship_id = str(self.relationship_id)

        activity_id = str(self.activity_id)

        activity_key = self.activity_key

        mode = self.mode.value

        duration_minutes = self.duration_minutes

        window_start = self.window_start.isoformat()

        window_end = self.window_end.isoformat()

        quorum_min_mentees: int | None
        quorum_min_mentees = self.quorum_min_mentees

        slots = []
        for slots_item_data in self.slots:
            slots_item = slots_item_data.to_dict()
            slots.append(slots_item)



        blockers = []
        for blockers_item_data in self.blockers:
            blockers_item = blockers_item_data.to_dict()
            blockers.append(blockers_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "relationship_id": relationship_id,
            "activity_id": activity_id,
            "activity_key": activity_key,
            "mode": mode,
            "duration_minutes": duration_minutes,
            "window_start": window_start,
            "window_end": window_end,
            "quorum_min_mentees": quorum_min_mentees,
            "slots": slots,
            "blockers": blockers,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from tandem_web.clients.meetings.models.blocker_public import BlockerPublic # noqa: PLC0415
        from tandem_web.clients.meetings.models.slot_public import SlotPublic # noqa: PLC0415
        d = dict(src_dict)
        relationship_id = UUID(d.pop("relationship_id"))




        activity_id = UUID(d.pop("activity_id"))




        activity_key = d.pop("activity_key")

        mode = ActivityMode(d.pop("mode"))




        duration_minutes = d.pop("duration_minutes")

        window_start = datetime.datetime.fromisoformat(d.pop("window_start"))




        window_end = datetime.datetime.fromisoformat(d.pop("window_end"))




        def _parse_quorum_min_mentees(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        quorum_min_mentees = _parse_quorum_min_mentees(d.pop("quorum_min_mentees"))


        slots = []
        _slots = d.pop("slots")
        for slots_item_data in (_slots):
            slots_item = SlotPublic.from_dict(slots_item_data)



            slots.append(slots_item)


        blockers = []
        _blockers = d.pop("blockers")
        for blockers_item_data in (_blockers):
            blockers_item = BlockerPublic.from_dict(blockers_item_data)



            blockers.append(blockers_item)


        slots_public = cls(
            relationship_id=relationship_id,
            activity_id=activity_id,
            activity_key=activity_key,
            mode=mode,
            duration_minutes=duration_minutes,
            window_start=window_start,
            window_end=window_end,
            quorum_min_mentees=quorum_min_mentees,
            slots=slots,
            blockers=blockers,
        )


        slots_public.additional_properties = d
        return slots_public

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
