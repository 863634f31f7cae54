from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from tandem_web.clients.meetings.types import UNSET, Unset

from tandem_web.clients.meetings.types import UNSET, Unset
from typing import cast
import datetime






T = TypeVar("T", bound="MilestoneUpdate")



@_attrs_define
class MilestoneUpdate:
    """ 
        Attributes:
            title (None | str | Unset):
            due_date (datetime.date | None | Unset):
            done (bool | None | Unset):
     """

    title: None | str | Unset = UNSET
    due_date: datetime.date | None | Unset = UNSET
    done: bool | None | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        title: None | str | Unset
        if isinstance(self.title, Unset):
            title = UNSET
        else:
            title = self.title

        due_date: None | str | Unset
        if isinstance(self.due_date, Unset):
            due_date = UNSET
        elif isinstance(self.due_date, datetime.date):
            due_date = self.due_date.isoformat()
        else:
            due_date = self.due_date

        done: bool | None | Unset
        if isinstance(self.done, Unset):
            done = UNSET
        else:
            done = self.done


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if title is not UNSET:
            field_dict["title"] = title
        if due_date is not UNSET:
            field_dict["due_date"] = due_date
        if done is not UNSET:
            field_dict["done"] = done

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


        def _parse_due_date(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                due_date_type_0 = datetime.date.fromisoformat(data)



                return due_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        due_date = _parse_due_date(d.pop("due_date", UNSET))


        def _parse_done(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        done = _parse_done(d.pop("done", UNSET))


        milestone_update = cls(
            title=title,
            due_date=due_date,
            done=done,
        )

        return milestone_update

