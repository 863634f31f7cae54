from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from tandem_web.clients.analytics.types import UNSET, Unset

from typing import cast
from uuid import UUID
import datetime

if TYPE_CHECKING:
  from tandem_web.clients.analytics.models.relationship_stats_public import RelationshipStatsPublic





T = TypeVar("T", bound="ParticipantViewPublic")



@_attrs_define
class ParticipantViewPublic:
    """ 
        Attributes:
            participant_id (UUID):
            programme_id (UUID):
            isolated (bool): Whether the programme's dashboard lists you as isolated.
            isolation_days (int):
            last_contact_at (datetime.datetime | None):
            last_meeting_at (datetime.datetime | None):
            ever_posted (bool):
            relationships (list[RelationshipStatsPublic]): Each of your relationships exactly as the manager's statistics
                show it.
            check_in_answers_named (bool): The programme's consent lets its managers see your check-in answers with your
                name (else they see only figures of groups of five or more).
     """

    participant_id: UUID
    programme_id: UUID
    isolated: bool
    isolation_days: int
    last_contact_at: datetime.datetime | None
    last_meeting_at: datetime.datetime | None
    ever_posted: bool
    relationships: list[RelationshipStatsPublic]
    check_in_answers_named: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from tandem_web.clients.analytics.models.relationship_stats_public import RelationshipStatsPublic # noqa: PLC0415
        participant_id = str(self.participant_id)

        programme_id = str(self.programme_id)

        isolated = self.isolated

        isolation_days = self.isolation_days

        last_contact_at: None | str
        if isinstance(self.last_contact_at, datetime.datetime):
            last_contact_at = self.last_contact_at.isoformat()
        else:
            last_contact_at = self.last_contact_at

        last_meeting_at: None | str
        if isinstance(self.last_meeting_at, datetime.datetime):
            last_meeting_at = self.last_meeting_at.isoformat()
        else:
            last_meeting_at = self.last_meeting_at

        ever_posted = self.ever_posted

        relationships = []
        for relationships_item_data in self.relationships:
            relationships_item = relationships_item_data.to_dict()
            relationships.append(relationships_item)



        check_in_answers_named = self.check_in_answers_named


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "participant_id": participant_id,
            "programme_id": programme_id,
            "isolated": isolated,
            "isolation_days": isolation_days,
            "last_contact_at": last_contact_at,
            "last_meeting_at": last_meeting_at,
            "ever_posted": ever_posted,
            "relationships": relationships,
            "check_in_answers_named": check_in_answers_named,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from tandem_web.clients.analytics.models.relationship_stats_public import RelationshipStatsPublic # noqa: PLC0415
        d = dict(src_dict)
        participant_id = UUID(d.pop("participant_id"))




        programme_id = UUID(d.pop("programme_id"))




        isolated = d.pop("isolated")

        isolation_days = d.pop("isolation_days")

        def _parse_last_contact_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                last_contact_at_type_0 = datetime.datetime.fromisoformat(data)



                return last_contact_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        last_contact_at = _parse_last_contact_at(d.pop("last_contact_at"))


        def _parse_last_meeting_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                last_meeting_at_type_0 = datetime.datetime.fromisoformat(data)



                return last_meeting_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        last_meeting_at = _parse_last_meeting_at(d.pop("last_meeting_at"))


        ever_posted = d.pop("ever_posted")

        relationships = []
        _relationships = d.pop("relationships")
        for relationships_item_data in (_relationships):
            relationships_item = RelationshipStatsPublic.from_dict(relationships_item_data)



            relationships.append(relationships_item)


        check_in_answers_named = d.pop("check_in_answers_named")

        participant_view_public = cls(
            participant_id=participant_id,
            programme_id=programme_id,
            isolated=isolated,
            isolation_days=isolation_days,
            last_contact_at=last_contact_at,
            last_meeting_at=last_meeting_at,
            ever_posted=ever_posted,
            relationships=relationships,
            check_in_answers_named=check_in_answers_named,
        )


        participant_view_public.additional_properties = d
        return participant_view_public

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
