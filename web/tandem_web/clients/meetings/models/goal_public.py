from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from tandem_web.clients.meetings.types import UNSET, Unset

from tandem_web.clients.meetings.models.goal_state import GoalState
from typing import cast
from uuid import UUID
import datetime

if TYPE_CHECKING:
  from tandem_web.clients.meetings.models.milestone_public import MilestonePublic





T = TypeVar("T", bound="GoalPublic")



@_attrs_define
class GoalPublic:
    """ A goal as its relationship's members see it (managers see counts only).

        Attributes:
            id (UUID):
            relationship_id (UUID):
            token (None | str): The mentee's profile goal it started from (e.g. `cv`); null for a goal a member added.
            title (None | str): The members' words; null for a seeded goal not yet named.
            target_date (datetime.date | None):
            state (GoalState):
            milestones (list[MilestonePublic]):
            milestones_total (int):
            milestones_done (int):
            created_by (None | UUID): The member who added it; null when seeded.
            created_at (datetime.datetime):
            updated_at (datetime.datetime):
     """

    id: UUID
    relationship_id: UUID
    token: None | str
    title: None | str
    target_date: datetime.date | None
    state: GoalState
    milestones: list[MilestonePublic]
    milestones_total: int
    milestones_done: int
    created_by: None | UUID
    created_at: datetime.datetime
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from tandem_web.clients.meetings.models.milestone_public import MilestonePublic # noqa: PLC0415
        id = str(self.id)

        relationship_id = str(self.relationship_id)

        token: None | str
        token = self.token

        title: None | str
        title = self.title

        target_date: None | str
        if isinstance(self.target_date, datetime.date):
            target_date = self.target_date.isoformat()
        else:
            target_date = self.target_date

        state = self.state.value

        milestones = []
        for milestones_item_data in self.milestones:
            milestones_item = milestones_item_data.to_dict()
            milestones.append(milestones_item)



        milestones_total = self.milestones_total

        milestones_done = self.milestones_done

        created_by: None | str
        if isinstance(self.created_by, UUID):
            created_by = str(self.created_by)
        else:
            created_by = self.created_by

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "relationship_id": relationship_id,
            "token": token,
            "title": title,
            "target_date": target_date,
            "state": state,
            "milestones": milestones,
            "milestones_total": milestones_total,
            "milestones_done": milestones_done,
            "created_by": created_by,
            "created_at": created_at,
            "updated_at": updated_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from tandem_web.clients.meetings.models.milestone_public import MilestonePublic # noqa: PLC0415
        d = dict(src_dict)
        id = UUID(d.pop("id"))




        relationship_id = UUID(d.pop("relationship_id"))




        def _parse_token(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        token = _parse_token(d.pop("token"))


        def _parse_title(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        title = _parse_title(d.pop("title"))


        def _parse_target_date(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                target_date_type_0 = datetime.date.fromisoformat(data)



                return target_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        target_date = _parse_target_date(d.pop("target_date"))


        state = GoalState(d.pop("state"))




        milestones = []
        _milestones = d.pop("milestones")
        for milestones_item_data in (_milestones):
            milestones_item = MilestonePublic.from_dict(milestones_item_data)



            milestones.append(milestones_item)


        milestones_total = d.pop("milestones_total")

        milestones_done = d.pop("milestones_done")

        def _parse_created_by(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                created_by_type_0 = UUID(data)



                return created_by_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        created_by = _parse_created_by(d.pop("created_by"))


        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))




        goal_public = cls(
            id=id,
            relationship_id=relationship_id,
            token=token,
            title=title,
            target_date=target_date,
            state=state,
            milestones=milestones,
            milestones_total=milestones_total,
            milestones_done=milestones_done,
            created_by=created_by,
            created_at=created_at,
            updated_at=updated_at,
        )


        goal_public.additional_properties = d
        return goal_public

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
