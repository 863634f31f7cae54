"""Readable, ordered participant ids for the engine's tests: ``pid("anna")`` is a fixed UUID.

The label's bytes are the UUID's first bytes, so ids sort as their labels do (the engine
breaks ties by id) and ``label(pid("anna")) == "anna"`` reads a result back in words.
"""

from __future__ import annotations

from uuid import UUID


def pid(label: str) -> UUID:
    raw = label.encode()
    if not raw or len(raw) > 16:
        raise ValueError(f"a label of 1 to 16 bytes, got {label!r}")
    return UUID(bytes=raw.ljust(16, b"\0"))


def label(participant_id: UUID | None) -> str:
    assert participant_id is not None
    return participant_id.bytes.rstrip(b"\0").decode()


def pairs(*labelled: tuple[str, str]) -> list[tuple[UUID, UUID]]:
    """(mentee, mentor) pairs by label."""
    return [(pid(a), pid(b)) for a, b in labelled]
