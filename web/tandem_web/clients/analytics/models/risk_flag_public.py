from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from tandem_web.clients.analytics.types import UNSET, Unset

from tandem_web.clients.analytics.models.cleared_by import ClearedBy
from tandem_web.clients.analytics.models.risk_source import RiskSource
from typing import cast
from uuid import UUID
import datetime

if TYPE_CHECKING:
  from tandem_web.clients.analytics.models.risk_reason_public import RiskReasonPublic





T = TypeVar("T", bound="RiskFlagPublic")



@_attrs_define
class RiskFlagPublic:
    """ 
        Attributes:
            id (UUID):
            relationship_id (UUID):
            source (RiskSource):
            reasons (list[RiskReasonPublic]):
            raised_at (datetime.datetime):
            cleared_at (datetime.datetime | None):
            cleared_by (ClearedBy | None):
            dismissal_reason (None | str):
            language (str): The language of the texts.
     """

    id: UUID
    relationship_id: UUID
    source: RiskSource
    reasons: list[RiskReasonPublic]
    raised_at: datetime.datetime
    cleared_at: datetime.datetime | None
    cleared_by: ClearedBy | None
    dismissal_reason: None | str
    language: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from tandem_web.clients.analytics.models.risk_reason_public import RiskReasonPublic # noqa: PLC0415
        id = str(self.id)

        relationship_id = str(self.relationship_id)

        source = self.source.value

        reasons = []
        for reasons_item_data in self.reasons:
            reasons_item = reasons_item_data.to_dict()
            reasons.append(reasons_item)



        raised_at = self.raised_at.isoformat()

        cleared_at: None | str
        if isinstance(self.cleared_at, datetime.datetime):
            cleared_at = self.cleared_at.isoformat()
        else:
            cleared_at = self.cleared_at

        cleared_by: None | str
        if isinstance(self.cleared_by, ClearedBy):
            cleared_by = self.cleared_by.value
        else:
            cleared_by = self.cleared_by

        dismissal_reason: None | str
        dismissal_reason = self.dismissal_reason

        language = self.language


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "relationship_id": relationship_id,
            "source": source,
            "reasons": reasons,
            "raised_at": raised_at,
            "cleared_at": cleared_at,
            "cleared_by": cleared_by,
            "dismissal_reason": dismissal_reason,
            "language": language,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from tandem_web.clients.analytics.models.risk_reason_public import RiskReasonPublic # noqa: PLC0415
        d = dict(src_dict)
        id = UUID(d.pop("id"))




        relationship_id = UUID(d.pop("relationship_id"))




        source = RiskSource(d.pop("source"))




        reasons = []
        _reasons = d.pop("reasons")
        for reasons_item_data in (_reasons):
            reasons_item = RiskReasonPublic.from_dict(reasons_item_data)



            reasons.append(reasons_item)


        raised_at = datetime.datetime.fromisoformat(d.pop("raised_at"))




        def _parse_cleared_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                cleared_at_type_0 = datetime.datetime.fromisoformat(data)



                return cleared_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        cleared_at = _parse_cleared_at(d.pop("cleared_at"))


        def _parse_cleared_by(data: object) -> ClearedBy | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                cleared_by_type_0 = ClearedBy(data)



                return cleared_by_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ClearedBy | None, data)

        cleared_by = _parse_cleared_by(d.pop("cleared_by"))


        def _parse_dismissal_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        dismissal_reason = _parse_dismissal_reason(d.pop("dismissal_reason"))


        language = d.pop("language")

        risk_flag_public = cls(
            id=id,
            relationship_id=relationship_id,
            source=source,
            reasons=reasons,
            raised_at=raised_at,
            cleared_at=cleared_at,
            cleared_by=cleared_by,
            dismissal_reason=dismissal_reason,
            language=language,
        )


        risk_flag_public.additional_properties = d
        return risk_flag_public

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
