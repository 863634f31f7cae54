from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from tandem_web.clients.analytics.types import UNSET, Unset

from tandem_web.clients.analytics.models.stage import Stage
from tandem_web.clients.analytics.models.status import Status
from typing import cast
from uuid import UUID
import datetime






T = TypeVar("T", bound="OutcomePublic")



@_attrs_define
class OutcomePublic:
    """ 
        Attributes:
            relationship_id (UUID):
            stage (Stage):
            due_on (datetime.date):
            status (Status):
            recorded_at (datetime.datetime):
     """

    relationship_id: UUID
    stage: Stage
    due_on: datetime.date
    status: Status
    recorded_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        relationship_id = str(self.relationship_id)

        stage = self.stage.value

        due_on = self.due_on.isoformat()

        status = self.status.value

        recorded_at = self.recorded_at.isoformat()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "relationship_id": relationship_id,
            "stage": stage,
            "due_on": due_on,
            "status": status,
            "recorded_at": recorded_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        relationship_id = UUID(d.pop("relationship_id"))




        stage = Stage(d.pop("stage"))




        due_on = datetime.date.fromisoformat(d.pop("due_on"))




        status = Status(d.pop("status"))




        recorded_at = datetime.datetime.fromisoformat(d.pop("recorded_at"))




        outcome_public = cls(
            relationship_id=relationship_id,
            stage=stage,
            due_on=due_on,
            status=status,
            recorded_at=recorded_at,
        )


        outcome_public.additional_properties = d
        return outcome_public

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
