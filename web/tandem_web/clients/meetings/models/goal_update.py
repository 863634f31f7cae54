from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from tandem_web.clients.meetings.types import UNSET, Unset

from tandem_web.clients.meetings.models.goal_state import GoalState
from tandem_web.clients.meetings.types import UNSET, Unset
from typing import cast
import datetime






T = TypeVar("T", bound="GoalUpdate")



@_attrs_define
class GoalUpdate:
    """ Any of the title, the target date (null clears it) and the state.

        Attributes:
            title (None | str | Unset):
            target_date (datetime.date | None | Unset):
            state (GoalState | None | Unset): open → in_progress → done, or to dropped; done and dropped are final.
     """

    title: None | str | Unset = UNSET
    target_date: datetime.date | None | Unset = UNSET
    state: GoalState | None | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        title: None | str | Unset
        if isinstance(self.title, Unset):
            title = UNSET
        else:
            title = self.title

        target_date: None | str | Unset
        if isinstance(self.target_date, Unset):
            target_date = UNSET
        elif isinstance(self.target_date, datetime.date):
            target_date = self.target_date.isoformat()
        else:
            target_date = self.target_date

        state: None | str | Unset
        if isinstance(self.state, Unset):
            state = UNSET
        elif isinstance(self.state, GoalState):
            state = self.state.value
        else:
            state = self.state


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if title is not UNSET:
            field_dict["title"] = title
        if target_date is not UNSET:
            field_dict["target_date"] = target_date
        if state is not UNSET:
            field_dict["state"] = state

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        def _parse_title(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        title = _parse_title(d.pop("title", UNSET))


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


        def _parse_state(data: object) -> GoalState | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                state_type_0 = GoalState(data)



                return state_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(GoalState | None | Unset, data)

        state = _parse_state(d.pop("state", UNSET))


        goal_update = cls(
            title=title,
            target_date=target_date,
            state=state,
        )

        return goal_update

