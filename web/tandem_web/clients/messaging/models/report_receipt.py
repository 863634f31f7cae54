from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from tandem_web.clients.messaging.types import UNSET, Unset

from tandem_web.clients.messaging.models.report_status import ReportStatus
from typing import cast
from uuid import UUID
import datetime






T = TypeVar("T", bound="ReportReceipt")



@_attrs_define
class ReportReceipt:
    """ 
        Attributes:
            id (UUID):
            status (ReportStatus):
            includes_excerpt (bool):
            created_at (datetime.datetime):
     """

    id: UUID
    status: ReportStatus
    includes_excerpt: bool
    created_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        status = self.status.value

        includes_excerpt = self.includes_excerpt

        created_at = self.created_at.isoformat()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "status": status,
            "includes_excerpt": includes_excerpt,
            "created_at": created_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))




        status = ReportStatus(d.pop("status"))




        includes_excerpt = d.pop("includes_excerpt")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        report_receipt = cls(
            id=id,
            status=status,
            includes_excerpt=includes_excerpt,
            created_at=created_at,
        )


        report_receipt.additional_properties = d
        return report_receipt

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
