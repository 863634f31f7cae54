from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from tandem_web.clients.meetings.types import UNSET, Unset

from tandem_web.clients.meetings.models.cancel_reason import CancelReason
from typing import cast
from uuid import UUID
import datetime






T = TypeVar("T", bound="ExportedMeeting")



@_attrs_define
class ExportedMeeting:
    """ A meeting you are invited to, with your answer (its place and link are the
    relationship's: the meeting's own page shows them).

        Attributes:
            meeting_id (UUID):
            relationship_id (UUID):
            status (str):
            mode (str):
            starts_at (datetime.datetime):
            ends_at (datetime.datetime):
            partstat (str): Your answer: needs_action, accepted, declined, tentative.
            responded_at (datetime.datetime | None):
            cancel_reason (CancelReason | None):
            cancel_note (None | str): Your words, if you cancelled it with a note.
     """

    meeting_id: UUID
    relationship_id: UUID
    status: str
    mode: str
    starts_at: datetime.datetime
    ends_at: datetime.datetime
    partstat: str
    responded_at: datetime.datetime | None
    cancel_reason: CancelReason | None
    cancel_note: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        meeting_id = str(self.meeting_id)

        relationship_id = str(self.relationship_id)

        status = self.status

        mode = self.mode

        starts_at = self.starts_at.isoformat()

        ends_at = self.ends_at.isoformat()

        partstat = self.partstat

        responded_at: None | str
        if isinstance(self.responded_at, datetime.datetime):
            responded_at = self.responded_at.isoformat()
        else:
            responded_at = self.responded_at

        cancel_reason: None | str
        if isinstance(self.cancel_reason, CancelReason):
            cancel_reason = self.cancel_reason.value
        else:
            cancel_reason = self.cancel_reason

        cancel_note: None | str
        cancel_note = self.cancel_note


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "meeting_id": meeting_id,
            "relationship_id": relationship_id,
            "status": status,
            "mode": mode,
            "starts_at": starts_at,
            "ends_at": ends_at,
            "partstat": partstat,
            "responded_at": responded_at,
            "cancel_reason": cancel_reason,
            "cancel_note": cancel_note,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        meeting_id = UUID(d.pop("meeting_id"))




        relationship_id = UUID(d.pop("relationship_id"))




        status = d.pop("status")

        mode = d.pop("mode")

        starts_at = datetime.datetime.fromisoformat(d.pop("starts_at"))




        ends_at = datetime.datetime.fromisoformat(d.pop("ends_at"))




        partstat = d.pop("partstat")

        def _parse_responded_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                responded_at_type_0 = datetime.datetime.fromisoformat(data)



                return responded_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        responded_at = _parse_responded_at(d.pop("responded_at"))


        def _parse_cancel_reason(data: object) -> CancelReason | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                cancel_reason_type_0 = CancelReason(data)



                return cancel_reason_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CancelReason | None, data)

        cancel_reason = _parse_cancel_reason(d.pop("cancel_reason"))


        def _parse_cancel_note(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        cancel_note = _parse_cancel_note(d.pop("cancel_note"))


        exported_meeting = cls(
            meeting_id=meeting_id,
            relationship_id=relationship_id,
            status=status,
            mode=mode,
            starts_at=starts_at,
            ends_at=ends_at,
            partstat=partstat,
            responded_at=responded_at,
            cancel_reason=cancel_reason,
            cancel_note=cancel_note,
        )


        exported_meeting.additional_properties = d
        return exported_meeting

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
