from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from tandem_web.clients.matching.types import UNSET, Unset

from tandem_web.clients.matching.models.country_policy import CountryPolicy
from tandem_web.clients.matching.models.hard_constraint import HardConstraint
from tandem_web.clients.matching.models.reach import Reach
from tandem_web.clients.matching.types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from tandem_web.clients.matching.models.matching_policy_weights import MatchingPolicyWeights





T = TypeVar("T", bound="MatchingPolicy")



@_attrs_define
class MatchingPolicy:
    """ Which criteria are hard constraints, and how the others weigh.

        Attributes:
            hard_constraints (list[HardConstraint] | Unset): Any of language, availability, face_to_face; the rest are soft.
            weights (MatchingPolicyWeights | Unset): Relative weights of the soft criteria (normalised to sum to 1).
            min_overlap_hours (float | Unset):  Default: 2.0.
            saturation_hours (float | Unset): Weekly overlap beyond which more adds nothing. Default: 6.0.
            face_to_face_reach (Reach | Unset): How far apart the members of a face-to-face pair or group may live.
            country_policy (CountryPolicy | Unset):
            mentee_choice (bool | Unset): Mentees may pick a mentor from suggestions. Default: False.
     """

    hard_constraints: list[HardConstraint] | Unset = UNSET
    weights: MatchingPolicyWeights | Unset = UNSET
    min_overlap_hours: float | Unset = 2.0
    saturation_hours: float | Unset = 6.0
    face_to_face_reach: Reach | Unset = UNSET
    country_policy: CountryPolicy | Unset = UNSET
    mentee_choice: bool | Unset = False





    def to_dict(self) -> dict[str, Any]:
        from tandem_web.clients.matching.models.matching_policy_weights import MatchingPolicyWeights # noqa: PLC0415
        hard_constraints: list[str] | Unset = UNSET
        if not isinstance(self.hard_constraints, Unset):
            hard_constraints = []
            for hard_constraints_item_data in self.hard_constraints:
                hard_constraints_item = hard_constraints_item_data.value
                hard_constraints.append(hard_constraints_item)



        weights: dict[str, Any] | Unset = UNSET
        if not isinstance(self.weights, Unset):
            weights = self.weights.to_dict()

        min_overlap_hours = self.min_overlap_hours

        saturation_hours = self.saturation_hours

        face_to_face_reach: str | Unset = UNSET
        if not isinstance(self.face_to_face_reach, Unset):
            face_to_face_reach = self.face_to_face_reach.value


        country_policy: str | Unset = UNSET
        if not isinstance(self.country_policy, Unset):
            country_policy = self.country_policy.value


        mentee_choice = self.mentee_choice


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if hard_constraints is not UNSET:
            field_dict["hard_constraints"] = hard_constraints
        if weights is not UNSET:
            field_dict["weights"] = weights
        if min_overlap_hours is not UNSET:
            field_dict["min_overlap_hours"] = min_overlap_hours
        if saturation_hours is not UNSET:
            field_dict["saturation_hours"] = saturation_hours
        if face_to_face_reach is not UNSET:
            field_dict["face_to_face_reach"] = face_to_face_reach
        if country_policy is not UNSET:
            field_dict["country_policy"] = country_policy
        if mentee_choice is not UNSET:
            field_dict["mentee_choice"] = mentee_choice

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from tandem_web.clients.matching.models.matching_policy_weights import MatchingPolicyWeights # noqa: PLC0415
        d = dict(src_dict)
        _hard_constraints = d.pop("hard_constraints", UNSET)
        hard_constraints: list[HardConstraint] | Unset = UNSET
        if _hard_constraints is not UNSET:
            hard_constraints = []
            for hard_constraints_item_data in _hard_constraints:
                hard_constraints_item = HardConstraint(hard_constraints_item_data)



                hard_constraints.append(hard_constraints_item)


        _weights = d.pop("weights", UNSET)
        weights: MatchingPolicyWeights | Unset
        if isinstance(_weights,  Unset):
            weights = UNSET
        else:
            weights = MatchingPolicyWeights.from_dict(_weights)




        min_overlap_hours = d.pop("min_overlap_hours", UNSET)

        saturation_hours = d.pop("saturation_hours", UNSET)

        _face_to_face_reach = d.pop("face_to_face_reach", UNSET)
        face_to_face_reach: Reach | Unset
        if isinstance(_face_to_face_reach,  Unset):
            face_to_face_reach = UNSET
        else:
            face_to_face_reach = Reach(_face_to_face_reach)




        _country_policy = d.pop("country_policy", UNSET)
        country_policy: CountryPolicy | Unset
        if isinstance(_country_policy,  Unset):
            country_policy = UNSET
        else:
            country_policy = CountryPolicy(_country_policy)




        mentee_choice = d.pop("mentee_choice", UNSET)

        matching_policy = cls(
            hard_constraints=hard_constraints,
            weights=weights,
            min_overlap_hours=min_overlap_hours,
            saturation_hours=saturation_hours,
            face_to_face_reach=face_to_face_reach,
            country_policy=country_policy,
            mentee_choice=mentee_choice,
        )

        return matching_policy

