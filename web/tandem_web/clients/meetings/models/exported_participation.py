from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from tandem_web.clients.meetings.types import UNSET, Unset

from typing import cast
from uuid import UUID

if TYPE_CHECKING:
  from tandem_web.clients.meetings.models.calendar_source_public import CalendarSourcePublic
  from tandem_web.clients.meetings.models.exported_busy_interval import ExportedBusyInterval
  from tandem_web.clients.meetings.models.exported_contact import ExportedContact
  from tandem_web.clients.meetings.models.window_public import WindowPublic





T = TypeVar("T", bound="ExportedParticipation")



@_attrs_define
class ExportedParticipation:
    """ You as a participant of one programme: contact, availability, external calendar.

        Attributes:
            participant_id (UUID):
            programme_id (None | UUID):
            role (None | str):
            contact (ExportedContact | None):
            country (None | str): From your matching profile (meetings' copy).
            modality (None | str):
            profile_goals (list[str]): Your profile's goal tokens.
            profile_availability (list[WindowPublic]): Matching's copy.
            availability_override (list[WindowPublic] | None): The windows you set here instead; null when not set.
            calendar_source (CalendarSourcePublic | None): Its URL decrypted.
            busy_intervals (list[ExportedBusyInterval]): Read from your feed.
     """

    participant_id: UUID
    programme_id: None | UUID
    role: None | str
    contact: ExportedContact | None
    country: None | str
    modality: None | str
    profile_goals: list[str]
    profile_availability: list[WindowPublic]
    availability_override: list[WindowPublic] | None
    calendar_source: CalendarSourcePublic | None
    busy_intervals: list[ExportedBusyInterval]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from tandem_web.clients.meetings.models.calendar_source_public import CalendarSourcePublic # noqa: PLC0415
        from tandem_web.clients.meetings.models.exported_busy_interval import ExportedBusyInterval # noqa: PLC0415
        from tandem_web.clients.meetings.models.exported_contact import ExportedContact # noqa: PLC0415
        from tandem_web.clients.meetings.models.window_public import WindowPublic # noqa: PLC0415
        participant_id = str(self.participant_id)

        programme_id: None | str
        if isinstance(self.programme_id, UUID):
            programme_id = str(self.programme_id)
        else:
            programme_id = self.programme_id

        role: None | str
        role = self.role

        contact: dict[str, Any] | None
        if isinstance(self.contact, ExportedContact):
            contact = self.contact.to_dict()
        else:
            contact = self.contact

        country: None | str
        country = self.country

        modality: None | str
        modality = self.modality

        profile_goals = self.profile_goals



        profile_availability = []
        for profile_availability_item_data in self.profile_availability:
            profile_availability_item = profile_availability_item_data.to_dict()
            profile_availability.append(profile_availability_item)



        availability_override: list[dict[str, Any]] | None
        if isinstance(self.availability_override, list):
            availability_override = []
            for availability_override_type_0_item_data in self.availability_override:
                availability_override_type_0_item = availability_override_type_0_item_data.to_dict()
                availability_override.append(availability_override_type_0_item)


        else:
            availability_override = self.availability_override

        calendar_source: dict[str, Any] | None
        if isinstance(self.calendar_source, CalendarSourcePublic):
            calendar_source = self.calendar_source.to_dict()
        else:
            calendar_source = self.calendar_source

        busy_intervals = []
        for busy_intervals_item_data in self.busy_intervals:
            busy_intervals_item = busy_intervals_item_data.to_dict()
            busy_intervals.append(busy_intervals_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "participant_id": participant_id,
            "programme_id": programme_id,
            "role": role,
            "contact": contact,
            "country": country,
            "modality": modality,
            "profile_goals": profile_goals,
            "profile_availability": profile_availability,
            "availability_override": availability_override,
            "calendar_source": calendar_source,
            "busy_intervals": busy_intervals,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from tandem_web.clients.meetings.models.calendar_source_public import CalendarSourcePublic # noqa: PLC0415
        from tandem_web.clients.meetings.models.exported_busy_interval import ExportedBusyInterval # noqa: PLC0415
        from tandem_web.clients.meetings.models.exported_contact import ExportedContact # noqa: PLC0415
        from tandem_web.clients.meetings.models.window_public import WindowPublic # noqa: PLC0415
        d = dict(src_dict)
        participant_id = UUID(d.pop("participant_id"))




        def _parse_programme_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                programme_id_type_0 = UUID(data)



                return programme_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        programme_id = _parse_programme_id(d.pop("programme_id"))


        def _parse_role(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        role = _parse_role(d.pop("role"))


        def _parse_contact(data: object) -> ExportedContact | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                contact_type_0 = ExportedContact.from_dict(data)



                return contact_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ExportedContact | None, data)

        contact = _parse_contact(d.pop("contact"))


        def _parse_country(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        country = _parse_country(d.pop("country"))


        def _parse_modality(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        modality = _parse_modality(d.pop("modality"))


        profile_goals = cast(list[str], d.pop("profile_goals"))


        profile_availability = []
        _profile_availability = d.pop("profile_availability")
        for profile_availability_item_data in (_profile_availability):
            profile_availability_item = WindowPublic.from_dict(profile_availability_item_data)



            profile_availability.append(profile_availability_item)


        def _parse_availability_override(data: object) -> list[WindowPublic] | None:
            if data is None:
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                availability_override_type_0 = []
                _availability_override_type_0 = data
                for availability_override_type_0_item_data in (_availability_override_type_0):
                    availability_override_type_0_item = WindowPublic.from_dict(availability_override_type_0_item_data)



                    availability_override_type_0.append(availability_override_type_0_item)

                return availability_override_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[WindowPublic] | None, data)

        availability_override = _parse_availability_override(d.pop("availability_override"))


        def _parse_calendar_source(data: object) -> CalendarSourcePublic | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                calendar_source_type_0 = CalendarSourcePublic.from_dict(data)



                return calendar_source_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CalendarSourcePublic | None, data)

        calendar_source = _parse_calendar_source(d.pop("calendar_source"))


        busy_intervals = []
        _busy_intervals = d.pop("busy_intervals")
        for busy_intervals_item_data in (_busy_intervals):
            busy_intervals_item = ExportedBusyInterval.from_dict(busy_intervals_item_data)



            busy_intervals.append(busy_intervals_item)


        exported_participation = cls(
            participant_id=participant_id,
            programme_id=programme_id,
            role=role,
            contact=contact,
            country=country,
            modality=modality,
            profile_goals=profile_goals,
            profile_availability=profile_availability,
            availability_override=availability_override,
            calendar_source=calendar_source,
            busy_intervals=busy_intervals,
        )


        exported_participation.additional_properties = d
        return exported_participation

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
