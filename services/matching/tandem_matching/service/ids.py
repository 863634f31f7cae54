"""New identifiers. Time is not here: use cases read it from their context's clock
(``ctx.now()``), the kit's one injectable clock, so a test's ``ManualClock`` governs
every timestamp matching writes."""

from __future__ import annotations

import uuid


def new_id() -> uuid.UUID:
    return uuid.uuid4()
