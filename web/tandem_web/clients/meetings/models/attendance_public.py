from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from tandem_web.clients.meetings.types import UNSET, Unset

from tandem_web.clients.meetings.models.attendance_outcome import AttendanceOutcome
from tandem_web.clients.meetings.models.attendance_state import AttendanceState
from typing import cast
from uuid import UUID

if TYPE_CHECKING:
  from tandem_web.clients.meetings.models.attendance_record_public import AttendanceRecordPublic





T = TypeVar("T", bound="AttendancePublic")



@_attrs_define
class AttendancePublic:
    """ 
        Attributes:
            meeting_id (UUID):
            state (AttendanceState):
            outcome (AttendanceOutcome | None): From the counting record.
            counting (AttendanceRecordPublic | None): The record that counts: a group's mentor's, else the first made.
            records (list[AttendanceRecordPublic]): Every member's record, first made first: when they disagree all are
                kept.
     """

    meeting_id: UUID
    state: AttendanceState
    outcome: AttendanceOutcome | None
    counting: AttendanceRecordPublic | None
    records: list[AttendanceRecordPublic]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from tandem_web.clients.meetings.models.attendance_record_public import AttendanceRecordPublic # noqa: PLC0415
        meeting_id = str(self.meeting_id)

        state = self.state.value

        outcome: None | str
        if isinstance(self.outcome, AttendanceOutcome):
            outcome = self.outcome.value
        else:
            outcome = self.outcome

        counting: dict[str, Any] | None
        if isinstance(self.counting, AttendanceRecordPublic):
            counting = self.counting.to_dict()
        else:
            counting = self.counting

        records = []
        for records_item_data in self.records:
            records_item = records_item_data.to_dict()
            records.append(records_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "meeting_id": meeting_id,
            "state": state,
            "outcome": outcome,
            "counting": counting,
            "records": records,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from tandem_web.clients.meetings.models.attendance_record_public import AttendanceRecordPublic # noqa: PLC0415
        d = dict(src_dict)
        meeting_id = UUID(d.pop("meeting_id"))




        state = AttendanceState(d.pop("state"))




        def _parse_outcome(data: object) -> AttendanceOutcome | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                outcome_type_0 = AttendanceOutcome(data)



                return outcome_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AttendanceOutcome | None, data)

        outcome = _parse_outcome(d.pop("outcome"))


        def _parse_counting(data: object) -> AttendanceRecordPublic | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                counting_type_0 = AttendanceRecordPublic.from_dict(data)



                return counting_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AttendanceRecordPublic | None, data)

        counting = _parse_counting(d.pop("counting"))


        records = []
        _records = d.pop("records")
        for records_item_data in (_records):
            records_item = AttendanceRecordPublic.from_dict(records_item_data)



            records.append(records_item)


        attendance_public = cls(
            meeting_id=meeting_id,
            state=state,
            outcome=outcome,
            counting=counting,
            records=records,
        )


        attendance_public.additional_properties = d
        return attendance_public

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
