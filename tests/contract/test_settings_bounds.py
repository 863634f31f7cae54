"""Every numeric setting of every service has a lower and an upper bound.

An operator's typo (``TANDEM_MATCHING_IMPORT_MAX_BYTES=10485760000``) must stop the
service at start-up with a clear message, not let it accept 10 GB uploads into memory.
"""

from __future__ import annotations

from collections.abc import Iterator

import annotated_types
import pytest
from pydantic import BaseModel, ValidationError

from tandem_kit.settings import ServiceSettings
from tandem_matching.api.imports import IMPORT_BODY_LIMIT
from tandem_matching.settings import IMPORT_FILE_CEILING, MatchingSettings
from tandem_meetings.settings import MeetingsSettings
from tandem_messaging.settings import MessagingSettings

SETTINGS: list[type[BaseModel]] = [
    ServiceSettings,
    MatchingSettings,
    MessagingSettings,
    MeetingsSettings,
]


def numeric_fields(model: type[BaseModel], prefix: str = "") -> Iterator[tuple[str, list[object]]]:
    for name, field in model.model_fields.items():
        kind = field.annotation
        if isinstance(kind, type) and issubclass(kind, BaseModel):
            yield from numeric_fields(kind, f"{prefix}{name}.")
        elif kind in (int, float):
            yield prefix + name, list(field.metadata)


@pytest.mark.parametrize("settings", SETTINGS, ids=lambda s: s.__name__)
def test_every_numeric_setting_is_bounded(settings: type[BaseModel]) -> None:
    unbounded = []
    for name, metadata in numeric_fields(settings):
        low = any(isinstance(m, annotated_types.Ge | annotated_types.Gt) for m in metadata)
        high = any(isinstance(m, annotated_types.Le | annotated_types.Lt) for m in metadata)
        if not (low and high):
            unbounded.append(name)
    assert not unbounded, f"{settings.__name__}: no lower or upper bound on {unbounded}"


def test_an_import_larger_than_its_routes_accept_cannot_be_configured() -> None:
    assert IMPORT_FILE_CEILING < IMPORT_BODY_LIMIT  # room for the multipart framing
    with pytest.raises(ValidationError, match="import_max_bytes"):
        MatchingSettings(import_max_bytes=IMPORT_BODY_LIMIT)
    assert MatchingSettings(import_max_bytes=IMPORT_FILE_CEILING).import_max_bytes == (
        IMPORT_FILE_CEILING
    )
