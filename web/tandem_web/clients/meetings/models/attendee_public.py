from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from tandem_web.clients.meetings.types import UNSET, Unset

from tandem_web.clients.meetings.models.partstat import Partstat
from tandem_web.clients.meetings.models.role import Role
from typing import cast
from uuid import UUID
import datetime






T = TypeVar("T", bound="AttendeePublic")



@_attrs_define
class AttendeePublic:
    """ A member invited to the meeting, with the meeting's times on their own clock.

        Attributes:
            participant_id (None | UUID): None once the person was erased.
            role (Role):
            partstat (Partstat): An attendee's answer, as iCalendar's PARTSTAT names it (lower case).
            responded_at (datetime.datetime | None):
            time_zone (str): Their contact's IANA zone; UTC if unknown.
            starts_at_local (datetime.datetime):
            ends_at_local (datetime.datetime):
     """

    participant_id: None | UUID
    role: Role
    partstat: Partstat
    responded_at: datetime.datetime | None
    time_zone: str
    starts_at_local: datetime.datetime
    ends_at_local: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        participant_id: None | str
        if isinstance(self.participant_id, UUID):
            participant_id = str(self.participant_id)
        else:
            participant_id = self.participant_id

        role = self.role.value

        partstat = self.partstat.value

        responded_at: None | str
        if isinstance(self.responded_at, datetime.datetime):
            responded_at = self.responded_at.isoformat()
        else:
            responded_at = self.responded_at

        time_zone = self.time_zone

        starts_at_local = self.starts_at_local.isoformat()

        ends_at_local = self.ends_at_local.isoformat()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "participant_id": participant_id,
            "role": role,
            "partstat": partstat,
            "responded_at": responded_at,
            "time_zone": time_zone,
            "starts_at_local": starts_at_local,
            "ends_at_local": ends_at_local,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        def _parse_participant_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                participant_id_type_0 = UUID(data)



                return participant_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        participant_id = _parse_participant_id(d.pop("participant_id"))


        role = Role(d.pop("role"))




        partstat = Partstat(d.pop("partstat"))




        def _parse_responded_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                responded_at_type_0 = datetime.datetime.fromisoformat(data)



                return responded_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        responded_at = _parse_responded_at(d.pop("responded_at"))


        time_zone = d.pop("time_zone")

        starts_at_local = datetime.datetime.fromisoformat(d.pop("starts_at_local"))




        ends_at_local = datetime.datetime.fromisoformat(d.pop("ends_at_local"))




        attendee_public = cls(
            participant_id=participant_id,
            role=role,
            partstat=partstat,
            responded_at=responded_at,
            time_zone=time_zone,
            starts_at_local=starts_at_local,
            ends_at_local=ends_at_local,
        )


        attendee_public.additional_properties = d
        return attendee_public

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
