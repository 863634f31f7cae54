"""The kit's id columns: native UUIDs, and references to them."""

from __future__ import annotations

from sqlalchemy import MetaData, Table, Uuid

from tandem_kit.db.types import uuid_pk, uuid_ref


def test_uuid_pk_and_uuid_ref() -> None:
    metadata = MetaData()
    Table("parents", metadata, uuid_pk())
    children = Table(
        "children",
        metadata,
        uuid_pk("child_id"),
        uuid_ref("parent_id", "parents.id", ondelete="CASCADE"),
        uuid_ref("other_id", "parents.id", nullable=True, index=True),
    )
    child_id, parent_id, other_id = children.c.child_id, children.c.parent_id, children.c.other_id
    assert child_id.primary_key
    assert isinstance(child_id.type, Uuid)
    assert isinstance(parent_id.type, Uuid)
    assert not parent_id.nullable
    (parent_fk,) = parent_id.foreign_keys
    assert parent_fk.target_fullname == "parents.id"
    assert parent_fk.ondelete == "CASCADE"
    assert other_id.nullable
    assert other_id.index
    (other_fk,) = other_id.foreign_keys
    assert other_fk.ondelete is None
