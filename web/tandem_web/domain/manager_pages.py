"""What the manager's matching pages share: whether the viewer manages the programme
(the token's grants decide which pages to offer; matching decides on every call), and
the page a refusal becomes."""

from __future__ import annotations

import uuid
from enum import StrEnum

from tandem_web.domain.participants import Grants


class Shown(StrEnum):
    SHOWN = "shown"
    FORBIDDEN = "forbidden"  # not a manager of this programme
    MISSING = "missing"  # no such programme, run or import
    UNAVAILABLE = "unavailable"  # matching is not answering


STATUS = {Shown.SHOWN: 200, Shown.FORBIDDEN: 403, Shown.MISSING: 404, Shown.UNAVAILABLE: 503}


def manages(grants: Grants, programme_id: uuid.UUID) -> bool:
    """A mentee, a mentor, or another programme's manager is refused before any call:
    matching would say 403 to the first two and 404 to the third; the page says 403 to
    all, since the programme is named in the viewer's own link."""
    return programme_id in grants.manager


def refusal(status: int) -> Shown:
    return Shown.FORBIDDEN if status == 403 else Shown.MISSING
