from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from tandem_web.clients.meetings.types import UNSET, Unset

from tandem_web.clients.meetings.models.goal_state import GoalState
from uuid import UUID






T = TypeVar("T", bound="GoalStatePublic")



@_attrs_define
class GoalStatePublic:
    """ 
        Attributes:
            goal_id (UUID):
            state (GoalState):
            milestones_total (int):
            milestones_done (int):
     """

    goal_id: UUID
    state: GoalState
    milestones_total: int
    milestones_done: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        goal_id = str(self.goal_id)

        state = self.state.value

        milestones_total = self.milestones_total

        milestones_done = self.milestones_done


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "goal_id": goal_id,
            "state": state,
            "milestones_total": milestones_total,
            "milestones_done": milestones_done,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        goal_id = UUID(d.pop("goal_id"))




        state = GoalState(d.pop("state"))




        milestones_total = d.pop("milestones_total")

        milestones_done = d.pop("milestones_done")

        goal_state_public = cls(
            goal_id=goal_id,
            state=state,
            milestones_total=milestones_total,
            milestones_done=milestones_done,
        )


        goal_state_public.additional_properties = d
        return goal_state_public

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
