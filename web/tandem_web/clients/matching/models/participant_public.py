from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from tandem_web.clients.matching.types import UNSET, Unset

from tandem_web.clients.matching.models.format_preference import FormatPreference
from tandem_web.clients.matching.models.modality import Modality
from tandem_web.clients.matching.models.participant_public_role import ParticipantPublicRole
from tandem_web.clients.matching.models.participant_public_status import ParticipantPublicStatus
from typing import cast
from uuid import UUID
import datetime

if TYPE_CHECKING:
  from tandem_web.clients.matching.models.window import Window





T = TypeVar("T", bound="ParticipantPublic")



@_attrs_define
class ParticipantPublic:
    """ A participant as the programme's managers see them — and as they see themselves.

        Attributes:
            id (UUID):
            programme_id (UUID):
            subject (None | str):
            role (ParticipantPublicRole):
            status (ParticipantPublicStatus):
            display_name (None | str):
            email (None | str):
            preferred_language (None | str):
            country (None | str):
            time_zone (None | str):
            languages (list[str] | None):
            city (None | str):
            availability (list[Window] | None):
            sector (None | str):
            skills (list[str] | None):
            goals (list[str] | None):
            preferred_format (FormatPreference | None):
            modality (Modality | None):
            capacity (int | None):
            linkedin_url (None | str):
            linkedin_consent (bool):
            waiting (bool): Active, in no proposed or active relationship, and not held out by an open or declined re-
                matching offer: a match run or a mentor request may match them.
            created_at (datetime.datetime):
            updated_at (datetime.datetime):
            withdrawn_at (datetime.datetime | None):
            erased_at (datetime.datetime | None):
     """

    id: UUID
    programme_id: UUID
    subject: None | str
    role: ParticipantPublicRole
    status: ParticipantPublicStatus
    display_name: None | str
    email: None | str
    preferred_language: None | str
    country: None | str
    time_zone: None | str
    languages: list[str] | None
    city: None | str
    availability: list[Window] | None
    sector: None | str
    skills: list[str] | None
    goals: list[str] | None
    preferred_format: FormatPreference | None
    modality: Modality | None
    capacity: int | None
    linkedin_url: None | str
    linkedin_consent: bool
    waiting: bool
    created_at: datetime.datetime
    updated_at: datetime.datetime
    withdrawn_at: datetime.datetime | None
    erased_at: datetime.datetime | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from tandem_web.clients.matching.models.window import Window # noqa: PLC0415
        id = str(self.id)

        programme_id = str(self.programme_id)

        subject: None | str
        subject = self.subject

        role = self.role.value

        status = self.status.value

        display_name: None | str
        display_name = self.display_name

        email: None | str
        email = self.email

        preferred_language: None | str
        preferred_language = self.preferred_language

        country: None | str
        country = self.country

        time_zone: None | str
        time_zone = self.time_zone

        languages: list[str] | None
        if isinstance(self.languages, list):
            languages = self.languages


        else:
            languages = self.languages

        city: None | str
        city = self.city

        availability: list[dict[str, Any]] | None
        if isinstance(self.availability, list):
            availability = []
            for availability_type_0_item_data in self.availability:
                availability_type_0_item = availability_type_0_item_data.to_dict()
                availability.append(availability_type_0_item)


        else:
            availability = self.availability

        sector: None | str
        sector = self.sector

        skills: list[str] | None
        if isinstance(self.skills, list):
            skills = self.skills


        else:
            skills = self.skills

        goals: list[str] | None
        if isinstance(self.goals, list):
            goals = self.goals


        else:
            goals = self.goals

        preferred_format: None | str
        if isinstance(self.preferred_format, FormatPreference):
            preferred_format = self.preferred_format.value
        else:
            preferred_format = self.preferred_format

        modality: None | str
        if isinstance(self.modality, Modality):
            modality = self.modality.value
        else:
            modality = self.modality

        capacity: int | None
        capacity = self.capacity

        linkedin_url: None | str
        linkedin_url = self.linkedin_url

        linkedin_consent = self.linkedin_consent

        waiting = self.waiting

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        withdrawn_at: None | str
        if isinstance(self.withdrawn_at, datetime.datetime):
            withdrawn_at = self.withdrawn_at.isoformat()
        else:
            withdrawn_at = self.withdrawn_at

        erased_at: None | str
        if isinstance(self.erased_at, datetime.datetime):
            erased_at = self.erased_at.isoformat()
        else:
            erased_at = self.erased_at


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "programme_id": programme_id,
            "subject": subject,
            "role": role,
            "status": status,
            "display_name": display_name,
            "email": email,
            "preferred_language": preferred_language,
            "country": country,
            "time_zone": time_zone,
            "languages": languages,
            "city": city,
            "availability": availability,
            "sector": sector,
            "skills": skills,
            "goals": goals,
            "preferred_format": preferred_format,
            "modality": modality,
            "capacity": capacity,
            "linkedin_url": linkedin_url,
            "linkedin_consent": linkedin_consent,
            "waiting": waiting,
            "created_at": created_at,
            "updated_at": updated_at,
            "withdrawn_at": withdrawn_at,
            "erased_at": erased_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from tandem_web.clients.matching.models.window import Window # noqa: PLC0415
        d = dict(src_dict)
        id = UUID(d.pop("id"))




        programme_id = UUID(d.pop("programme_id"))




        def _parse_subject(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        subject = _parse_subject(d.pop("subject"))


        role = ParticipantPublicRole(d.pop("role"))




        status = ParticipantPublicStatus(d.pop("status"))




        def _parse_display_name(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        display_name = _parse_display_name(d.pop("display_name"))


        def _parse_email(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        email = _parse_email(d.pop("email"))


        def _parse_preferred_language(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        preferred_language = _parse_preferred_language(d.pop("preferred_language"))


        def _parse_country(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        country = _parse_country(d.pop("country"))


        def _parse_time_zone(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        time_zone = _parse_time_zone(d.pop("time_zone"))


        def _parse_languages(data: object) -> list[str] | None:
            if data is None:
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                languages_type_0 = cast(list[str], data)

                return languages_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None, data)

        languages = _parse_languages(d.pop("languages"))


        def _parse_city(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        city = _parse_city(d.pop("city"))


        def _parse_availability(data: object) -> list[Window] | None:
            if data is None:
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                availability_type_0 = []
                _availability_type_0 = data
                for availability_type_0_item_data in (_availability_type_0):
                    availability_type_0_item = Window.from_dict(availability_type_0_item_data)



                    availability_type_0.append(availability_type_0_item)

                return availability_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[Window] | None, data)

        availability = _parse_availability(d.pop("availability"))


        def _parse_sector(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        sector = _parse_sector(d.pop("sector"))


        def _parse_skills(data: object) -> list[str] | None:
            if data is None:
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                skills_type_0 = cast(list[str], data)

                return skills_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None, data)

        skills = _parse_skills(d.pop("skills"))


        def _parse_goals(data: object) -> list[str] | None:
            if data is None:
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                goals_type_0 = cast(list[str], data)

                return goals_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None, data)

        goals = _parse_goals(d.pop("goals"))


        def _parse_preferred_format(data: object) -> FormatPreference | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                preferred_format_type_0 = FormatPreference(data)



                return preferred_format_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(FormatPreference | None, data)

        preferred_format = _parse_preferred_format(d.pop("preferred_format"))


        def _parse_modality(data: object) -> Modality | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                modality_type_0 = Modality(data)



                return modality_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Modality | None, data)

        modality = _parse_modality(d.pop("modality"))


        def _parse_capacity(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        capacity = _parse_capacity(d.pop("capacity"))


        def _parse_linkedin_url(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        linkedin_url = _parse_linkedin_url(d.pop("linkedin_url"))


        linkedin_consent = d.pop("linkedin_consent")

        waiting = d.pop("waiting")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))




        def _parse_withdrawn_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                withdrawn_at_type_0 = datetime.datetime.fromisoformat(data)



                return withdrawn_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        withdrawn_at = _parse_withdrawn_at(d.pop("withdrawn_at"))


        def _parse_erased_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                erased_at_type_0 = datetime.datetime.fromisoformat(data)



                return erased_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        erased_at = _parse_erased_at(d.pop("erased_at"))


        participant_public = cls(
            id=id,
            programme_id=programme_id,
            subject=subject,
            role=role,
            status=status,
            display_name=display_name,
            email=email,
            preferred_language=preferred_language,
            country=country,
            time_zone=time_zone,
            languages=languages,
            city=city,
            availability=availability,
            sector=sector,
            skills=skills,
            goals=goals,
            preferred_format=preferred_format,
            modality=modality,
            capacity=capacity,
            linkedin_url=linkedin_url,
            linkedin_consent=linkedin_consent,
            waiting=waiting,
            created_at=created_at,
            updated_at=updated_at,
            withdrawn_at=withdrawn_at,
            erased_at=erased_at,
        )


        participant_public.additional_properties = d
        return participant_public

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
