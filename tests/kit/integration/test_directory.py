"""The directory of programmes and participants, fed through the real inbox.

Events arrive in any order across keys, may be delivered twice, and an erased
person must never come back; run on SQLite and on PostgreSQL.
"""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from sqlalchemy import MetaData, func, inspect, select
from sqlalchemy.ext.asyncio import AsyncSession

from tandem_contracts import CONTACTS_TOPIC, Envelope, Event, service_topic
from tandem_contracts.common import Contact as ContactFacts
from tandem_contracts.common import MailOverride as MailOverrideFacts
from tandem_contracts.common import MentoringFormat, Role
from tandem_contracts.contacts import ParticipantContact
from tandem_contracts.matching import (
    ParticipantErased,
    ParticipantWithdrawn,
    ProgrammeCreated,
    ProgrammeUpdated,
)
from tandem_kit import directory
from tandem_kit.db.database import Database
from tandem_kit.db.migrations import upgrade_async
from tandem_kit.db.tables import inbox_table
from tandem_kit.directory import Contact, Erasure, Participant, Programme
from tandem_kit.directory.tables import participants as participant_rows
from tandem_kit.i18n import MailOverride, Wording
from tandem_kit.kafka import Handlers, Tombstone
from tandem_kit.kafka.consumer import PoisonEvent, decode_record
from tandem_kit.testing import database_with_vault, deliver
from tests.conftest import UrlFactory

MIGRATIONS = Path(__file__).resolve().parents[1] / "directory_service" / "migrations"
CONSUMER = "directory-test"
NOW = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)


@dataclass
class Hooks:
    """What the service's own hooks saw, in order."""

    calls: list[tuple[str, object]] = field(default_factory=list)

    async def programme(self, session: AsyncSession, programme: Programme) -> None:
        self.calls.append(("programme", programme))

    async def participant(self, session: AsyncSession, participant: Participant) -> None:
        self.calls.append(("participant", participant))

    async def withdrawn(self, session: AsyncSession, participant_id: uuid.UUID) -> None:
        self.calls.append(("withdrawn", participant_id))

    async def erased(self, session: AsyncSession, erasure: Erasure) -> None:
        # The hook runs in the erasing transaction: the directory has forgotten already.
        assert await directory.participant(session, erasure.participant_id) is None
        self.calls.append(("erased", erasure))


@dataclass
class Service:
    database: Database
    hooks: Hooks
    handlers: Handlers

    async def deliver(self, event: Event, event_id: uuid.UUID | None = None) -> uuid.UUID:
        """Through the consumer's own decoding and inbox transaction, as a Kafka record."""
        envelope = Envelope.wrap(event, event_id=event_id)
        await deliver(self.database, CONSUMER, self.handlers, envelope)
        return envelope.id

    async def tombstone(self, participant_id: uuid.UUID) -> None:
        """Erasure's tombstone of the participant's contact (a key with no value)."""
        envelope = Envelope.tombstone_of(ParticipantContact, str(participant_id))
        await deliver(self.database, CONSUMER, self.handlers, envelope)


@pytest.fixture
async def service(url_factory: UrlFactory) -> AsyncIterator[Service]:
    url = await url_factory("directory")
    await upgrade_async(MIGRATIONS, url)
    database = database_with_vault(url)
    hooks = Hooks()
    handlers = directory.register_directory(
        Handlers(),
        clock=lambda: NOW,
        on_programme=hooks.programme,
        on_participant=hooks.participant,
        on_withdrawn=hooks.withdrawn,
        on_erased=hooks.erased,
    )
    yield Service(database, hooks, handlers)
    await database.dispose()


PROGRAMME = uuid.uuid4()
MANAGER = ContactFacts(
    subject="mia",
    display_name="Mia",
    email="mia@example.org",
    preferred_language="de",
    time_zone="Europe/Berlin",
)


