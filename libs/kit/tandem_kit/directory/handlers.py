"""The directory's event handlers, registered on a service's ``Handlers``.

Programmes and withdrawals come from ``tandem.matching.v1``; contacts only from the
compacted ``tandem.contacts.v1`` (a value per participant, a tombstone on erasure).
Partitions and topics do not order events across keys, so any of them may be the
first a service hears of a programme or a participant: each handler accepts its
event whatever came before it. An erased participant stays erased: a contact or
withdrawal that overtook the erasure is dropped. Erasure arrives twice, as
``participant.erased`` and as the contact's tombstone, in either order: the first
forgets the person and runs the service's ``on_erased`` hook with what the directory
knew (the contact, so mails to the address can go too); the second finds nothing
left to forget and runs the hook again with ``participant=None``.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from uuid import UUID

from sqlalchemy.ext.asyncio import AsyncSession

from tandem_contracts import CONTACTS_TOPIC, service_topic
from tandem_contracts.common import MailOverrides
from tandem_contracts.contacts import ParticipantContact
from tandem_contracts.matching import (
    ParticipantErased,
    ParticipantWithdrawn,
    ProgrammeCreated,
    ProgrammeUpdated,
)
from tandem_kit.directory import store
from tandem_kit.directory.records import Contact, Erasure, Participant, Programme
from tandem_kit.i18n import MailOverride
from tandem_kit.kafka import HandlerContext, Handlers, Tombstone

# What a service with a directory consumes: ``ServiceDefinition(consumes=...)``.
DIRECTORY_TOPICS = (service_topic("matching"), CONTACTS_TOPIC)

ProgrammeHook = Callable[[AsyncSession, Programme], Awaitable[None]]
ParticipantHook = Callable[[AsyncSession, Participant], Awaitable[None]]
WithdrawnHook = Callable[[AsyncSession, UUID], Awaitable[None]]
ErasureHook = Callable[[AsyncSession, Erasure], Awaitable[None]]


def _utc_now() -> datetime:
    return datetime.now(UTC)


def participant_of(record: ParticipantContact) -> Participant:
    contact = record.contact
    return Participant(
        participant_id=record.participant_id,
        programme_id=record.programme_id,
        role=record.role,
        contact=Contact(
            contact.subject,
            contact.display_name,
            contact.email,
            contact.preferred_language,
            contact.time_zone,
            record.linkedin_url,
            record.city,
        ),
    )


def _overrides(event: MailOverrides) -> dict[str, dict[str, MailOverride]]:
    return {
        template: {language: MailOverride(o.subject, o.text) for language, o in by_language.items()}
        for template, by_language in event.items()
    }


def register_directory(
    handlers: Handlers,
    *,
    clock: Callable[[], datetime] = _utc_now,
    on_programme: ProgrammeHook | None = None,
    on_participant: ParticipantHook | None = None,
    on_withdrawn: WithdrawnHook | None = None,
    on_erased: ErasureHook | None = None,
) -> Handlers:
    """Register the handlers of matching's programme and participant events and of the
    contacts topic (subscribe to :data:`DIRECTORY_TOPICS`).

    Each hook runs after the directory's own change, in the same transaction, for
    the service's own work (a programme's forum, mails owed, its erasure duties):
    ``on_participant`` whenever a participant's contact is stored.
    """

    async def programme_created(event: ProgrammeCreated, hc: HandlerContext) -> None:
        programme = Programme(
            event.programme_id,
            event.name,
            tuple(event.countries),
            tuple(event.languages),
            _overrides(event.mail_overrides),
            event.time_zone,
            event.face_to_face_reach.value,
        )
        managers = [
            Contact(m.subject, m.display_name, m.email, m.preferred_language, m.time_zone)
            for m in event.managers
        ]
        await store.describe_programme(hc.session, programme, managers, clock())
        if on_programme is not None:
            await on_programme(hc.session, programme)

    async def programme_updated(event: ProgrammeUpdated, hc: HandlerContext) -> None:
        await store.reword_programme(
            hc.session,
            event.programme_id,
            name=event.name,
            languages=event.languages,
            mail_overrides=_overrides(event.mail_overrides),
            time_zone=event.time_zone,
            face_to_face_reach=event.face_to_face_reach.value,
            now=clock(),
        )

    async def contact_stated(record: ParticipantContact, hc: HandlerContext) -> None:
        if await store.is_erased(hc.session, record.participant_id):
            return  # a value that overtook the erasure must not restore the contact
        await store.save_participant(hc.session, participant_of(record), clock())
        if on_participant is not None:
            found = await store.participant(hc.session, record.participant_id)
            assert found is not None  # just saved, in this transaction
            await on_participant(hc.session, found)

    async def contact_removed(tombstone: Tombstone, hc: HandlerContext) -> None:
        # Matching tombstones a contact only when it erases the participant.
        await erase(hc.session, UUID(tombstone.key), None)

    async def participant_withdrawn(event: ParticipantWithdrawn, hc: HandlerContext) -> None:
        if await store.is_erased(hc.session, event.participant_id):
            return
        await store.know_programme(hc.session, event.programme_id, clock())
        await store.withdraw(hc.session, event.participant_id, clock())
        if on_withdrawn is not None:
            await on_withdrawn(hc.session, event.participant_id)

    async def participant_erased(event: ParticipantErased, hc: HandlerContext) -> None:
        await erase(hc.session, event.participant_id, event.subject)

    async def erase(session: AsyncSession, participant_id: UUID, subject: str | None) -> None:
        erasure = await store.erase_participant(session, participant_id, subject, clock())
        if on_erased is not None:
            await on_erased(session, erasure)

    return (
        handlers.on(ProgrammeCreated, programme_created)
        .on(ProgrammeUpdated, programme_updated)
        .on(ParticipantContact, contact_stated)
        .on_tombstone(ParticipantContact, contact_removed)
        .on(ParticipantWithdrawn, participant_withdrawn)
        .on(ParticipantErased, participant_erased)
    )
