from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from tandem_web.clients.analytics.types import UNSET, Unset

from tandem_web.clients.analytics.models.stage import Stage
from tandem_web.clients.analytics.models.status import Status
from tandem_web.clients.analytics.types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="OutcomeInput")



@_attrs_define
class OutcomeInput:
    """ 
        Attributes:
            status (Status):
            stage (None | Stage | Unset): closure, month_3 or month_6; by default the latest whose date has come.
     """

    status: Status
    stage: None | Stage | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        status = self.status.value

        stage: None | str | Unset
        if isinstance(self.stage, Unset):
            stage = UNSET
        elif isinstance(self.stage, Stage):
            stage = self.stage.value
        else:
            stage = self.stage


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "status": status,
        })
        if stage is not UNSET:
            field_dict["stage"] = stage

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        status = Status(d.pop("status"))




        def _parse_stage(data: object) -> None | Stage | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                stage_type_0 = Stage(data)



                return stage_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Stage | Unset, data)

        stage = _parse_stage(d.pop("stage", UNSET))


        outcome_input = cls(
            status=status,
            stage=stage,
        )

        return outcome_input