def created(programme_id: uuid.UUID = PROGRAMME) -> ProgrammeCreated:
    return ProgrammeCreated(
        programme_id=programme_id,
        organisation_id=uuid.uuid4(),
        name="Women in Tech",
        countries=["DE", "FR"],
        languages=["en", "de"],
        starts_on=date(2026, 1, 1),
        ends_on=date(2026, 12, 31),
        formats=[MentoringFormat.PAIR],
        managers=[MANAGER, MANAGER],  # twice: the directory keeps one
    )


def contact_of(
    participant_id: uuid.UUID,
    subject: str = "ana",
    email: str = "ana@example.org",
    programme_id: uuid.UUID = PROGRAMME,
) -> ParticipantContact:
    """Ana's contact as matching publishes it on the compacted contacts topic."""
    return ParticipantContact(
        programme_id=programme_id,
        participant_id=participant_id,
        role=Role.MENTEE,
        contact=ContactFacts(
            subject=subject,
            display_name="Ana",
            email=email,
            preferred_language="es",
            time_zone="Europe/Madrid",
        ),
        linkedin_url="https://www.linkedin.com/in/ana",
    )


async def test_the_migration_helper_creates_the_tables_a_metadata_names(
    service: Service,
) -> None:
    metadata = MetaData()
    directory.add_directory_tables(metadata)
    async with service.database.engine.connect() as connection:
        names = await connection.run_sync(lambda c: set(inspect(c).get_table_names()))
    assert set(metadata.tables) <= names
    assert "tandem_directory_participants" in metadata.tables


async def test_programme_and_participant_are_looked_up_with_their_contacts(
    service: Service,
) -> None:
    ana = uuid.uuid4()
    await service.deliver(created())
    await service.deliver(contact_of(ana))
    async with service.database.transaction() as session:
        programme = await directory.programme(session, PROGRAMME)
        managers = await directory.managers_of(session, PROGRAMME)
        by_id = await directory.participants_by_id(session, [ana, uuid.uuid4()])
        in_programme = await directory.participant_in_programme(session, PROGRAMME, "ana")
        contact = await directory.contact_of_subject(session, "ana")
        elsewhere = await directory.participant_in_programme(session, uuid.uuid4(), "ana")
    assert programme == Programme(PROGRAMME, "Women in Tech", ("DE", "FR"), ("en", "de"))
    assert managers == [Contact("mia", "Mia", "mia@example.org", "de", "Europe/Berlin")]
    expected = Participant(
        ana,
        PROGRAMME,
        Role.MENTEE,
        Contact(
            "ana",
            "Ana",
            "ana@example.org",
            "es",
            "Europe/Madrid",
            "https://www.linkedin.com/in/ana",
        ),
    )
    assert by_id == {ana: expected}
    assert in_programme == expected
    assert contact == Contact("ana", "Ana", "ana@example.org", "es", "Europe/Madrid")
    assert elsewhere is None
    assert service.hooks.calls == [("programme", programme), ("participant", expected)]


async def test_the_programme_keeps_its_reference_time_zone(service: Service) -> None:
    """Issue 10: consuming services need the programme's zone (digests, deadlines)."""
    await service.deliver(created().model_copy(update={"time_zone": "Europe/Lisbon"}))
    await service.deliver(
        ProgrammeUpdated(
            programme_id=PROGRAMME,
            name="Women in Tech PT",
            languages=["en", "de"],
            time_zone="Atlantic/Azores",
        )
    )
    other = uuid.uuid4()
    await service.deliver(created(other))  # announced before the zone was stated: UTC
    async with service.database.transaction() as session:
        programme = await directory.programme(session, PROGRAMME)
        older = await directory.programme(session, other)
    assert programme == Programme(
        PROGRAMME, "Women in Tech PT", ("DE", "FR"), ("en", "de"), time_zone="Atlantic/Azores"
    )
    assert older is not None
    assert older.time_zone == "UTC"
    # the hook is for a programme's first description, not for each rename
    assert [name for name, _ in service.hooks.calls] == ["programme", "programme"]


