from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from tandem_web.clients.meetings.types import UNSET, Unset

from tandem_web.clients.meetings.models.activity_mode import ActivityMode
from tandem_web.clients.meetings.models.activity_state import ActivityState
from typing import cast
from uuid import UUID
import datetime

if TYPE_CHECKING:
  from tandem_web.clients.meetings.models.proposal_public import ProposalPublic





T = TypeVar("T", bound="PlannedActivityPublic")



@_attrs_define
class PlannedActivityPublic:
    """ 
        Attributes:
            id (UUID): Give it as planned_activity_id to schedule it.
            key (str):
            occurrence (int): 0 for a one-off; 0, 1, 2 … for a repeating one.
            name (str):
            planned_mode (ActivityMode):
            mode (ActivityMode):
            adapted (bool):
            adaptation (None | str): Why the mode changed (a stable code).
            reason (None | str):
            duration_minutes (int):
            window_start (datetime.datetime):
            window_end (datetime.datetime):
            state (ActivityState):
            meeting_id (None | UUID):
            proposals (list[ProposalPublic]):
     """

    id: UUID
    key: str
    occurrence: int
    name: str
    planned_mode: ActivityMode
    mode: ActivityMode
    adapted: bool
    adaptation: None | str
    reason: None | str
    duration_minutes: int
    window_start: datetime.datetime
    window_end: datetime.datetime
    state: ActivityState
    meeting_id: None | UUID
    proposals: list[ProposalPublic]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from tandem_web.clients.meetings.models.proposal_public import ProposalPublic # noqa: PLC0415
        id = str(self.id)

        key = self.key

        occurrence = self.occurrence

        name = self.name

        planned_mode = self.planned_mode.value

        mode = self.mode.value

        adapted = self.adapted

        adaptation: None | str
        adaptation = self.adaptation

        reason: None | str
        reason = self.reason

        duration_minutes = self.duration_minutes

        window_start = self.window_start.isoformat()

        window_end = self.window_end.isoformat()

        state = self.state.value

        meeting_id: None | str
        if isinstance(self.meeting_id, UUID):
            meeting_id = str(self.meeting_id)
        else:
            meeting_id = self.meeting_id

        proposals = []
        for proposals_item_data in self.proposals:
            proposals_item = proposals_item_data.to_dict()
            proposals.append(proposals_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "key": key,
            "occurrence": occurrence,
            "name": name,
            "planned_mode": planned_mode,
            "mode": mode,
            "adapted": adapted,
            "adaptation": adaptation,
            "reason": reason,
            "duration_minutes": duration_minutes,
            "window_start": window_start,
            "window_end": window_end,
            "state": state,
            "meeting_id": meeting_id,
            "proposals": proposals,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from tandem_web.clients.meetings.models.proposal_public import ProposalPublic # noqa: PLC0415
        d = dict(src_dict)
        id = UUID(d.pop("id"))




        key = d.pop("key")

        occurrence = d.pop("occurrence")

        name = d.pop("name")

        planned_mode = ActivityMode(d.pop("planned_mode"))




        mode = ActivityMode(d.pop("mode"))




        adapted = d.pop("adapted")

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


        duration_minutes = d.pop("duration_minutes")

        window_start = datetime.datetime.fromisoformat(d.pop("window_start"))




        window_end = datetime.datetime.fromisoformat(d.pop("window_end"))




        state = ActivityState(d.pop("state"))




        def _parse_meeting_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                meeting_id_type_0 = UUID(data)



                return meeting_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        meeting_id = _parse_meeting_id(d.pop("meeting_id"))


        proposals = []
        _proposals = d.pop("proposals")
        for proposals_item_data in (_proposals):
            proposals_item = ProposalPublic.from_dict(proposals_item_data)



            proposals.append(proposals_item)


        planned_activity_public = cls(
            id=id,
            key=key,
            occurrence=occurrence,
            name=name,
            planned_mode=planned_mode,
            mode=mode,
            adapted=adapted,
            adaptation=adaptation,
            reason=reason,
            duration_minutes=duration_minutes,
            window_start=window_start,
            window_end=window_end,
            state=state,
            meeting_id=meeting_id,
            proposals=proposals,
        )


        planned_activity_public.additional_properties = d
        return planned_activity_public

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
