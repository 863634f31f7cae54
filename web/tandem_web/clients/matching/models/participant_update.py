from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from tandem_web.clients.matching.types import UNSET, Unset

from tandem_web.clients.matching.models.format_preference import FormatPreference
from tandem_web.clients.matching.models.modality import Modality
from tandem_web.clients.matching.types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from tandem_web.clients.matching.models.window import Window





T = TypeVar("T", bound="ParticipantUpdate")



@_attrs_define
class ParticipantUpdate:
    """ Change some profile fields; fields left out keep their value, null clears optional ones.

        Attributes:
            display_name (None | str | Unset):
            email (None | str | Unset):
            preferred_language (None | str | Unset):
            country (None | str | Unset):
            time_zone (None | str | Unset):
            languages (list[str] | None | Unset):
            city (None | str | Unset):
            availability (list[Window] | None | Unset):
            sector (None | str | Unset):
            skills (list[str] | None | Unset):
            goals (list[str] | None | Unset):
            preferred_format (FormatPreference | None | Unset):
            modality (Modality | None | Unset):
            capacity (int | None | Unset):
            linkedin_url (None | str | Unset):
            linkedin_consent (bool | None | Unset):
     """

    display_name: None | str | Unset = UNSET
    email: None | str | Unset = UNSET
    preferred_language: None | str | Unset = UNSET
    country: None | str | Unset = UNSET
    time_zone: None | str | Unset = UNSET
    languages: list[str] | None | Unset = UNSET
    city: None | str | Unset = UNSET
    availability: list[Window] | None | Unset = UNSET
    sector: None | str | Unset = UNSET
    skills: list[str] | None | Unset = UNSET
    goals: list[str] | None | Unset = UNSET
    preferred_format: FormatPreference | None | Unset = UNSET
    modality: Modality | None | Unset = UNSET
    capacity: int | None | Unset = UNSET
    linkedin_url: None | str | Unset = UNSET
    linkedin_consent: bool | None | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from tandem_web.clients.matching.models.window import Window # noqa: PLC0415
        display_name: None | str | Unset
        if isinstance(self.display_name, Unset):
            display_name = UNSET
        else:
            display_name = self.display_name

        email: None | str | Unset
        if isinstance(self.email, Unset):
            email = UNSET
        else:
            email = self.email

        preferred_language: None | str | Unset
        if isinstance(self.preferred_language, Unset):
            preferred_language = UNSET
        else:
            preferred_language = self.preferred_language

        country: None | str | Unset
        if isinstance(self.country, Unset):
            country = UNSET
        else:
            country = self.country

        time_zone: None | str | Unset
        if isinstance(self.time_zone, Unset):
            time_zone = UNSET
        else:
            time_zone = self.time_zone

        languages: list[str] | None | Unset
        if isinstance(self.languages, Unset):
            languages = UNSET
        elif isinstance(self.languages, list):
            languages = self.languages


        else:
            languages = self.languages

        city: None | str | Unset
        if isinstance(self.city, Unset):
            city = UNSET
        else:
            city = self.city

        availability: list[dict[str, Any]] | None | Unset
        if isinstance(self.availability, Unset):
            availability = UNSET
        elif isinstance(self.availability, list):
            availability = []
            for availability_type_0_item_data in self.availability:
                availability_type_0_item = availability_type_0_item_data.to_dict()
                availability.append(availability_type_0_item)


        else:
            availability = self.availability

        sector: None | str | Unset
        if isinstance(self.sector, Unset):
            sector = UNSET
        else:
            sector = self.sector

        skills: list[str] | None | Unset
        if isinstance(self.skills, Unset):
            skills = UNSET
        elif isinstance(self.skills, list):
            skills = self.skills


        else:
            skills = self.skills

        goals: list[str] | None | Unset
        if isinstance(self.goals, Unset):
            goals = UNSET
        elif isinstance(self.goals, list):
            goals = self.goals


        else:
            goals = self.goals

        preferred_format: None | str | Unset
        if isinstance(self.preferred_format, Unset):
            preferred_format = UNSET
        elif isinstance(self.preferred_format, FormatPreference):
            preferred_format = self.preferred_format.value
        else:
            preferred_format = self.preferred_format

        modality: None | str | Unset
        if isinstance(self.modality, Unset):
            modality = UNSET
        elif isinstance(self.modality, Modality):
            modality = self.modality.value
        else:
            modality = self.modality

        capacity: int | None | Unset
        if isinstance(self.capacity, Unset):
            capacity = UNSET
        else:
            capacity = self.capacity

        linkedin_url: None | str | Unset
        if isinstance(self.linkedin_url, Unset):
            linkedin_url = UNSET
        else:
            linkedin_url = self.linkedin_url

        linkedin_consent: bool | None | Unset
        if isinstance(self.linkedin_consent, Unset):
            linkedin_consent = UNSET
        else:
            linkedin_consent = self.linkedin_consent


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if display_name is not UNSET:
            field_dict["display_name"] = display_name
        if email is not UNSET:
            field_dict["email"] = email
        if preferred_language is not UNSET:
            field_dict["preferred_language"] = preferred_language
        if country is not UNSET:
            field_dict["country"] = country
        if time_zone is not UNSET:
            field_dict["time_zone"] = time_zone
        if languages is not UNSET:
            field_dict["languages"] = languages
        if city is not UNSET:
            field_dict["city"] = city
        if availability is not UNSET:
            field_dict["availability"] = availability
        if sector is not UNSET:
            field_dict["sector"] = sector
        if skills is not UNSET:
            field_dict["skills"] = skills
        if goals is not UNSET:
            field_dict["goals"] = goals
        if preferred_format is not UNSET:
            field_dict["preferred_format"] = preferred_format
        if modality is not UNSET:
            field_dict["modality"] = modality
        if capacity is not UNSET:
            field_dict["capacity"] = capacity
        if linkedin_url is not UNSET:
            field_dict["linkedin_url"] = linkedin_url
        if linkedin_consent is not UNSET:
            field_dict["linkedin_consent"] = linkedin_consent

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from tandem_web.clients.matching.models.window import Window # noqa: PLC0415
        d = dict(src_dict)
        def _parse_display_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        display_name = _parse_display_name(d.pop("display_name", UNSET))


        def _parse_email(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        email = _parse_email(d.pop("email", UNSET))


        def _parse_preferred_language(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        preferred_language = _parse_preferred_language(d.pop("preferred_language", UNSET))


        def _parse_country(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        country = _parse_country(d.pop("country", UNSET))


        def _parse_time_zone(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        time_zone = _parse_time_zone(d.pop("time_zone", UNSET))


        def _parse_languages(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                languages_type_0 = cast(list[str], data)

                return languages_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        languages = _parse_languages(d.pop("languages", UNSET))


        def _parse_city(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        city = _parse_city(d.pop("city", UNSET))


        def _parse_availability(data: object) -> list[Window] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
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
            return cast(list[Window] | None | Unset, data)

        availability = _parse_availability(d.pop("availability", UNSET))


        def _parse_sector(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        sector = _parse_sector(d.pop("sector", UNSET))


        def _parse_skills(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                skills_type_0 = cast(list[str], data)

                return skills_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        skills = _parse_skills(d.pop("skills", UNSET))


        def _parse_goals(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                goals_type_0 = cast(list[str], data)

                return goals_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        goals = _parse_goals(d.pop("goals", UNSET))


        def _parse_preferred_format(data: object) -> FormatPreference | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                preferred_format_type_0 = FormatPreference(data)



                return preferred_format_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(FormatPreference | None | Unset, data)

        preferred_format = _parse_preferred_format(d.pop("preferred_format", UNSET))


        def _parse_modality(data: object) -> Modality | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                modality_type_0 = Modality(data)



                return modality_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Modality | None | Unset, data)

        modality = _parse_modality(d.pop("modality", UNSET))


        def _parse_capacity(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        capacity = _parse_capacity(d.pop("capacity", UNSET))


        def _parse_linkedin_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        linkedin_url = _parse_linkedin_url(d.pop("linkedin_url", UNSET))


        def _parse_linkedin_consent(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        linkedin_consent = _parse_linkedin_consent(d.pop("linkedin_consent", UNSET))


        participant_update = cls(
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
        )

        return participant_update

