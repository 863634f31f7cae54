from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from tandem_web.clients.matching.types import UNSET, Unset

from tandem_web.clients.matching.types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from tandem_web.clients.matching.models.matching_policy import MatchingPolicy
  from tandem_web.clients.matching.models.programme_update_mail_overrides_type_0 import ProgrammeUpdateMailOverridesType0





T = TypeVar("T", bound="ProgrammeUpdate")



@_attrs_define
class ProgrammeUpdate:
    """ Rename a programme or change how it matches (applies to the next run).

        Attributes:
            name (None | str | Unset):
            policy (MatchingPolicy | None | Unset):
            mail_overrides (None | ProgrammeUpdateMailOverridesType0 | Unset): Replace any mail template per language:
                {template id: {language: {subject, text}}}. Template ids and their placeholders: tandem_contracts.mails (README,
                Languages). A language with no catalog needs an override of every template. Replaces the whole set; {} removes
                them.
            time_zone (None | str | Unset): A new reference IANA time zone (announced to every service).
     """

    name: None | str | Unset = UNSET
    policy: MatchingPolicy | None | Unset = UNSET
    mail_overrides: None | ProgrammeUpdateMailOverridesType0 | Unset = UNSET
    time_zone: None | str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from tandem_web.clients.matching.models.matching_policy import MatchingPolicy # noqa: PLC0415
        from tandem_web.clients.matching.models.programme_update_mail_overrides_type_0 import ProgrammeUpdateMailOverridesType0 # noqa: PLC0415
        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        policy: dict[str, Any] | None | Unset
        if isinstance(self.policy, Unset):
            policy = UNSET
        elif isinstance(self.policy, MatchingPolicy):
            policy = self.policy.to_dict()
        else:
            policy = self.policy

        mail_overrides: dict[str, Any] | None | Unset
        if isinstance(self.mail_overrides, Unset):
            mail_overrides = UNSET
        elif isinstance(self.mail_overrides, ProgrammeUpdateMailOverridesType0):
            mail_overrides = self.mail_overrides.to_dict()
        else:
            mail_overrides = self.mail_overrides

        time_zone: None | str | Unset
        if isinstance(self.time_zone, Unset):
            time_zone = UNSET
        else:
            time_zone = self.time_zone


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if name is not UNSET:
            field_dict["name"] = name
        if policy is not UNSET:
            field_dict["policy"] = policy
        if mail_overrides is not UNSET:
            field_dict["mail_overrides"] = mail_overrides
        if time_zone is not UNSET:
            field_dict["time_zone"] = time_zone

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from tandem_web.clients.matching.models.matching_policy import MatchingPolicy # noqa: PLC0415
        from tandem_web.clients.matching.models.programme_update_mail_overrides_type_0 import ProgrammeUpdateMailOverridesType0 # noqa: PLC0415
        d = dict(src_dict)
        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))


        def _parse_policy(data: object) -> MatchingPolicy | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                policy_type_0 = MatchingPolicy.from_dict(data)



                return policy_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(MatchingPolicy | None | Unset, data)

        policy = _parse_policy(d.pop("policy", UNSET))


        def _parse_mail_overrides(data: object) -> None | ProgrammeUpdateMailOverridesType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                mail_overrides_type_0 = ProgrammeUpdateMailOverridesType0.from_dict(data)



                return mail_overrides_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ProgrammeUpdateMailOverridesType0 | Unset, data)

        mail_overrides = _parse_mail_overrides(d.pop("mail_overrides", UNSET))


        def _parse_time_zone(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        time_zone = _parse_time_zone(d.pop("time_zone", UNSET))


        programme_update = cls(
            name=name,
            policy=policy,
            mail_overrides=mail_overrides,
            time_zone=time_zone,
        )

        return programme_update

