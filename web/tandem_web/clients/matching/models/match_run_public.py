from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from tandem_web.clients.matching.types import UNSET, Unset

from tandem_web.clients.matching.models.match_run_status import MatchRunStatus
from typing import cast
from uuid import UUID
import datetime

if TYPE_CHECKING:
  from tandem_web.clients.matching.models.run_summary import RunSummary





T = TypeVar("T", bound="MatchRunPublic")



@_attrs_define
class MatchRunPublic:
    """ 
        Attributes:
            id (UUID):
            programme_id (UUID):
            status (MatchRunStatus):
            phase (str): What the run is doing: `queued`, `loading`; `compiling` (only where the engine was never compiled
                on this machine: progress is the share of its kernels ready); then the engine's phases `encode`, `candidates`,
                `solve`, `certificate`, `result`, `groups`, `explain`, `explain pairs`; `done`.
            progress (float): Fraction of the current phase done.
            requested_by (str):
            error (None | str):
            summary (None | RunSummary):
            created_at (datetime.datetime):
            started_at (datetime.datetime | None):
            finished_at (datetime.datetime | None):
            published_at (datetime.datetime | None):
     """

    id: UUID
    programme_id: UUID
    status: MatchRunStatus
    phase: str
    progress: float
    requested_by: str
    error: None | str
    summary: None | RunSummary
    created_at: datetime.datetime
    started_at: datetime.datetime | None
    finished_at: datetime.datetime | None
    published_at: datetime.datetime | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from tandem_web.clients.matching.models.run_summary import RunSummary # noqa: PLC0415
        id = str(self.id)

        programme_id = str(self.programme_id)

        status = self.status.value

        phase = self.phase

        progress = self.progress

        requested_by = self.requested_by

        error: None | str
        error = self.error

        summary: dict[str, Any] | None
        if isinstance(self.summary, RunSummary):
            summary = self.summary.to_dict()
        else:
            summary = self.summary

        created_at = self.created_at.isoformat()

        started_at: None | str
        if isinstance(self.started_at, datetime.datetime):
            started_at = self.started_at.isoformat()
        else:
            started_at = self.started_at

        finished_at: None | str
        if isinstance(self.finished_at, datetime.datetime):
            finished_at = self.finished_at.isoformat()
        else:
            finished_at = self.finished_at

        published_at: None | str
        if isinstance(self.published_at, datetime.datetime):
            published_at = self.published_at.isoformat()
        else:
            published_at = self.published_at


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "programme_id": programme_id,
            "status": status,
            "phase": phase,
            "progress": progress,
            "requested_by": requested_by,
            "error": error,
            "summary": summary,
            "created_at": created_at,
            "started_at": started_at,
            "finished_at": finished_at,
            "published_at": published_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from tandem_web.clients.matching.models.run_summary import RunSummary # noqa: PLC0415
        d = dict(src_dict)
        id = UUID(d.pop("id"))




        programme_id = UUID(d.pop("programme_id"))




        status = MatchRunStatus(d.pop("status"))




        phase = d.pop("phase")

        progress = d.pop("progress")

        requested_by = d.pop("requested_by")

        def _parse_error(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        error = _parse_error(d.pop("error"))


        def _parse_summary(data: object) -> None | RunSummary:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                summary_type_0 = RunSummary.from_dict(data)



                return summary_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | RunSummary, data)

        summary = _parse_summary(d.pop("summary"))


        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        def _parse_started_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                started_at_type_0 = datetime.datetime.fromisoformat(data)



                return started_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        started_at = _parse_started_at(d.pop("started_at"))


        def _parse_finished_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                finished_at_type_0 = datetime.datetime.fromisoformat(data)



                return finished_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        finished_at = _parse_finished_at(d.pop("finished_at"))


        def _parse_published_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                published_at_type_0 = datetime.datetime.fromisoformat(data)



                return published_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        published_at = _parse_published_at(d.pop("published_at"))


        match_run_public = cls(
            id=id,
            programme_id=programme_id,
            status=status,
            phase=phase,
            progress=progress,
            requested_by=requested_by,
            error=error,
            summary=summary,
            created_at=created_at,
            started_at=started_at,
            finished_at=finished_at,
            published_at=published_at,
        )


        match_run_public.additional_properties = d
        return match_run_public

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
