from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from tandem_web.clients.messaging.types import UNSET, Unset

from tandem_web.clients.messaging.models.channel import Channel
from tandem_web.clients.messaging.types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="AgreementTemplateUpdate")



@_attrs_define
class AgreementTemplateUpdate:
    """ 
        Attributes:
            channels (list[Channel]): Where the members communicate.
            response_time_hours (int): Expected time to answer a message.
            meeting_cadence_days (int): How often the members meet.
            confidentiality_statement (str):
            rules (list[str] | Unset): Free-text rules the members add.
     """

    channels: list[Channel]
    response_time_hours: int
    meeting_cadence_days: int
    confidentiality_statement: str
    rules: list[str] | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        channels = []
        for channels_item_data in self.channels:
            channels_item = channels_item_data.value
            channels.append(channels_item)



        response_time_hours = self.response_time_hours

        meeting_cadence_days = self.meeting_cadence_days

        confidentiality_statement = self.confidentiality_statement

        rules: list[str] | Unset = UNSET
        if not isinstance(self.rules, Unset):
            rules = self.rules




        field_dict: dict[str, Any] = {}

        field_dict.update({
            "channels": channels,
            "response_time_hours": response_time_hours,
            "meeting_cadence_days": meeting_cadence_days,
            "confidentiality_statement": confidentiality_statement,
        })
        if rules is not UNSET:
            field_dict["rules"] = rules

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        channels = []
        _channels = d.pop("channels")
        for channels_item_data in (_channels):
            channels_item = Channel(channels_item_data)



            channels.append(channels_item)


        response_time_hours = d.pop("response_time_hours")

        meeting_cadence_days = d.pop("meeting_cadence_days")

        confidentiality_statement = d.pop("confidentiality_statement")

        rules = cast(list[str], d.pop("rules", UNSET))


        agreement_template_update = cls(
            channels=channels,
            response_time_hours=response_time_hours,
            meeting_cadence_days=meeting_cadence_days,
            confidentiality_statement=confidentiality_statement,
            rules=rules,
        )

        return agreement_template_update

