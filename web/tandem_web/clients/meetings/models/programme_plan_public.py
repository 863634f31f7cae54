from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from tandem_web.clients.meetings.types import UNSET, Unset

from typing import cast
from uuid import UUID
import datetime

if TYPE_CHECKING:
  from tandem_web.clients.meetings.models.activity_public import ActivityPublic
  from tandem_web.clients.meetings.models.policy_public import PolicyPublic





T = TypeVar("T", bound="ProgrammePlanPublic")



@_attrs_define
class ProgrammePlanPublic:
    """ 
        Attributes:
            programme_id (UUID):
            default (bool): True while the manager has set no plan of their own.
            activities (list[ActivityPublic]):
            policy (PolicyPublic):
            updated_at (datetime.datetime | None):
     """

    programme_id: UUID
    default: bool
    activities: list[ActivityPublic]
    policy: PolicyPublic
    updated_at: datetime.datetime | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from tandem_web.clients.meetings.models.activity_public import ActivityPublic # noqa: PLC0415
        from tandem_web.clients.meetings.models.policy_public import PolicyPublic # noqa: PLC0415
        programme_id = str(self.programme_id)

        default = self.default

        activities = []
        for activities_item_data in self.activities:
            activities_item = activities_item_data.to_dict()
            activities.append(activities_item)



        policy = self.policy.to_dict()

        updated_at: None | str
        if isinstance(self.updated_at, datetime.datetime):
            updated_at = self.updated_at.isoformat()
        else:
            updated_at = self.updated_at


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "programme_id": programme_id,
            "default": default,
            "activities": activities,
            "policy": policy,
            "updated_at": updated_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from tandem_web.clients.meetings.models.activity_public import ActivityPublic # noqa: PLC0415
        from tandem_web.clients.meetings.models.policy_public import PolicyPublic # noqa: PLC0415
        d = dict(src_dict)
        programme_id = UUID(d.pop("programme_id"))




        default = d.pop("default")

        activities = []
        _activities = d.pop("activities")
        for activities_item_data in (_activities):
            activities_item = ActivityPublic.from_dict(activities_item_data)



            activities.append(activities_item)


        policy = PolicyPublic.from_dict(d.pop("policy"))




        def _parse_updated_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                updated_at_type_0 = datetime.datetime.fromisoformat(data)



                return updated_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        updated_at = _parse_updated_at(d.pop("updated_at"))


        programme_plan_public = cls(
            programme_id=programme_id,
            default=default,
            activities=activities,
            policy=policy,
            updated_at=updated_at,
        )


        programme_plan_public.additional_properties = d
        return programme_plan_public

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
