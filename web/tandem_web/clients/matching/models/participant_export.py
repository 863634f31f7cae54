from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from tandem_web.clients.matching.types import UNSET, Unset

from typing import cast
import datetime

if TYPE_CHECKING:
  from tandem_web.clients.matching.models.mentor_request_record import MentorRequestRecord
  from tandem_web.clients.matching.models.participant_public import ParticipantPublic
  from tandem_web.clients.matching.models.proposal_record import ProposalRecord
  from tandem_web.clients.matching.models.relationship_public import RelationshipPublic
  from tandem_web.clients.matching.models.rematch_offer_public import RematchOfferPublic





T = TypeVar("T", bound="ParticipantExport")



@_attrs_define
class ParticipantExport:
    """ Everything the matching service holds about one participant.

        Attributes:
            exported_at (datetime.datetime):
            participant (ParticipantPublic): A participant as the programme's managers see them — and as they see
                themselves.
            relationships (list[RelationshipPublic]):
            proposals (list[ProposalRecord]):
            mentor_requests (list[MentorRequestRecord]):
            rematching_offers (list[RematchOfferPublic]):
     """

    exported_at: datetime.datetime
    participant: ParticipantPublic
    relationships: list[RelationshipPublic]
    proposals: list[ProposalRecord]
    mentor_requests: list[MentorRequestRecord]
    rematching_offers: list[RematchOfferPublic]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from tandem_web.clients.matching.models.mentor_request_record import MentorRequestRecord # noqa: PLC0415
        from tandem_web.clients.matching.models.participant_public import ParticipantPublic # noqa: PLC0415
        from tandem_web.clients.matching.models.proposal_record import ProposalRecord # noqa: PLC0415
        from tandem_web.clients.matching.models.relationship_public import RelationshipPublic # noqa: PLC0415
        from tandem_web.clients.matching.models.rematch_offer_public import RematchOfferPublic # noqa: PLC0415
        exported_at = self.exported_at.isoformat()

        participant = self.participant.to_dict()

        relationships = []
        for relationships_item_data in self.relationships:
            relationships_item = relationships_item_data.to_dict()
            relationships.append(relationships_item)



        proposals = []
        for proposals_item_data in self.proposals:
            proposals_item = proposals_item_data.to_dict()
            proposals.append(proposals_item)



        mentor_requests = []
        for mentor_requests_item_data in self.mentor_requests:
            mentor_requests_item = mentor_requests_item_data.to_dict()
            mentor_requests.append(mentor_requests_item)



        rematching_offers = []
        for rematching_offers_item_data in self.rematching_offers:
            rematching_offers_item = rematching_offers_item_data.to_dict()
            rematching_offers.append(rematching_offers_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "exported_at": exported_at,
            "participant": participant,
            "relationships": relationships,
            "proposals": proposals,
            "mentor_requests": mentor_requests,
            "rematching_offers": rematching_offers,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from tandem_web.clients.matching.models.mentor_request_record import MentorRequestRecord # noqa: PLC0415
        from tandem_web.clients.matching.models.participant_public import ParticipantPublic # noqa: PLC0415
        from tandem_web.clients.matching.models.proposal_record import ProposalRecord # noqa: PLC0415
        from tandem_web.clients.matching.models.relationship_public import RelationshipPublic # noqa: PLC0415
        from tandem_web.clients.matching.models.rematch_offer_public import RematchOfferPublic # noqa: PLC0415
        d = dict(src_dict)
        exported_at = datetime.datetime.fromisoformat(d.pop("exported_at"))




        participant = ParticipantPublic.from_dict(d.pop("participant"))




        relationships = []
        _relationships = d.pop("relationships")
        for relationships_item_data in (_relationships):
            relationships_item = RelationshipPublic.from_dict(relationships_item_data)



            relationships.append(relationships_item)


        proposals = []
        _proposals = d.pop("proposals")
        for proposals_item_data in (_proposals):
            proposals_item = ProposalRecord.from_dict(proposals_item_data)



            proposals.append(proposals_item)


        mentor_requests = []
        _mentor_requests = d.pop("mentor_requests")
        for mentor_requests_item_data in (_mentor_requests):
            mentor_requests_item = MentorRequestRecord.from_dict(mentor_requests_item_data)



            mentor_requests.append(mentor_requests_item)


        rematching_offers = []
        _rematching_offers = d.pop("rematching_offers")
        for rematching_offers_item_data in (_rematching_offers):
            rematching_offers_item = RematchOfferPublic.from_dict(rematching_offers_item_data)



            rematching_offers.append(rematching_offers_item)


        participant_export = cls(
            exported_at=exported_at,
            participant=participant,
            relationships=relationships,
            proposals=proposals,
            mentor_requests=mentor_requests,
            rematching_offers=rematching_offers,
        )


        participant_export.additional_properties = d
        return participant_export

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
