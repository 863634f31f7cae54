from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from tandem_web.clients.messaging.types import UNSET, Unset

from tandem_web.clients.messaging.models.agreement_public_status import AgreementPublicStatus
from tandem_web.clients.messaging.models.channel import Channel
from tandem_web.clients.messaging.types import UNSET, Unset
from typing import cast
from uuid import UUID

if TYPE_CHECKING:
  from tandem_web.clients.messaging.models.acceptance_public import AcceptancePublic
  from tandem_web.clients.messaging.models.party_public import PartyPublic





T = TypeVar("T", bound="AgreementPublic")



@_attrs_define
class AgreementPublic:
    """ 
        Attributes:
            channels (list[Channel]): Where the members communicate.
            response_time_hours (int): Expected time to answer a message.
            meeting_cadence_days (int): How often the members meet.
            confidentiality_statement (str):
            agreement_id (UUID):
            relationship_id (UUID):
            version (int):
            status (AgreementPublicStatus):
            accepted_version (int | None): The latest fully accepted version.
            proposed_by (None | PartyPublic): Null for the programme's template.
            acceptances (list[AcceptancePublic]):
            waiting_for (list[PartyPublic]):
            rules (list[str] | Unset): Free-text rules the members add.
     """

    channels: list[Channel]
    response_time_hours: int
    meeting_cadence_days: int
    confidentiality_statement: str
    agreement_id: UUID
    relationship_id: UUID
    version: int
    status: AgreementPublicStatus
    accepted_version: int | None
    proposed_by: None | PartyPublic
    acceptances: list[AcceptancePublic]
    waiting_for: list[PartyPublic]
    rules: list[str] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from tandem_web.clients.messaging.models.acceptance_public import AcceptancePublic # noqa: PLC0415
        from tandem_web.clients.messaging.models.party_public import PartyPublic # noqa: PLC0415
        channels = []
        for channels_item_data in self.channels:
            channels_item = channels_item_data.value
            channels.append(channels_item)



        response_time_hours = self.response_time_hours

        meeting_cadence_days = self.meeting_cadence_days

        confidentiality_statement = self.confidentiality_statement

        agreement_id = str(self.agreement_id)

        relationship_id = str(self.relationship_id)

        version = self.version

        status = self.status.value

        accepted_version: int | None
        accepted_version = self.accepted_version

        proposed_by: dict[str, Any] | None
        if isinstance(self.proposed_by, PartyPublic):
            proposed_by = self.proposed_by.to_dict()
        else:
            proposed_by = self.proposed_by

        acceptances = []
        for acceptances_item_data in self.acceptances:
            acceptances_item = acceptances_item_data.to_dict()
            acceptances.append(acceptances_item)



        waiting_for = []
        for waiting_for_item_data in self.waiting_for:
            waiting_for_item = waiting_for_item_data.to_dict()
            waiting_for.append(waiting_for_item)



        rules: list[str] | Unset = UNSET
        if not isinstance(self.rules, Unset):
            rules = self.rules




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "channels": channels,
            "response_time_hours": response_time_hours,
            "meeting_cadence_days": meeting_cadence_days,
            "confidentiality_statement": confidentiality_statement,
            "agreement_id": agreement_id,
            "relationship_id": relationship_id,
            "version": version,
            "status": status,
            "accepted_version": accepted_version,
            "proposed_by": proposed_by,
            "acceptances": acceptances,
            "waiting_for": waiting_for,
        })
        if rules is not UNSET:
            field_dict["rules"] = rules

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from tandem_web.clients.messaging.models.acceptance_public import AcceptancePublic # noqa: PLC0415
        from tandem_web.clients.messaging.models.party_public import PartyPublic # noqa: PLC0415
        d = dict(src_dict)
        channels = []
        _channels = d.pop("channels")
        for channels_item_data in (_channels):
            channels_item = Channel(channels_item_data)



            channels.append(channels_item)


        response_time_hours = d.pop("response_time_hours")

        meeting_cadence_days = d.pop("meeting_cadence_days")

        confidentiality_statement = d.pop("confidentiality_statement")

        agreement_id = UUID(d.pop("agreement_id"))




        relationship_id = UUID(d.pop("relationship_id"))




        version = d.pop("version")

        status = AgreementPublicStatus(d.pop("status"))




        def _parse_accepted_version(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        accepted_version = _parse_accepted_version(d.pop("accepted_version"))


        def _parse_proposed_by(data: object) -> None | PartyPublic:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                proposed_by_type_0 = PartyPublic.from_dict(data)



                return proposed_by_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PartyPublic, data)

        proposed_by = _parse_proposed_by(d.pop("proposed_by"))


        acceptances = []
        _acceptances = d.pop("acceptances")
        for acceptances_item_data in (_acceptances):
            acceptances_item = AcceptancePublic.from_dict(acceptances_item_data)



            acceptances.append(acceptances_item)


        waiting_for = []
        _waiting_for = d.pop("waiting_for")
        for waiting_for_item_data in (_waiting_for):
            waiting_for_item = PartyPublic.from_dict(waiting_for_item_data)



            waiting_for.append(waiting_for_item)


        rules = cast(list[str], d.pop("rules", UNSET))


        agreement_public = cls(
            channels=channels,
            response_time_hours=response_time_hours,
            meeting_cadence_days=meeting_cadence_days,
            confidentiality_statement=confidentiality_statement,
            agreement_id=agreement_id,
            relationship_id=relationship_id,
            version=version,
            status=status,
            accepted_version=accepted_version,
            proposed_by=proposed_by,
            acceptances=acceptances,
            waiting_for=waiting_for,
            rules=rules,
        )


        agreement_public.additional_properties = d
        return agreement_public

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
