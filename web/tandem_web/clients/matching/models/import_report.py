from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from tandem_web.clients.matching.types import UNSET, Unset

from tandem_web.clients.matching.models.import_mode import ImportMode
from tandem_web.clients.matching.models.import_source import ImportSource
from typing import cast
from uuid import UUID
import datetime

if TYPE_CHECKING:
  from tandem_web.clients.matching.models.row_error import RowError





T = TypeVar("T", bound="ImportReport")



@_attrs_define
class ImportReport:
    """ 
        Attributes:
            id (UUID):
            programme_id (UUID):
            source (ImportSource):
            mode (ImportMode):
            total_rows (int):
            imported (int):
            rejected (int):
            errors (list[RowError]):
            created_at (datetime.datetime):
            encoding (None | str): CSV: how the file was decoded (utf-8, utf-8-sig, cp1252); JSON: null
            delimiter (None | str): CSV: the separator read (',', ';', tab)
     """

    id: UUID
    programme_id: UUID
    source: ImportSource
    mode: ImportMode
    total_rows: int
    imported: int
    rejected: int
    errors: list[RowError]
    created_at: datetime.datetime
    encoding: None | str
    delimiter: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from tandem_web.clients.matching.models.row_error import RowError # noqa: PLC0415
        id = str(self.id)

        programme_id = str(self.programme_id)

        source = self.source.value

        mode = self.mode.value

        total_rows = self.total_rows

        imported = self.imported

        rejected = self.rejected

        errors = []
        for errors_item_data in self.errors:
            errors_item = errors_item_data.to_dict()
            errors.append(errors_item)



        created_at = self.created_at.isoformat()

        encoding: None | str
        encoding = self.encoding

        delimiter: None | str
        delimiter = self.delimiter


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "programme_id": programme_id,
            "source": source,
            "mode": mode,
            "total_rows": total_rows,
            "imported": imported,
            "rejected": rejected,
            "errors": errors,
            "created_at": created_at,
            "encoding": encoding,
            "delimiter": delimiter,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from tandem_web.clients.matching.models.row_error import RowError # noqa: PLC0415
        d = dict(src_dict)
        id = UUID(d.pop("id"))




        programme_id = UUID(d.pop("programme_id"))




        source = ImportSource(d.pop("source"))




        mode = ImportMode(d.pop("mode"))




        total_rows = d.pop("total_rows")

        imported = d.pop("imported")

        rejected = d.pop("rejected")

        errors = []
        _errors = d.pop("errors")
        for errors_item_data in (_errors):
            errors_item = RowError.from_dict(errors_item_data)



            errors.append(errors_item)


        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        def _parse_encoding(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        encoding = _parse_encoding(d.pop("encoding"))


        def _parse_delimiter(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        delimiter = _parse_delimiter(d.pop("delimiter"))


        import_report = cls(
            id=id,
            programme_id=programme_id,
            source=source,
            mode=mode,
            total_rows=total_rows,
            imported=imported,
            rejected=rejected,
            errors=errors,
            created_at=created_at,
            encoding=encoding,
            delimiter=delimiter,
        )


        import_report.additional_properties = d
        return import_report

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
