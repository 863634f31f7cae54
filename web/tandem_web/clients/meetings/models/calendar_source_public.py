from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from tandem_web.clients.meetings.types import UNSET, Unset

from tandem_web.clients.meetings.models.failure_reason import FailureReason
from tandem_web.clients.meetings.models.feed_status import FeedStatus
from typing import cast
import datetime






T = TypeVar("T", bound="CalendarSourcePublic")



@_attrs_define
class CalendarSourcePublic:
    """ 
        Attributes:
            url (None | str): Yours only; null once it can no longer be read.
            status (FeedStatus):
            failure_reason (FailureReason | None): Why the last fetch failed.
            http_status (int | None): The feed server's last status code.
            busy_intervals (int): Busy intervals kept from the feed (the horizon's).
            truncated (bool): Whether the feed held more events than are kept.
            last_fetched_at (datetime.datetime | None):
            last_success_at (datetime.datetime | None):
            next_fetch_at (datetime.datetime):
            updated_at (datetime.datetime):
     """

    url: None | str
    status: FeedStatus
    failure_reason: FailureReason | None
    http_status: int | None
    busy_intervals: int
    truncated: bool
    last_fetched_at: datetime.datetime | None
    last_success_at: datetime.datetime | None
    next_fetch_at: datetime.datetime
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        url: None | str
        url = self.url

        status = self.status.value

        failure_reason: None | str
        if isinstance(self.failure_reason, FailureReason):
            failure_reason = self.failure_reason.value
        else:
            failure_reason = self.failure_reason

        http_status: int | None
        http_status = self.http_status

        busy_intervals = self.busy_intervals

        truncated = self.truncated

        last_fetched_at: None | str
        if isinstance(self.last_fetched_at, datetime.datetime):
            last_fetched_at = self.last_fetched_at.isoformat()
        else:
            last_fetched_at = self.last_fetched_at

        last_success_at: None | str
        if isinstance(self.last_success_at, datetime.datetime):
            last_success_at = self.last_success_at.isoformat()
        else:
            last_success_at = self.last_success_at

        next_fetch_at = self.next_fetch_at.isoformat()

        updated_at = self.updated_at.isoformat()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "url": url,
            "status": status,
            "failure_reason": failure_reason,
            "http_status": http_status,
            "busy_intervals": busy_intervals,
            "truncated": truncated,
            "last_fetched_at": last_fetched_at,
            "last_success_at": last_success_at,
            "next_fetch_at": next_fetch_at,
            "updated_at": updated_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        def _parse_url(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        url = _parse_url(d.pop("url"))


        status = FeedStatus(d.pop("status"))




        def _parse_failure_reason(data: object) -> FailureReason | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                failure_reason_type_0 = FailureReason(data)



                return failure_reason_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(FailureReason | None, data)

        failure_reason = _parse_failure_reason(d.pop("failure_reason"))


        def _parse_http_status(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        http_status = _parse_http_status(d.pop("http_status"))


        busy_intervals = d.pop("busy_intervals")

        truncated = d.pop("truncated")

        def _parse_last_fetched_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                last_fetched_at_type_0 = datetime.datetime.fromisoformat(data)



                return last_fetched_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        last_fetched_at = _parse_last_fetched_at(d.pop("last_fetched_at"))


        def _parse_last_success_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                last_success_at_type_0 = datetime.datetime.fromisoformat(data)



                return last_success_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        last_success_at = _parse_last_success_at(d.pop("last_success_at"))


        next_fetch_at = datetime.datetime.fromisoformat(d.pop("next_fetch_at"))




        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))




        calendar_source_public = cls(
            url=url,
            status=status,
            failure_reason=failure_reason,
            http_status=http_status,
            busy_intervals=busy_intervals,
            truncated=truncated,
            last_fetched_at=last_fetched_at,
            last_success_at=last_success_at,
            next_fetch_at=next_fetch_at,
            updated_at=updated_at,
        )


        calendar_source_public.additional_properties = d
        return calendar_source_public

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
