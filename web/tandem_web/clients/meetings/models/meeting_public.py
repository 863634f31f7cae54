from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from tandem_web.clients.meetings.types import UNSET, Unset

from tandem_web.clients.meetings.models.link_status import LinkStatus
from tandem_web.clients.meetings.models.meeting_mode import MeetingMode
from tandem_web.clients.meetings.models.meeting_public_viewer import MeetingPublicViewer
from tandem_web.clients.meetings.models.meeting_status import MeetingStatus
from typing import cast
from uuid import UUID
import datetime

if TYPE_CHECKING:
  from tandem_web.clients.meetings.models.attendee_public import AttendeePublic
  from tandem_web.clients.meetings.models.cancellation_public import CancellationPublic
  from tandem_web.clients.meetings.models.place_public import PlacePublic
  from tandem_web.clients.meetings.models.video_link_public import VideoLinkPublic





T = TypeVar("T", bound="MeetingPublic")



@_attrs_define
class MeetingPublic:
    """ 
        Attributes:
            id (UUID):
            relationship_id (UUID):
            programme_id (UUID):
            planned_activity_id (None | UUID):
            activity_key (None | str):
            mode (MeetingMode): How a meeting happens: a video link, or a place.
            status (MeetingStatus):
            starts_at (datetime.datetime):
            ends_at (datetime.datetime):
            duration_minutes (int):
            sequence (int): iCalendar SEQUENCE: rises on every significant change.
            ical_uid (str):
            viewer (MeetingPublicViewer): Managers see when and how, never the place, the link or the agenda.
            link_status (LinkStatus | None): Online meetings: ready or pending.
            link (None | VideoLinkPublic): Members only: the caller's own link.
            place (None | PlacePublic): Members only.
            agenda_goal_ids (list[UUID] | None): Members only.
            attendees (list[AttendeePublic]):
            cancellation (CancellationPublic | None):
            created_at (datetime.datetime):
            updated_at (datetime.datetime):
     """

    id: UUID
    relationship_id: UUID
    programme_id: UUID
    planned_activity_id: None | UUID
    activity_key: None | str
    mode: MeetingMode
    status: MeetingStatus
    starts_at: datetime.datetime
    ends_at: datetime.datetime
    duration_minutes: int
    sequence: int
    ical_uid: str
    viewer: MeetingPublicViewer
    link_status: LinkStatus | None
    link: None | VideoLinkPublic
    place: None | PlacePublic
    agenda_goal_ids: list[UUID] | None
    attendees: list[AttendeePublic]
    cancellation: CancellationPublic | None
    created_at: datetime.datetime
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from tandem_web.clients.meetings.models.attendee_public import AttendeePublic # noqa: PLC0415
        from tandem_web.clients.meetings.models.cancellation_public import CancellationPublic # noqa: PLC0415
        from tandem_web.clients.meetings.models.place_public import PlacePublic # noqa: PLC0415
        from tandem_web.clients.meetings.models.video_link_public import VideoLinkPublic # noqa: PLC0415
        id = str(self.id)

        relationship_id = str(self.relationship_id)

        programme_id = str(self.programme_id)

        planned_activity_id: None | str
        if isinstance(self.planned_activity_id, UUID):
            planned_activity_id = str(self.planned_activity_id)
        else:
            planned_activity_id = self.planned_activity_id

        activity_key: None | str
        activity_key = self.activity_key

        mode = self.mode.value

        status = self.status.value

        starts_at = self.starts_at.isoformat()

        ends_at = self.ends_at.isoformat()

        duration_minutes = self.duration_minutes

        sequence = self.sequence

        ical_uid = self.ical_uid

        viewer = self.viewer.value

        link_status: None | str
        if isinstance(self.link_status, LinkStatus):
            link_status = self.link_status.value
        else:
            link_status = self.link_status

        link: dict[str, Any] | None
        if isinstance(self.link, VideoLinkPublic):
            link = self.link.to_dict()
        else:
            link = self.link

        place: dict[str, Any] | None
        if isinstance(self.place, PlacePublic):
            place = self.place.to_dict()
        else:
            place = self.place

        agenda_goal_ids: list[str] | None
        if isinstance(self.agenda_goal_ids, list):
            agenda_goal_ids = []
            for agenda_goal_ids_type_0_item_data in self.agenda_goal_ids:
                agenda_goal_ids_type_0_item = str(agenda_goal_ids_type_0_item_data)
                agenda_goal_ids.append(agenda_goal_ids_type_0_item)


        else:
            agenda_goal_ids = self.agenda_goal_ids

        attendees = []
        for attendees_item_data in self.attendees:
            attendees_item = attendees_item_data.to_dict()
            attendees.append(attendees_item)



        cancellation: dict[str, Any] | None
        if isinstance(self.cancellation, CancellationPublic):
            cancellation = self.cancellation.to_dict()
        else:
            cancellation = self.cancellation

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "relationship_id": relationship_id,
            "programme_id": programme_id,
            "planned_activity_id": planned_activity_id,
            "activity_key": activity_key,
            "mode": mode,
            "status": status,
            "starts_at": starts_at,
            "ends_at": ends_at,
            "duration_minutes": duration_minutes,
            "sequence": sequence,
            "ical_uid": ical_uid,
            "viewer": viewer,
            "link_status": link_status,
            "link": link,
            "place": place,
            "agenda_goal_ids": agenda_goal_ids,
            "attendees": attendees,
            "cancellation": cancellation,
            "created_at": created_at,
            "updated_at": updated_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from tandem_web.clients.meetings.models.attendee_public import AttendeePublic # noqa: PLC0415
        from tandem_web.clients.meetings.models.cancellation_public import CancellationPublic # noqa: PLC0415
        from tandem_web.clients.meetings.models.place_public import PlacePublic # noqa: PLC0415
        from tandem_web.clients.meetings.models.video_link_public import VideoLinkPublic # noqa: PLC0415
        d = dict(src_dict)
        id = UUID(d.pop("id"))




        relationship_id = UUID(d.pop("relationship_id"))




        programme_id = UUID(d.pop("programme_id"))




        def _parse_planned_activity_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                planned_activity_id_type_0 = UUID(data)



                return planned_activity_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        planned_activity_id = _parse_planned_activity_id(d.pop("planned_activity_id"))


        def _parse_activity_key(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        activity_key = _parse_activity_key(d.pop("activity_key"))


        mode = MeetingMode(d.pop("mode"))




        status = MeetingStatus(d.pop("status"))




        starts_at = datetime.datetime.fromisoformat(d.pop("starts_at"))




        ends_at = datetime.datetime.fromisoformat(d.pop("ends_at"))




        duration_minutes = d.pop("duration_minutes")

        sequence = d.pop("sequence")

        ical_uid = d.pop("ical_uid")

        viewer = MeetingPublicViewer(d.pop("viewer"))




        def _parse_link_status(data: object) -> LinkStatus | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                link_status_type_0 = LinkStatus(data)



                return link_status_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(LinkStatus | None, data)

        link_status = _parse_link_status(d.pop("link_status"))


        def _parse_link(data: object) -> None | VideoLinkPublic:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                link_type_0 = VideoLinkPublic.from_dict(data)



                return link_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | VideoLinkPublic, data)

        link = _parse_link(d.pop("link"))


        def _parse_place(data: object) -> None | PlacePublic:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                place_type_0 = PlacePublic.from_dict(data)



                return place_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PlacePublic, data)

        place = _parse_place(d.pop("place"))


        def _parse_agenda_goal_ids(data: object) -> list[UUID] | None:
            if data is None:
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                agenda_goal_ids_type_0 = []
                _agenda_goal_ids_type_0 = data
                for agenda_goal_ids_type_0_item_data in (_agenda_goal_ids_type_0):
                    agenda_goal_ids_type_0_item = UUID(agenda_goal_ids_type_0_item_data)



                    agenda_goal_ids_type_0.append(agenda_goal_ids_type_0_item)

                return agenda_goal_ids_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[UUID] | None, data)

        agenda_goal_ids = _parse_agenda_goal_ids(d.pop("agenda_goal_ids"))


        attendees = []
        _attendees = d.pop("attendees")
        for attendees_item_data in (_attendees):
            attendees_item = AttendeePublic.from_dict(attendees_item_data)



            attendees.append(attendees_item)


        def _parse_cancellation(data: object) -> CancellationPublic | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                cancellation_type_0 = CancellationPublic.from_dict(data)



                return cancellation_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CancellationPublic | None, data)

        cancellation = _parse_cancellation(d.pop("cancellation"))


        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))




        meeting_public = cls(
            id=id,
            relationship_id=relationship_id,
            programme_id=programme_id,
            planned_activity_id=planned_activity_id,
            activity_key=activity_key,
            mode=mode,
            status=status,
            starts_at=starts_at,
            ends_at=ends_at,
            duration_minutes=duration_minutes,
            sequence=sequence,
            ical_uid=ical_uid,
            viewer=viewer,
            link_status=link_status,
            link=link,
            place=place,
            agenda_goal_ids=agenda_goal_ids,
            attendees=attendees,
            cancellation=cancellation,
            created_at=created_at,
            updated_at=updated_at,
        )


        meeting_public.additional_properties = d
        return meeting_public

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
