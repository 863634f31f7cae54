"""The directory's event handlers, registered on a service's ``Handlers``.

Partitions do not order events across keys, so any of them may be the first a
service hears of a programme or a participant: each handler accepts its event
whatever came before it. An erased participant stays erased: a registration,
update or withdrawal that overtook the erasure is dropped, and the service's
``on_erased`` hook runs in the same transaction as the directory's forgetting.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from uuid import UUID

from sqlalchemy.ext.asyncio import AsyncSession

from tandem_contracts.matching import (
    ParticipantErased,
    ParticipantProfileFacts,
    ParticipantRegistered,
    ParticipantUpdated,
    ParticipantWithdrawn,
    ProgrammeCreated,
)
from tandem_kit.directory import store
from tandem_kit.directory.records import Contact, Erasure, Participant, Programme
from tandem_kit.kafka import HandlerContext, Handlers

ProgrammeHook = Callable[[AsyncSession, Programme], Awaitable[None]]
ParticipantHook = Callable[[AsyncSession, Participant], Awaitable[None]]
WithdrawnHook = Callable[[AsyncSession, UUID], Awaitable[None]]
ErasureHook = Callable[[AsyncSession, Erasure], Awaitable[None]]


def _utc_now() -> datetime:
    return datetime.now(UTC)


def participant_of(event: ParticipantProfileFacts) -> Participant:
    contact = event.contact
    return Participant(
        participant_id=event.participant_id,
        programme_id=event.programme_id,
        role=event.role,
        contact=Contact(
            contact.subject,
            contact.display_name,
            contact.email,
            contact.preferred_language,
            contact.time_zone,
            event.linkedin_url,
        ),
    )


def register_directory(
    handlers: Handlers,
    *,
    clock: Callable[[], datetime] = _utc_now,
    on_programme: ProgrammeHook | None = None,
    on_participant: ParticipantHook | None = None,
    on_withdrawn: WithdrawnHook | None = None,
    on_erased: ErasureHook | None = None,
) -> Handlers:
    """Register the handlers of matching's programme and participant events.

    Each hook runs after the directory's own change, in the same transaction, for
    the service's own work (a programme's forum, mails owed, its erasure duties).
    """

    async def programme_created(event: ProgrammeCreated, hc: HandlerContext) -> None:
        programme = Programme(
            event.programme_id, event.name, tuple(event.countries), tuple(event.languages)
        )
        managers = [
            Contact(m.subject, m.display_name, m.email, m.preferred_language, m.time_zone)
            for m in event.managers
        ]
        await store.describe_programme(hc.session, programme, managers, clock())
        if on_programme is not None:
            await on_programme(hc.session, programme)

    async def participant_known(event: ParticipantProfileFacts, hc: HandlerContext) -> None:
        if await store.is_erased(hc.session, event.participant_id):
            return  # an event that overtook the erasure must not restore the contact
        await store.save_participant(hc.session, participant_of(event), clock())
        if on_participant is not None:
            found = await store.participant(hc.session, event.participant_id)
            assert found is not None  # just saved, in this transaction
            await on_participant(hc.session, found)

    async def participant_registered(event: ParticipantRegistered, hc: HandlerContext) -> None:
        await participant_known(event, hc)

    async def participant_updated(event: ParticipantUpdated, hc: HandlerContext) -> None:
        await participant_known(event, hc)

    async def participant_withdrawn(event: ParticipantWithdrawn, hc: HandlerContext) -> None:
        if await store.is_erased(hc.session, event.participant_id):
            return
        await store.know_programme(hc.session, event.programme_id, clock())
        await store.withdraw(hc.session, event.participant_id, clock())
        if on_withdrawn is not None:
            await on_withdrawn(hc.session, event.participant_id)

    async def participant_erased(event: ParticipantErased, hc: HandlerContext) -> None:
        erasure = await store.erase_participant(
            hc.session, event.participant_id, event.subject, clock()
        )
        if on_erased is not None:
            await on_erased(hc.session, erasure)

    return (
        handlers.on(ProgrammeCreated, programme_created)
        .on(ParticipantRegistered, participant_registered)
        .on(ParticipantUpdated, participant_updated)
        .on(ParticipantWithdrawn, participant_withdrawn)
        .on(ParticipantErased, participant_erased)
    )
