from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from tandem_web.clients.messaging.types import UNSET, Unset

from tandem_web.clients.messaging.models.report_reason import ReportReason
from tandem_web.clients.messaging.types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="ReportCreate")



@_attrs_define
class ReportCreate:
    """ 
        Attributes:
            reason (ReportReason):
            note (None | str | Unset): Your words to the manager (optional).
            include_excerpt (bool | Unset): Send the reported text to the manager. Managers never read private conversations
                otherwise; without it they see only who, when and why. Default: False.
     """

    reason: ReportReason
    note: None | str | Unset = UNSET
    include_excerpt: bool | Unset = False





    def to_dict(self) -> dict[str, Any]:
        reason = self.reason.value

        note: None | str | Unset
        if isinstance(self.note, Unset):
            note = UNSET
        else:
            note = self.note

        include_excerpt = self.include_excerpt


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "reason": reason,
        })
        if note is not UNSET:
            field_dict["note"] = note
        if include_excerpt is not UNSET:
            field_dict["include_excerpt"] = include_excerpt

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        reason = ReportReason(d.pop("reason"))




        def _parse_note(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        note = _parse_note(d.pop("note", UNSET))


        include_excerpt = d.pop("include_excerpt", UNSET)

        report_create = cls(
            reason=reason,
            note=note,
            include_excerpt=include_excerpt,
        )

        return report_create