async def test_whichever_event_arrives_first_is_accepted(service: Service) -> None:
    ana = uuid.uuid4()
    await service.deliver(contact_of(ana))
    async with service.database.transaction() as session:
        unnamed = await directory.programme(session, PROGRAMME)
    assert unnamed == Programme(PROGRAMME, None, (), ())

    await service.deliver(
        ParticipantWithdrawn(programme_id=PROGRAMME, participant_id=(bob := uuid.uuid4()))
    )
    await service.deliver(contact_of(bob, subject="bob", email="bob@example.org"))
    await service.deliver(created())
    await service.deliver(contact_of(ana, email="ana@new.example.org"))
    async with service.database.transaction() as session:
        programme = await directory.programme(session, PROGRAMME)
        known = await directory.participants_by_id(session, [ana, bob])
    assert programme is not None
    assert programme.name == "Women in Tech"
    assert known[ana].contact.email == "ana@new.example.org"
    assert not known[ana].withdrawn
    assert known[bob].withdrawn, "the withdrawal that came before the registration holds"


async def test_programme_updated_renames_and_rewords_in_any_order(service: Service) -> None:
    """``programme.updated`` carries the state (name, languages, mail overrides): the
    directory keeps it whether or not ``programme.created`` came first."""
    other = uuid.uuid4()
    wording = {"message-new": {"pt": MailOverrideFacts(subject="Nova: $sender", text="$link")}}
    await service.deliver(
        ProgrammeUpdated(
            programme_id=other, name="Regresso", languages=["pt"], mail_overrides=wording
        )
    )
    await service.deliver(created())
    await service.deliver(
        ProgrammeUpdated(programme_id=PROGRAMME, name="Renamed", languages=["en", "de"])
    )
    async with service.database.transaction() as session:
        early = await directory.programme(session, other)
        renamed = await directory.programme(session, PROGRAMME)
    assert early is not None
    assert renamed is not None
    overrides = {"message-new": {"pt": MailOverride("Nova: $sender", "$link")}}
    assert early.wording == Wording(("pt",), overrides)
    assert (early.name, early.countries) == ("Regresso", ())
    assert (renamed.name, renamed.languages, renamed.mail_overrides) == (
        "Renamed",
        ("en", "de"),
        {},
    )


async def test_a_redelivered_event_does_nothing_the_second_time(service: Service) -> None:
    ana = uuid.uuid4()
    event_id = await service.deliver(contact_of(ana))
    await service.deliver(contact_of(ana), event_id=event_id)
    async with service.database.transaction() as session:
        rows = (await session.execute(select(inbox_table))).all()
    assert len(rows) == 1
    assert [name for name, _ in service.hooks.calls] == ["participant"]


async def test_erasure_forgets_the_person_and_nothing_brings_them_back(service: Service) -> None:
    ana, other = uuid.uuid4(), uuid.uuid4()
    await service.deliver(created())
    await service.deliver(contact_of(ana))
    await service.deliver(contact_of(other, programme_id=uuid.uuid4()))
    async with service.database.transaction() as session:
        before = await directory.participant(session, ana)

    await service.deliver(
        ParticipantErased(programme_id=PROGRAMME, participant_id=ana, subject="ana")
    )
    assert service.hooks.calls[-1] == ("erased", Erasure(ana, "ana", before))
    async with service.database.transaction() as session:
        assert await directory.participant(session, ana) is None
        assert await directory.is_erased(session, ana)
        assert await directory.erased_among(session, [ana, other]) == {ana}
        # Ana registered twice (two programmes, one subject): she still takes part once.
        assert await directory.subject_participates(session, "ana")

    # Events that overtook the erasure arrive late: none of them restores anything.
    await service.deliver(contact_of(ana, email="ana@late.example.org"))
    await service.deliver(contact_of(ana))
    await service.deliver(ParticipantWithdrawn(programme_id=PROGRAMME, participant_id=ana))
    async with service.database.transaction() as session:
        assert await directory.participant(session, ana) is None
        kept = await directory.participant(session, other)
        assert (await session.scalar(select(func.count()).select_from(participant_rows))) == 1
    assert kept is not None
    assert kept.contact.email == "ana@example.org"
    assert [name for name, _ in service.hooks.calls].count("participant") == 2


