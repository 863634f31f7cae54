from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from tandem_web.clients.matching.types import UNSET, Unset

from tandem_web.clients.matching.models.formats_offered import FormatsOffered
from typing import cast
from uuid import UUID
import datetime

if TYPE_CHECKING:
  from tandem_web.clients.matching.models.group_size import GroupSize
  from tandem_web.clients.matching.models.manager_contact import ManagerContact
  from tandem_web.clients.matching.models.matching_policy import MatchingPolicy
  from tandem_web.clients.matching.models.programme_public_mail_overrides import ProgrammePublicMailOverrides





T = TypeVar("T", bound="ProgrammePublic")



@_attrs_define
class ProgrammePublic:
    """ 
        Attributes:
            id (UUID):
            organisation_id (UUID):
            name (str):
            countries (list[str]):
            languages (list[str]):
            starts_on (datetime.date):
            ends_on (datetime.date):
            formats (FormatsOffered):
            group_size (GroupSize):
            policy (MatchingPolicy): Which criteria are hard constraints, and how the others weigh.
            managers (list[ManagerContact]):
            mail_overrides (ProgrammePublicMailOverrides):
            time_zone (str): The programme's reference IANA time zone.
            created_at (datetime.datetime):
            updated_at (datetime.datetime):
     """

    id: UUID
    organisation_id: UUID
    name: str
    countries: list[str]
    languages: list[str]
    starts_on: datetime.date
    ends_on: datetime.date
    formats: FormatsOffered
    group_size: GroupSize
    policy: MatchingPolicy
    managers: list[ManagerContact]
    mail_overrides: ProgrammePublicMailOverrides
    time_zone: str
    created_at: datetime.datetime
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from tandem_web.clients.matching.models.group_size import GroupSize # noqa: PLC0415
        from tandem_web.clients.matching.models.manager_contact import ManagerContact # noqa: PLC0415
        from tandem_web.clients.matching.models.matching_policy import MatchingPolicy # noqa: PLC0415
        from tandem_web.clients.matching.models.programme_public_mail_overrides import ProgrammePublicMailOverrides # noqa: PLC0415
        id = str(self.id)

        organisation_id = str(self.organisation_id)

        name = self.name

        countries = self.countries



        languages = self.languages



        starts_on = self.starts_on.isoformat()

        ends_on = self.ends_on.isoformat()

        formats = self.formats.value

        group_size = self.group_size.to_dict()

        policy = self.policy.to_dict()

        managers = []
        for managers_item_data in self.managers:
            managers_item = managers_item_data.to_dict()
            managers.append(managers_item)



        mail_overrides = self.mail_overrides.to_dict()

        time_zone = self.time_zone

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "organisation_id": organisation_id,
            "name": name,
            "countries": countries,
            "languages": languages,
            "starts_on": starts_on,
            "ends_on": ends_on,
            "formats": formats,
            "group_size": group_size,
            "policy": policy,
            "managers": managers,
            "mail_overrides": mail_overrides,
            "time_zone": time_zone,
            "created_at": created_at,
            "updated_at": updated_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from tandem_web.clients.matching.models.group_size import GroupSize # noqa: PLC0415
        from tandem_web.clients.matching.models.manager_contact import ManagerContact # noqa: PLC0415
        from tandem_web.clients.matching.models.matching_policy import MatchingPolicy # noqa: PLC0415
        from tandem_web.clients.matching.models.programme_public_mail_overrides import ProgrammePublicMailOverrides # noqa: PLC0415
        d = dict(src_dict)
        id = UUID(d.pop("id"))




        organisation_id = UUID(d.pop("organisation_id"))




        name = d.pop("name")

        countries = cast(list[str], d.pop("countries"))


        languages = cast(list[str], d.pop("languages"))


        starts_on = datetime.date.fromisoformat(d.pop("starts_on"))




        ends_on = datetime.date.fromisoformat(d.pop("ends_on"))




        formats = FormatsOffered(d.pop("formats"))




        group_size = GroupSize.from_dict(d.pop("group_size"))




        policy = MatchingPolicy.from_dict(d.pop("policy"))




        managers = []
        _managers = d.pop("managers")
        for managers_item_data in (_managers):
            managers_item = ManagerContact.from_dict(managers_item_data)



            managers.append(managers_item)


        mail_overrides = ProgrammePublicMailOverrides.from_dict(d.pop("mail_overrides"))




        time_zone = d.pop("time_zone")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))




        programme_public = cls(
            id=id,
            organisation_id=organisation_id,
            name=name,
            countries=countries,
            languages=languages,
            starts_on=starts_on,
            ends_on=ends_on,
            formats=formats,
            group_size=group_size,
            policy=policy,
            managers=managers,
            mail_overrides=mail_overrides,
            time_zone=time_zone,
            created_at=created_at,
            updated_at=updated_at,
        )


        programme_public.additional_properties = d
        return programme_public

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
