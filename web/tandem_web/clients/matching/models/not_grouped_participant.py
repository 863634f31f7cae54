from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from tandem_web.clients.matching.types import UNSET, Unset

from tandem_web.clients.matching.models.not_grouped_participant_role import NotGroupedParticipantRole
from uuid import UUID






T = TypeVar("T", bound="NotGroupedParticipant")



@_attrs_define
class NotGroupedParticipant:
    """ A participant who preferred group mentoring but is one-to-one, unmatched or (a
    mentor) leads no group, and why.

        Attributes:
            participant_id (UUID):
            role (NotGroupedParticipantRole):
            code (str): Stable reason code: pairs_only (the programme offers pairs only), unmatched (see the reason),
                hard_constraint (no mentor who runs groups meets the hard rules with them), mentor_prefers_pairs (the mentors
                who fit them best prefer one-to-one), no_shared_goal (too few group-minded mentees share a goal), capacity (the
                groups they could join are full), group_below_minimum (a mentor had fewer group-minded mentees than a group
                needs).
            reason (str): The same in plain words.
     """

    participant_id: UUID
    role: NotGroupedParticipantRole
    code: str
    reason: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        participant_id = str(self.participant_id)

        role = self.role.value

        code = self.code

        reason = self.reason


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "participant_id": participant_id,
            "role": role,
            "code": code,
            "reason": reason,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        participant_id = UUID(d.pop("participant_id"))




        role = NotGroupedParticipantRole(d.pop("role"))




        code = d.pop("code")

        reason = d.pop("reason")

        not_grouped_participant = cls(
            participant_id=participant_id,
            role=role,
            code=code,
            reason=reason,
        )


        not_grouped_participant.additional_properties = d
        return not_grouped_participant

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
