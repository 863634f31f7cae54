from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from tandem_web.clients.meetings.types import UNSET, Unset

from tandem_web.clients.meetings.models.cancel_reason import CancelReason
from tandem_web.clients.meetings.models.cancelled_by import CancelledBy
from typing import cast
import datetime






T = TypeVar("T", bound="CancellationPublic")



@_attrs_define
class CancellationPublic:
    """ 
        Attributes:
            reason (CancelReason): Why a meeting was cancelled: a code; the members' own words stay in meetings.
            cancelled_by (CancelledBy):
            cancelled_at (datetime.datetime):
            note (None | str): Members only.
     """

    reason: CancelReason
    cancelled_by: CancelledBy
    cancelled_at: datetime.datetime
    note: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        reason = self.reason.value

        cancelled_by = self.cancelled_by.value

        cancelled_at = self.cancelled_at.isoformat()

        note: None | str
        note = self.note


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "reason": reason,
            "cancelled_by": cancelled_by,
            "cancelled_at": cancelled_at,
            "note": note,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        reason = CancelReason(d.pop("reason"))




        cancelled_by = CancelledBy(d.pop("cancelled_by"))




        cancelled_at = datetime.datetime.fromisoformat(d.pop("cancelled_at"))




        def _parse_note(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        note = _parse_note(d.pop("note"))


        cancellation_public = cls(
            reason=reason,
            cancelled_by=cancelled_by,
            cancelled_at=cancelled_at,
            note=note,
        )


        cancellation_public.additional_properties = d
        return cancellation_public

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
