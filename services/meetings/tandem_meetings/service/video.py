"""An online meeting's video link, generated in the scheduling transaction (no network).

When the provider cannot make one, the meeting stays ``link_status = pending`` and the
``link-retry`` worker tries again.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from tandem_meetings.domain.meetings import Meeting
from tandem_meetings.domain.relationships import Member, Relationship
from tandem_meetings.service.context import Context


def provide_link(
    ctx: Context,
    key: bytes,
    relationship: Relationship,
    meeting: Meeting,
    members: Sequence[Member],
    now: datetime,
) -> Meeting:
    """The meeting with its link sealed in (ready), or still pending."""
    return meeting
