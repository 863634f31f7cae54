from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from tandem_web.clients.meetings.types import UNSET, Unset

from tandem_web.clients.meetings.models.availability_source import AvailabilitySource
from typing import cast
from uuid import UUID
import datetime

if TYPE_CHECKING:
  from tandem_web.clients.meetings.models.window_public import WindowPublic





T = TypeVar("T", bound="AvailabilityPublic")



@_attrs_define
class AvailabilityPublic:
    """ 
        Attributes:
            participant_id (UUID):
            programme_id (UUID):
            source (AvailabilitySource):
            time_zone (str): The IANA zone the windows are in (yours).
            windows (list[WindowPublic]):
            updated_at (datetime.datetime | None):
     """

    participant_id: UUID
    programme_id: UUID
    source: AvailabilitySource
    time_zone: str
    windows: list[WindowPublic]
    updated_at: datetime.datetime | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from tandem_web.clients.meetings.models.window_public import WindowPublic # noqa: PLC0415
        participant_id = str(self.participant_id)

        programme_id = str(self.programme_id)

        source = self.source.value

        time_zone = self.time_zone

        windows = []
        for windows_item_data in self.windows:
            windows_item = windows_item_data.to_dict()
            windows.append(windows_item)



        updated_at: None | str
        if isinstance(self.updated_at, datetime.datetime):
            updated_at = self.updated_at.isoformat()
        else:
            updated_at = self.updated_at


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "participant_id": participant_id,
            "programme_id": programme_id,
            "source": source,
            "time_zone": time_zone,
            "windows": windows,
            "updated_at": updated_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from tandem_web.clients.meetings.models.window_public import WindowPublic # noqa: PLC0415
        d = dict(src_dict)
        participant_id = UUID(d.pop("participant_id"))




        programme_id = UUID(d.pop("programme_id"))




        source = AvailabilitySource(d.pop("source"))




        time_zone = d.pop("time_zone")

        windows = []
        _windows = d.pop("windows")
        for windows_item_data in (_windows):
            windows_item = WindowPublic.from_dict(windows_item_data)



            windows.append(windows_item)


        def _parse_updated_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                updated_at_type_0 = datetime.datetime.fromisoformat(data)



                return updated_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        updated_at = _parse_updated_at(d.pop("updated_at"))


        availability_public = cls(
            participant_id=participant_id,
            programme_id=programme_id,
            source=source,
            time_zone=time_zone,
            windows=windows,
            updated_at=updated_at,
        )


        availability_public.additional_properties = d
        return availability_public

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
