from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from tandem_web.clients.analytics.types import UNSET, Unset

from tandem_web.clients.analytics.models.risk_reason_code import RiskReasonCode
from tandem_web.clients.analytics.models.suggested_action import SuggestedAction
from typing import cast
from uuid import UUID






T = TypeVar("T", bound="RiskReasonPublic")



@_attrs_define
class RiskReasonPublic:
    """ 
        Attributes:
            code (RiskReasonCode): Why a relationship is at risk: one code per rule, one per model feature family.
            value (float | None): The figure: days, hours or a count (see `text`).
            threshold (float | None):
            participant_id (None | UUID): The member it is about, if one.
            action (SuggestedAction): What the manager could do about a reason (messaging words it).
            text (str): The reason in plain words, in the reader's language.
            action_text (str): What the manager could do, likewise.
     """

    code: RiskReasonCode
    value: float | None
    threshold: float | None
    participant_id: None | UUID
    action: SuggestedAction
    text: str
    action_text: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        code = self.code.value

        value: float | None
        value = self.value

        threshold: float | None
        threshold = self.threshold

        participant_id: None | str
        if isinstance(self.participant_id, UUID):
            participant_id = str(self.participant_id)
        else:
            participant_id = self.participant_id

        action = self.action.value

        text = self.text

        action_text = self.action_text


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "code": code,
            "value": value,
            "threshold": threshold,
            "participant_id": participant_id,
            "action": action,
            "text": text,
            "action_text": action_text,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        code = RiskReasonCode(d.pop("code"))




        def _parse_value(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        value = _parse_value(d.pop("value"))


        def _parse_threshold(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        threshold = _parse_threshold(d.pop("threshold"))


        def _parse_participant_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                participant_id_type_0 = UUID(data)



                return participant_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        participant_id = _parse_participant_id(d.pop("participant_id"))


        action = SuggestedAction(d.pop("action"))




        text = d.pop("text")

        action_text = d.pop("action_text")

        risk_reason_public = cls(
            code=code,
            value=value,
            threshold=threshold,
            participant_id=participant_id,
            action=action,
            text=text,
            action_text=action_text,
        )


        risk_reason_public.additional_properties = d
        return risk_reason_public

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
