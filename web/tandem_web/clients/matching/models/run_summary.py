from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from tandem_web.clients.matching.types import UNSET, Unset

from tandem_web.clients.matching.types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from tandem_web.clients.matching.models.not_grouped_participant import NotGroupedParticipant
  from tandem_web.clients.matching.models.unmatched_mentee import UnmatchedMentee





T = TypeVar("T", bound="RunSummary")



@_attrs_define
class RunSummary:
    """ What the draft achieves. Counts and the average follow review edits; the gap is the
    engine's certificate for its own solution (before edits).

        Attributes:
            mentees_waiting (int):
            mentors_available (int):
            matched (int):
            unmatched (list[UnmatchedMentee]):
            average_score (float | None):
            certified_gap (float | None): Upper bound on how much better (relative, 0–1) the best possible assignment of as
                many mentees could score; 0 means proven optimal.
            solver (str): Which method produced the draft.
            cardinality_certified (bool | None | Unset): True when no assignment could match more mentees.
            not_grouped (list[NotGroupedParticipant] | Unset): In programmes with group mentoring, every participant who
                preferred a group and is not in one, with the reason; as the engine saw it when it ran (review edits do not
                change it).
     """

    mentees_waiting: int
    mentors_available: int
    matched: int
    unmatched: list[UnmatchedMentee]
    average_score: float | None
    certified_gap: float | None
    solver: str
    cardinality_certified: bool | None | Unset = UNSET
    not_grouped: list[NotGroupedParticipant] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from tandem_web.clients.matching.models.not_grouped_participant import NotGroupedParticipant # noqa: PLC0415
        from tandem_web.clients.matching.models.unmatched_mentee import UnmatchedMentee # noqa: PLC0415
        mentees_waiting = self.mentees_waiting

        mentors_available = self.mentors_available

        matched = self.matched

        unmatched = []
        for unmatched_item_data in self.unmatched:
            unmatched_item = unmatched_item_data.to_dict()
            unmatched.append(unmatched_item)



        average_score: float | None
        average_score = self.average_score

        certified_gap: float | None
        certified_gap = self.certified_gap

        solver = self.solver

        cardinality_certified: bool | None | Unset
        if isinstance(self.cardinality_certified, Unset):
            cardinality_certified = UNSET
        else:
            cardinality_certified = self.cardinality_certified

        not_grouped: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.not_grouped, Unset):
            not_grouped = []
            for not_grouped_item_data in self.not_grouped:
                not_grouped_item = not_grouped_item_data.to_dict()
                not_grouped.append(not_grouped_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "mentees_waiting": mentees_waiting,
            "mentors_available": mentors_available,
            "matched": matched,
            "unmatched": unmatched,
            "average_score": average_score,
            "certified_gap": certified_gap,
            "solver": solver,
        })
        if cardinality_certified is not UNSET:
            field_dict["cardinality_certified"] = cardinality_certified
        if not_grouped is not UNSET:
            field_dict["not_grouped"] = not_grouped

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from tandem_web.clients.matching.models.not_grouped_participant import NotGroupedParticipant # noqa: PLC0415
        from tandem_web.clients.matching.models.unmatched_mentee import UnmatchedMentee # noqa: PLC0415
        d = dict(src_dict)
        mentees_waiting = d.pop("mentees_waiting")

        mentors_available = d.pop("mentors_available")

        matched = d.pop("matched")

        unmatched = []
        _unmatched = d.pop("unmatched")
        for unmatched_item_data in (_unmatched):
            unmatched_item = UnmatchedMentee.from_dict(unmatched_item_data)



            unmatched.append(unmatched_item)


        def _parse_average_score(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        average_score = _parse_average_score(d.pop("average_score"))


        def _parse_certified_gap(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        certified_gap = _parse_certified_gap(d.pop("certified_gap"))


        solver = d.pop("solver")

        def _parse_cardinality_certified(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        cardinality_certified = _parse_cardinality_certified(d.pop("cardinality_certified", UNSET))


        _not_grouped = d.pop("not_grouped", UNSET)
        not_grouped: list[NotGroupedParticipant] | Unset = UNSET
        if _not_grouped is not UNSET:
            not_grouped = []
            for not_grouped_item_data in _not_grouped:
                not_grouped_item = NotGroupedParticipant.from_dict(not_grouped_item_data)



                not_grouped.append(not_grouped_item)


        run_summary = cls(
            mentees_waiting=mentees_waiting,
            mentors_available=mentors_available,
            matched=matched,
            unmatched=unmatched,
            average_score=average_score,
            certified_gap=certified_gap,
            solver=solver,
            cardinality_certified=cardinality_certified,
            not_grouped=not_grouped,
        )


        run_summary.additional_properties = d
        return run_summary

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
