from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from tandem_web.clients.meetings.types import UNSET, Unset

from tandem_web.clients.meetings.models.relationship_plan_public_cadence_source import RelationshipPlanPublicCadenceSource
from tandem_web.clients.meetings.types import UNSET, Unset
from typing import cast
from uuid import UUID

if TYPE_CHECKING:
  from tandem_web.clients.meetings.models.place_suggestion_public import PlaceSuggestionPublic
  from tandem_web.clients.meetings.models.planned_activity_public import PlannedActivityPublic





T = TypeVar("T", bound="RelationshipPlanPublic")



@_attrs_define
class RelationshipPlanPublic:
    """ 
        Attributes:
            relationship_id (UUID):
            programme_id (UUID):
            cadence_days (int | None): The accepted agreement's meeting cadence, once there is one.
            cadence_source (RelationshipPlanPublicCadenceSource):
            adaptation (None | str):
            reason (None | str):
            activities (list[PlannedActivityPublic]):
            place_suggestion (None | PlaceSuggestionPublic | Unset): Members only: the city at least two members share, to
                meet in face to face; null when no two share one (the members agree a place between them).
     """

    relationship_id: UUID
    programme_id: UUID
    cadence_days: int | None
    cadence_source: RelationshipPlanPublicCadenceSource
    adaptation: None | str
    reason: None | str
    activities: list[PlannedActivityPublic]
    place_suggestion: None | PlaceSuggestionPublic | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from tandem_web.clients.meetings.models.place_suggestion_public import PlaceSuggestionPublic # noqa: PLC0415
        from tandem_web.clients.meetings.models.planned_activity_public import PlannedActivityPublic # noqa: PLC0415
        relationship_id = str(self.relationship_id)

        programme_id = str(self.programme_id)

        cadence_days: int | None
        cadence_days = self.cadence_days

        cadence_source = self.cadence_source.value

        adaptation: None | str
        adaptation = self.adaptation

        reason: None | str
        reason = self.reason

        activities = []
        for activities_item_data in self.activities:
            activities_item = activities_item_data.to_dict()
            activities.append(activities_item)



        place_suggestion: dict[str, Any] | None | Unset
        if isinstance(self.place_suggestion, Unset):
            place_suggestion = UNSET
        elif isinstance(self.place_suggestion, PlaceSuggestionPublic):
            place_suggestion = self.place_suggestion.to_dict()
        else:
            place_suggestion = self.place_suggestion


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "relationship_id": relationship_id,
            "programme_id": programme_id,
            "cadence_days": cadence_days,
            "cadence_source": cadence_source,
            "adaptation": adaptation,
            "reason": reason,
            "activities": activities,
        })
        if place_suggestion is not UNSET:
            field_dict["place_suggestion"] = place_suggestion

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from tandem_web.clients.meetings.models.place_suggestion_public import PlaceSuggestionPublic # noqa: PLC0415
        from tandem_web.clients.meetings.models.planned_activity_public import PlannedActivityPublic # noqa: PLC0415
        d = dict(src_dict)
        relationship_id = UUID(d.pop("relationship_id"))




        programme_id = UUID(d.pop("programme_id"))




        def _parse_cadence_days(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        cadence_days = _parse_cadence_days(d.pop("cadence_days"))


        cadence_source = RelationshipPlanPublicCadenceSource(d.pop("cadence_source"))




        def _parse_adaptation(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        adaptation = _parse_adaptation(d.pop("adaptation"))


        def _parse_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        reason = _parse_reason(d.pop("reason"))


        activities = []
        _activities = d.pop("activities")
        for activities_item_data in (_activities):
            activities_item = PlannedActivityPublic.from_dict(activities_item_data)



            activities.append(activities_item)


        def _parse_place_suggestion(data: object) -> None | PlaceSuggestionPublic | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                place_suggestion_type_0 = PlaceSuggestionPublic.from_dict(data)



                return place_suggestion_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PlaceSuggestionPublic | Unset, data)

        place_suggestion = _parse_place_suggestion(d.pop("place_suggestion", UNSET))


        relationship_plan_public = cls(
            relationship_id=relationship_id,
            programme_id=programme_id,
            cadence_days=cadence_days,
            cadence_source=cadence_source,
            adaptation=adaptation,
            reason=reason,
            activities=activities,
            place_suggestion=place_suggestion,
        )


        relationship_plan_public.additional_properties = d
        return relationship_plan_public

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
