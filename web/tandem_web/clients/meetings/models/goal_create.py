from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from tandem_web.clients.meetings.types import UNSET, Unset

from tandem_web.clients.meetings.types import UNSET, Unset
from typing import cast
import datetime

if TYPE_CHECKING:
  from tandem_web.clients.meetings.models.milestone_create import MilestoneCreate





T = TypeVar("T", bound="GoalCreate")



@_attrs_define
class GoalCreate:
    """ 
        Attributes:
            title (str):
            target_date (datetime.date | None | Unset):
            milestones (list[MilestoneCreate] | Unset):
     """

    title: str
    target_date: datetime.date | None | Unset = UNSET
    milestones: list[MilestoneCreate] | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from tandem_web.clients.meetings.models.milestone_create import MilestoneCreate # noqa: PLC0415
        title = self.title

        target_date: None | str | Unset
        if isinstance(self.target_date, Unset):
            target_date = UNSET
        elif isinstance(self.target_date, datetime.date):
            target_date = self.target_date.isoformat()
        else:
            target_date = self.target_date

        milestones: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.milestones, Unset):
            milestones = []
            for milestones_item_data in self.milestones:
                milestones_item = milestones_item_data.to_dict()
                milestones.append(milestones_item)




        field_dict: dict[str, Any] = {}

        field_dict.update({
            "title": title,
        })
        if target_date is not UNSET:
            field_dict["target_date"] = target_date
        if milestones is not UNSET:
            field_dict["milestones"] = milestones

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from tandem_web.clients.meetings.models.milestone_create import MilestoneCreate # noqa: PLC0415
        d = dict(src_dict)
        title = d.pop("title")

        def _parse_target_date(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                target_date_type_0 = datetime.date.fromisoformat(data)



                return target_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        target_date = _parse_target_date(d.pop("target_date", UNSET))


        _milestones = d.pop("milestones", UNSET)
        milestones: list[MilestoneCreate] | Unset = UNSET
        if _milestones is not UNSET:
            milestones = []
            for milestones_item_data in _milestones:
                milestones_item = MilestoneCreate.from_dict(milestones_item_data)



                milestones.append(milestones_item)


        goal_create = cls(
            title=title,
            target_date=target_date,
            milestones=milestones,
        )

        return goal_create

