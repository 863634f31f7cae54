from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from tandem_web.clients.meetings.types import UNSET, Unset

from typing import cast
from uuid import UUID

if TYPE_CHECKING:
  from tandem_web.clients.meetings.models.goal_counts_public import GoalCountsPublic
  from tandem_web.clients.meetings.models.goal_state_public import GoalStatePublic
  from tandem_web.clients.meetings.models.meeting_counts_public import MeetingCountsPublic





T = TypeVar("T", bound="RelationshipFiguresPublic")



@_attrs_define
class RelationshipFiguresPublic:
    """ One relationship as its programme's manager sees it (and its members, when they
    ask what the manager sees about them).

        Attributes:
            relationship_id (UUID):
            programme_id (UUID):
            status (str):
            meetings (MeetingCountsPublic):
            goals (GoalCountsPublic):
            goal_states (list[GoalStatePublic]):
     """

    relationship_id: UUID
    programme_id: UUID
    status: str
    meetings: MeetingCountsPublic
    goals: GoalCountsPublic
    goal_states: list[GoalStatePublic]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from tandem_web.clients.meetings.models.goal_counts_public import GoalCountsPublic # noqa: PLC0415
        from tandem_web.clients.meetings.models.goal_state_public import GoalStatePublic # noqa: PLC0415
        from tandem_web.clients.meetings.models.meeting_counts_public import MeetingCountsPublic # noqa: PLC0415
        relationship_id = str(self.relationship_id)

        programme_id = str(self.programme_id)

        status = self.status

        meetings = self.meetings.to_dict()

        goals = self.goals.to_dict()

        goal_states = []
        for goal_states_item_data in self.goal_states:
            goal_states_item = goal_states_item_data.to_dict()
            goal_states.append(goal_states_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "relationship_id": relationship_id,
            "programme_id": programme_id,
            "status": status,
            "meetings": meetings,
            "goals": goals,
            "goal_states": goal_states,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from tandem_web.clients.meetings.models.goal_counts_public import GoalCountsPublic # noqa: PLC0415
        from tandem_web.clients.meetings.models.goal_state_public import GoalStatePublic # noqa: PLC0415
        from tandem_web.clients.meetings.models.meeting_counts_public import MeetingCountsPublic # noqa: PLC0415
        d = dict(src_dict)
        relationship_id = UUID(d.pop("relationship_id"))




        programme_id = UUID(d.pop("programme_id"))




        status = d.pop("status")

        meetings = MeetingCountsPublic.from_dict(d.pop("meetings"))




        goals = GoalCountsPublic.from_dict(d.pop("goals"))




        goal_states = []
        _goal_states = d.pop("goal_states")
        for goal_states_item_data in (_goal_states):
            goal_states_item = GoalStatePublic.from_dict(goal_states_item_data)



            goal_states.append(goal_states_item)


        relationship_figures_public = cls(
            relationship_id=relationship_id,
            programme_id=programme_id,
            status=status,
            meetings=meetings,
            goals=goals,
            goal_states=goal_states,
        )


        relationship_figures_public.additional_properties = d
        return relationship_figures_public

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
