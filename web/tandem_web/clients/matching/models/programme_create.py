from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from tandem_web.clients.matching.types import UNSET, Unset

from tandem_web.clients.matching.models.formats_offered import FormatsOffered
from tandem_web.clients.matching.types import UNSET, Unset
from typing import cast
from uuid import UUID
import datetime

if TYPE_CHECKING:
  from tandem_web.clients.matching.models.group_size import GroupSize
  from tandem_web.clients.matching.models.manager_contact import ManagerContact
  from tandem_web.clients.matching.models.matching_policy import MatchingPolicy
  from tandem_web.clients.matching.models.programme_create_mail_overrides import ProgrammeCreateMailOverrides





T = TypeVar("T", bound="ProgrammeCreate")



@_attrs_define
class ProgrammeCreate:
    """ 
        Attributes:
            organisation_id (UUID):
            name (str):
            countries (list[str]):
            languages (list[str]):
            starts_on (datetime.date):
            ends_on (datetime.date):
            time_zone (str): The programme's reference IANA time zone (e.g. Europe/Lisbon): its weeks, deadlines and digests
                are in it, and its end date ends at midnight there.
            formats (FormatsOffered | Unset):
            group_size (GroupSize | Unset):
            policy (MatchingPolicy | Unset): Which criteria are hard constraints, and how the others weigh.
            managers (list[ManagerContact] | Unset):
            mail_overrides (ProgrammeCreateMailOverrides | Unset): Replace any mail template per language: {template id:
                {language: {subject, text}}}. Template ids and their placeholders: tandem_contracts.mails (README, Languages). A
                language with no catalog needs an override of every template.
     """

    organisation_id: UUID
    name: str
    countries: list[str]
    languages: list[str]
    starts_on: datetime.date
    ends_on: datetime.date
    time_zone: str
    formats: FormatsOffered | Unset = UNSET
    group_size: GroupSize | Unset = UNSET
    policy: MatchingPolicy | Unset = UNSET
    managers: list[ManagerContact] | Unset = UNSET
    mail_overrides: ProgrammeCreateMailOverrides | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from tandem_web.clients.matching.models.group_size import GroupSize # noqa: PLC0415
        from tandem_web.clients.matching.models.manager_contact import ManagerContact # noqa: PLC0415
        from tandem_web.clients.matching.models.matching_policy import MatchingPolicy # noqa: PLC0415
        from tandem_web.clients.matching.models.programme_create_mail_overrides import ProgrammeCreateMailOverrides # noqa: PLC0415
        organisation_id = str(self.organisation_id)

        name = self.name

        countries = self.countries



        languages = self.languages



        starts_on = self.starts_on.isoformat()

        ends_on = self.ends_on.isoformat()

        time_zone = self.time_zone

        formats: str | Unset = UNSET
        if not isinstance(self.formats, Unset):
            formats = self.formats.value


        group_size: dict[str, Any] | Unset = UNSET
        if not isinstance(self.group_size, Unset):
            group_size = self.group_size.to_dict()

        policy: dict[str, Any] | Unset = UNSET
        if not isinstance(self.policy, Unset):
            policy = self.policy.to_dict()

        managers: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.managers, Unset):
            managers = []
            for managers_item_data in self.managers:
                managers_item = managers_item_data.to_dict()
                managers.append(managers_item)



        mail_overrides: dict[str, Any] | Unset = UNSET
        if not isinstance(self.mail_overrides, Unset):
            mail_overrides = self.mail_overrides.to_dict()


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "organisation_id": organisation_id,
            "name": name,
            "countries": countries,
            "languages": languages,
            "starts_on": starts_on,
            "ends_on": ends_on,
            "time_zone": time_zone,
        })
        if formats is not UNSET:
            field_dict["formats"] = formats
        if group_size is not UNSET:
            field_dict["group_size"] = group_size
        if policy is not UNSET:
            field_dict["policy"] = policy
        if managers is not UNSET:
            field_dict["managers"] = managers
        if mail_overrides is not UNSET:
            field_dict["mail_overrides"] = mail_overrides

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from tandem_web.clients.matching.models.group_size import GroupSize # noqa: PLC0415
        from tandem_web.clients.matching.models.manager_contact import ManagerContact # noqa: PLC0415
        from tandem_web.clients.matching.models.matching_policy import MatchingPolicy # noqa: PLC0415
        from tandem_web.clients.matching.models.programme_create_mail_overrides import ProgrammeCreateMailOverrides # noqa: PLC0415
        d = dict(src_dict)
        organisation_id = UUID(d.pop("organisation_id"))




        name = d.pop("name")

        countries = cast(list[str], d.pop("countries"))


        languages = cast(list[str], d.pop("languages"))


        starts_on = datetime.date.fromisoformat(d.pop("starts_on"))




        ends_on = datetime.date.fromisoformat(d.pop("ends_on"))




        time_zone = d.pop("time_zone")

        _formats = d.pop("formats", UNSET)
        formats: FormatsOffered | Unset
        if isinstance(_formats,  Unset):
            formats = UNSET
        else:
            formats = FormatsOffered(_formats)




        _group_size = d.pop("group_size", UNSET)
        group_size: GroupSize | Unset
        if isinstance(_group_size,  Unset):
            group_size = UNSET
        else:
            group_size = GroupSize.from_dict(_group_size)




        _policy = d.pop("policy", UNSET)
        policy: MatchingPolicy | Unset
        if isinstance(_policy,  Unset):
            policy = UNSET
        else:
            policy = MatchingPolicy.from_dict(_policy)




        _managers = d.pop("managers", UNSET)
        managers: list[ManagerContact] | Unset = UNSET
        if _managers is not UNSET:
            managers = []
            for managers_item_data in _managers:
                managers_item = ManagerContact.from_dict(managers_item_data)



                managers.append(managers_item)


        _mail_overrides = d.pop("mail_overrides", UNSET)
        mail_overrides: ProgrammeCreateMailOverrides | Unset
        if isinstance(_mail_overrides,  Unset):
            mail_overrides = UNSET
        else:
            mail_overrides = ProgrammeCreateMailOverrides.from_dict(_mail_overrides)




        programme_create = cls(
            organisation_id=organisation_id,
            name=name,
            countries=countries,
            languages=languages,
            starts_on=starts_on,
            ends_on=ends_on,
            time_zone=time_zone,
            formats=formats,
            group_size=group_size,
            policy=policy,
            managers=managers,
            mail_overrides=mail_overrides,
        )

        return programme_create

