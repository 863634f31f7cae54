from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from tandem_web.clients.matching.types import UNSET, Unset

from tandem_web.clients.matching.models.proposal_public_format import ProposalPublicFormat
from tandem_web.clients.matching.models.proposal_status import ProposalStatus
from typing import cast
from uuid import UUID

if TYPE_CHECKING:
  from tandem_web.clients.matching.models.proposed_mentee import ProposedMentee





T = TypeVar("T", bound="ProposalPublic")



@_attrs_define
class ProposalPublic:
    """ 
        Attributes:
            id (UUID):
            run_id (UUID):
            mentor_id (UUID):
            format_ (ProposalPublicFormat):
            score (float): Mean of the members' pair scores.
            status (ProposalStatus):
            relationship_id (None | UUID):
            mentees (list[ProposedMentee]):
     """

    id: UUID
    run_id: UUID
    mentor_id: UUID
    format_: ProposalPublicFormat
    score: float
    status: ProposalStatus
    relationship_id: None | UUID
    mentees: list[ProposedMentee]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from tandem_web.clients.matching.models.proposed_mentee import ProposedMentee # noqa: PLC0415
        id = str(self.id)

        run_id = str(self.run_id)

        mentor_id = str(self.mentor_id)

        format_ = self.format_.value

        score = self.score

        status = self.status.value

        relationship_id: None | str
        if isinstance(self.relationship_id, UUID):
            relationship_id = str(self.relationship_id)
        else:
            relationship_id = self.relationship_id

        mentees = []
        for mentees_item_data in self.mentees:
            mentees_item = mentees_item_data.to_dict()
            mentees.append(mentees_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "run_id": run_id,
            "mentor_id": mentor_id,
            "format": format_,
            "score": score,
            "status": status,
            "relationship_id": relationship_id,
            "mentees": mentees,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from tandem_web.clients.matching.models.proposed_mentee import ProposedMentee # noqa: PLC0415
        d = dict(src_dict)
        id = UUID(d.pop("id"))




        run_id = UUID(d.pop("run_id"))




        mentor_id = UUID(d.pop("mentor_id"))




        format_ = ProposalPublicFormat(d.pop("format"))




        score = d.pop("score")

        status = ProposalStatus(d.pop("status"))




        def _parse_relationship_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                relationship_id_type_0 = UUID(data)



                return relationship_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        relationship_id = _parse_relationship_id(d.pop("relationship_id"))


        mentees = []
        _mentees = d.pop("mentees")
        for mentees_item_data in (_mentees):
            mentees_item = ProposedMentee.from_dict(mentees_item_data)



            mentees.append(mentees_item)


        proposal_public = cls(
            id=id,
            run_id=run_id,
            mentor_id=mentor_id,
            format_=format_,
            score=score,
            status=status,
            relationship_id=relationship_id,
            mentees=mentees,
        )


        proposal_public.additional_properties = d
        return proposal_public

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