async def test_an_erasure_before_any_profile_leaves_a_tombstone(service: Service) -> None:
    ana = uuid.uuid4()
    await service.deliver(
        ParticipantErased(programme_id=PROGRAMME, participant_id=ana, subject="ana")
    )
    assert service.hooks.calls == [("erased", Erasure(ana, "ana", None))]
    await service.deliver(contact_of(ana))
    async with service.database.transaction() as session:
        assert await directory.participant(session, ana) is None
        assert await directory.contact_of_subject(session, "ana") is None
        assert not await directory.subject_participates(session, "ana")


async def test_a_service_erasing_on_its_own_gets_what_the_directory_knew(
    service: Service,
) -> None:
    ana = uuid.uuid4()
    await service.deliver(contact_of(ana))
    async with service.database.transaction() as session:
        erasure = await directory.erase_participant(session, ana, None, NOW)
    assert erasure.subject == "ana"  # taken from the contact when the caller has none
    assert erasure.participant is not None
    assert erasure.participant.contact.email == "ana@example.org"
    async with service.database.transaction() as session:
        assert await directory.is_erased(session, ana)
        assert await directory.participants_by_id(session, [ana]) == {}


async def test_the_contact_tombstone_first_erases_with_the_contact_then_erased_finds_nothing(
    service: Service,
) -> None:
    # The tombstone (contacts topic) and participant.erased (matching topic) are on two
    # topics: either may come first. The first must erase with what the directory knew
    # (the e-mail, so a service can shred mails to it), the second must change nothing.
    ana = uuid.uuid4()
    await service.deliver(contact_of(ana))
    async with service.database.transaction() as session:
        before = await directory.participant(session, ana)
    assert before is not None

    await service.tombstone(ana)
    assert service.hooks.calls[-1] == ("erased", Erasure(ana, "ana", before))
    async with service.database.transaction() as session:
        assert await directory.participant(session, ana) is None
        assert await directory.is_erased(session, ana)

    await service.deliver(
        ParticipantErased(programme_id=PROGRAMME, participant_id=ana, subject="ana")
    )
    assert service.hooks.calls[-1] == ("erased", Erasure(ana, "ana", None))
    await service.deliver(contact_of(ana, email="ana@late.example.org"))  # overtaken: dropped
    async with service.database.transaction() as session:
        assert await directory.participant(session, ana) is None
        emails = (await session.scalars(select(participant_rows.c.email))).all()
    assert emails == []


async def test_participant_erased_first_then_the_tombstone_finds_nothing(
    service: Service,
) -> None:
    ana = uuid.uuid4()
    await service.deliver(contact_of(ana))
    async with service.database.transaction() as session:
        before = await directory.participant(session, ana)
    await service.deliver(
        ParticipantErased(programme_id=PROGRAMME, participant_id=ana, subject="ana")
    )
    await service.tombstone(ana)
    assert [call for call in service.hooks.calls if call[0] == "erased"] == [
        ("erased", Erasure(ana, "ana", before)),
        ("erased", Erasure(ana, None, None)),
    ]
    async with service.database.transaction() as session:
        assert await directory.participant(session, ana) is None
        assert await directory.is_erased(session, ana)


async def test_a_tombstone_is_read_only_from_the_contacts_topic() -> None:
    # On tandem.matching.v1 a record with no value is still not a CloudEvent to read.
    handlers = directory.register_directory(Handlers())
    envelope = Envelope.tombstone_of(ParticipantContact, str(uuid.uuid4()))
    headers = envelope.kafka_headers()
    on_contacts = decode_record(
        headers, b"k", None, handlers, topic=CONTACTS_TOPIC, tombstones=handlers.tombstones
    )
    assert on_contacts[1] == Tombstone(ParticipantContact.event_type, "k")
    with pytest.raises(PoisonEvent, match="tombstone"):
        decode_record(
            headers,
            b"k",
            None,
            handlers,
            topic=service_topic("matching"),
            tombstones=handlers.tombstones,
        )
