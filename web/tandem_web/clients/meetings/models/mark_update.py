from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from tandem_web.clients.meetings.types import UNSET, Unset

from tandem_web.clients.meetings.models.presence import Presence
from uuid import UUID






T = TypeVar("T", bound="MarkUpdate")



@_attrs_define
class MarkUpdate:
    """ 
        Attributes:
            participant_id (UUID):
            presence (Presence):
     """

    participant_id: UUID
    presence: Presence





    def to_dict(self) -> dict[str, Any]:
        participant_id = str(self.participant_id)

        presence = self.presence.value


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "participant_id": participant_id,
            "presence": presence,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        participant_id = UUID(d.pop("participant_id"))




        presence = Presence(d.pop("presence"))




        mark_update = cls(
            participant_id=participant_id,
            presence=presence,
        )

        return mark_update

