from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from tandem_web.clients.messaging.types import UNSET, Unset

from tandem_web.clients.messaging.models.forum_public_kind import ForumPublicKind
from typing import cast
from uuid import UUID






T = TypeVar("T", bound="ForumPublic")



@_attrs_define
class ForumPublic:
    """ 
        Attributes:
            id (UUID):
            programme_id (UUID):
            relationship_id (None | UUID): Set for a group's own forum.
            kind (ForumPublicKind):
            title (str):
            thread_count (int):
     """

    id: UUID
    programme_id: UUID
    relationship_id: None | UUID
    kind: ForumPublicKind
    title: str
    thread_count: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        programme_id = str(self.programme_id)

        relationship_id: None | str
        if isinstance(self.relationship_id, UUID):
            relationship_id = str(self.relationship_id)
        else:
            relationship_id = self.relationship_id

        kind = self.kind.value

        title = self.title

        thread_count = self.thread_count


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "programme_id": programme_id,
            "relationship_id": relationship_id,
            "kind": kind,
            "title": title,
            "thread_count": thread_count,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))




        programme_id = UUID(d.pop("programme_id"))




        def _parse_relationship_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                relationship_id_type_0 = UUID(data)



                return relationship_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        relationship_id = _parse_relationship_id(d.pop("relationship_id"))


        kind = ForumPublicKind(d.pop("kind"))




        title = d.pop("title")

        thread_count = d.pop("thread_count")

        forum_public = cls(
            id=id,
            programme_id=programme_id,
            relationship_id=relationship_id,
            kind=kind,
            title=title,
            thread_count=thread_count,
        )


        forum_public.additional_properties = d
        return forum_public

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
