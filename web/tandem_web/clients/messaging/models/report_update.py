from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from tandem_web.clients.messaging.types import UNSET, Unset

from tandem_web.clients.messaging.models.report_status import ReportStatus






T = TypeVar("T", bound="ReportUpdate")



@_attrs_define
class ReportUpdate:
    """ 
        Attributes:
            status (ReportStatus):
     """

    status: ReportStatus





    def to_dict(self) -> dict[str, Any]:
        status = self.status.value


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "status": status,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        status = ReportStatus(d.pop("status"))




        report_update = cls(
            status=status,
        )

        return report_update

