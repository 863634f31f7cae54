from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from tandem_web.clients.analytics.types import UNSET, Unset

from tandem_web.clients.analytics.models.kind import Kind
from typing import cast
from uuid import UUID
import datetime






T = TypeVar("T", bound="CheckInPublic")



@_attrs_define
class CheckInPublic:
    """ 
        Attributes:
            id (UUID):
            programme_id (UUID):
            relationship_id (None | UUID):
            round_ (str): pulse-<n>, midpoint or final
            kind (Kind):
            questions (list[str]):
            due_on (datetime.date):
            answered (list[str]): The questions answered so far (never the values).
            answered_at (datetime.datetime | None):
            open_until (datetime.datetime):
     """

    id: UUID
    programme_id: UUID
    relationship_id: None | UUID
    round_: str
    kind: Kind
    questions: list[str]
    due_on: datetime.date
    answered: list[str]
    answered_at: datetime.datetime | None
    open_until: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        programme_id = str(self.programme_id)

        relationship_id: None | str
        if isinstance(self.relationship_id, UUID):
            relationship_id = str(self.relationship_id)
        else:
            relationship_id = self.relationship_id

        round_ = self.round_

        kind = self.kind.value

        questions = self.questions



        due_on = self.due_on.isoformat()

        answered = self.answered



        answered_at: None | str
        if isinstance(self.answered_at, datetime.datetime):
            answered_at = self.answered_at.isoformat()
        else:
            answered_at = self.answered_at

        open_until = self.open_until.isoformat()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "programme_id": programme_id,
            "relationship_id": relationship_id,
            "round": round_,
            "kind": kind,
            "questions": questions,
            "due_on": due_on,
            "answered": answered,
            "answered_at": answered_at,
            "open_until": open_until,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))




        programme_id = UUID(d.pop("programme_id"))




        def _parse_relationship_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                relationship_id_type_0 = UUID(data)



                return relationship_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        relationship_id = _parse_relationship_id(d.pop("relationship_id"))


        round_ = d.pop("round")

        kind = Kind(d.pop("kind"))




        questions = cast(list[str], d.pop("questions"))


        due_on = datetime.date.fromisoformat(d.pop("due_on"))




        answered = cast(list[str], d.pop("answered"))


        def _parse_answered_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                answered_at_type_0 = datetime.datetime.fromisoformat(data)



                return answered_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        answered_at = _parse_answered_at(d.pop("answered_at"))


        open_until = datetime.datetime.fromisoformat(d.pop("open_until"))




        check_in_public = cls(
            id=id,
            programme_id=programme_id,
            relationship_id=relationship_id,
            round_=round_,
            kind=kind,
            questions=questions,
            due_on=due_on,
            answered=answered,
            answered_at=answered_at,
            open_until=open_until,
        )


        check_in_public.additional_properties = d
        return check_in_public

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
