from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from tandem_web.clients.meetings.types import UNSET, Unset

from tandem_web.clients.meetings.types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from tandem_web.clients.meetings.models.activity_input import ActivityInput
  from tandem_web.clients.meetings.models.policy_input import PolicyInput





T = TypeVar("T", bound="PlanUpdate")



@_attrs_define
class PlanUpdate:
    """ The whole plan: it replaces the one before (running relationships keep theirs).

        Attributes:
            activities (list[ActivityInput]):
            policy (PolicyInput | Unset):
     """

    activities: list[ActivityInput]
    policy: PolicyInput | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from tandem_web.clients.meetings.models.activity_input import ActivityInput # noqa: PLC0415
        from tandem_web.clients.meetings.models.policy_input import PolicyInput # noqa: PLC0415
        activities = []
        for activities_item_data in self.activities:
            activities_item = activities_item_data.to_dict()
            activities.append(activities_item)



        policy: dict[str, Any] | Unset = UNSET
        if not isinstance(self.policy, Unset):
            policy = self.policy.to_dict()


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "activities": activities,
        })
        if policy is not UNSET:
            field_dict["policy"] = policy

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from tandem_web.clients.meetings.models.activity_input import ActivityInput # noqa: PLC0415
        from tandem_web.clients.meetings.models.policy_input import PolicyInput # noqa: PLC0415
        d = dict(src_dict)
        activities = []
        _activities = d.pop("activities")
        for activities_item_data in (_activities):
            activities_item = ActivityInput.from_dict(activities_item_data)



            activities.append(activities_item)


        _policy = d.pop("policy", UNSET)
        policy: PolicyInput | Unset
        if isinstance(_policy,  Unset):
            policy = UNSET
        else:
            policy = PolicyInput.from_dict(_policy)




        plan_update = cls(
            activities=activities,
            policy=policy,
        )

        return plan_update

