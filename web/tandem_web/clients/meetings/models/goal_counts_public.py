from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from tandem_web.clients.meetings.types import UNSET, Unset







T = TypeVar("T", bound="GoalCountsPublic")



@_attrs_define
class GoalCountsPublic:
    """ 
        Attributes:
            total (int): Dropped goals excluded.
            done (int):
            in_progress (int):
            open_ (int):
            dropped (int):
            summary (str):
     """

    total: int
    done: int
    in_progress: int
    open_: int
    dropped: int
    summary: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        total = self.total

        done = self.done

        in_progress = self.in_progress

        open_ = self.open_

        dropped = self.dropped

        summary = self.summary


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "total": total,
            "done": done,
            "in_progress": in_progress,
            "open": open_,
            "dropped": dropped,
            "summary": summary,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        total = d.pop("total")

        done = d.pop("done")

        in_progress = d.pop("in_progress")

        open_ = d.pop("open")

        dropped = d.pop("dropped")

        summary = d.pop("summary")

        goal_counts_public = cls(
            total=total,
            done=done,
            in_progress=in_progress,
            open_=open_,
            dropped=dropped,
            summary=summary,
        )


        goal_counts_public.additional_properties = d
        return goal_counts_public

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
