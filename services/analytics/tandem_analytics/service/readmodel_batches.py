"""Use cases: a run of consumed events of one type folded into the read models at once
(the kit's ``Handlers.on_batch``), leaving exactly what ``readmodels.consume`` leaves
for each of them in turn.

Read once for the run: which people it names are erased, which event ids the store
has; written once: the store's new rows. Then each event is applied as alone, except
messages, the bulk of any programme's events, which ``message_batches`` folds with a
handful of statements for the run, and profile facts, each of whose statements runs
once for the run (``executemany``). Batched (``BATCHED``) are the types whose other
effects (``consumers.py``) do not read what the run writes: ends and match proposals
reach risk flags and match weights, which read the read models, event by event.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any
from uuid import UUID

from sqlalchemy.ext.asyncio import AsyncSession

from tandem_analytics.adapters import readmodel_batches as repo
from tandem_analytics.adapters.readmodel_batches import ProfileFacts
from tandem_analytics.domain.readmodels import ERASED, digest, people_in, scrub
from tandem_analytics.service import event_store, message_batches
from tandem_analytics.service.readmodels import APPLY
from tandem_contracts import Envelope, Event, parse_event
from tandem_contracts.matching import ParticipantRegistered, ParticipantUpdated, RelationshipStarted
from tandem_contracts.meetings import (
    GoalProgressed,
    MeetingAttendanceRecorded,
    MeetingCancelled,
    MeetingRescheduled,
    MeetingScheduled,
)
from tandem_contracts.messaging import AgreementAccepted, ForumPostCreated, MessagePosted
from tandem_kit import directory

BATCHED: tuple[type[Event], ...] = (
    MessagePosted,
    ForumPostCreated,
    AgreementAccepted,
    MeetingScheduled,
    MeetingRescheduled,
    MeetingCancelled,
    MeetingAttendanceRecorded,
    GoalProgressed,
    RelationshipStarted,
    ParticipantRegistered,
    ParticipantUpdated,
)


async def consume_many(
    session: AsyncSession, envelopes: Sequence[Envelope], events: Sequence[Event]
) -> None:
    """Keep the run's events (scrubbed of erased people) and apply the new ones."""
    datas: list[Any] = [json.loads(envelope.data) for envelope in envelopes]
    named = [people_in(data) - {ERASED} for data in datas]
    erased = await directory.erased_among(session, set().union(*named))
    scrubbed: list[tuple[Envelope, Event, Any, set[UUID]]] = []
    for envelope, event, data, people in zip(envelopes, events, datas, named, strict=True):
        gone = people & erased
        if gone:
            data = scrub(data, gone)
            event = parse_event(envelope.type, json.dumps(data))
        scrubbed.append((envelope, event, data, people - gone))
    new = await event_store.keep_many(session, [(e, data, p) for e, _, data, p in scrubbed])
    fresh = [item for item, is_new in zip(scrubbed, new, strict=True) if is_new]
    posted = [event for _, event, _, _ in fresh if isinstance(event, MessagePosted)]
    if len(posted) == len(fresh):
        await message_batches.messages_posted(session, posted)
        return
    profiles = [
        (envelope, event, data)
        for envelope, event, data, _ in fresh
        if isinstance(event, ParticipantRegistered | ParticipantUpdated)
    ]
    if len(profiles) == len(fresh):
        await _profiles(session, profiles)
        return
    for envelope, event, data, _ in fresh:  # a run is of one type: not these two here
        await APPLY[envelope.type](session, envelope, event, digest(data))


async def _profiles(
    session: AsyncSession,
    stated: Sequence[tuple[Envelope, ParticipantRegistered | ParticipantUpdated, Any]],
) -> None:
    """What ``readmodels._profile`` does for each (facts at the envelope's time)."""
    await repo.profiles_stated(
        session,
        [
            ProfileFacts(
                event.participant_id,
                event.programme_id,
                event.role.value,
                event.country,
                event.modality.value,
                envelope.time,
                digest(data),
            )
            for envelope, event, data in stated
            if event.participant_id != ERASED
        ],
    )
