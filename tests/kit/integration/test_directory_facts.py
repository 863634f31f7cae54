"""The facts meetings plans with, kept by the directory: a participant's city (personal,
sealed like the name) and a programme's face-to-face reach; run on SQLite and PostgreSQL.
"""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.engine import make_url

from tandem_contracts.common import Reach
from tandem_contracts.contacts import ParticipantContact
from tandem_contracts.matching import ParticipantErased, ProgrammeUpdated
from tandem_kit import directory
from tandem_kit.db.migrations import upgrade_async
from tandem_kit.directory import Participant
from tandem_kit.directory.tables import participants as participant_rows
from tandem_kit.directory.tables import programmes as programme_rows
from tandem_kit.kafka import Handlers
from tandem_kit.testing import database_with_vault
from tests.conftest import UrlFactory
from tests.kit.integration.test_directory import (
    MIGRATIONS,
    NOW,
    PROGRAMME,
    Hooks,
    Service,
    contact_of,
    created,
)


@pytest.fixture
async def service(url_factory: UrlFactory) -> AsyncIterator[Service]:
    url = await url_factory("directory-facts")
    await upgrade_async(MIGRATIONS, url)
    database = database_with_vault(url)
    hooks = Hooks()
    handlers = directory.register_directory(
        Handlers(), clock=lambda: NOW, on_participant=hooks.participant
    )
    yield Service(database, hooks, handlers)
    await database.dispose()


def lives_in(city: str | None, participant_id: uuid.UUID) -> ParticipantContact:
    return contact_of(participant_id).model_copy(update={"city": city})


async def assert_not_in_the_files(service: Service, needle: str) -> None:
    """On SQLite, every byte of the database file and its WAL, after the pool closed; on
    PostgreSQL the columns' bytes are what the tests read (the e2e erasure test scans its
    data directory)."""
    url = make_url(service.database.engine.url)
    if url.get_backend_name() != "sqlite":
        return
    await service.database.dispose()  # every page written out
    assert url.database is not None
    main = Path(url.database)
    files = [p for p in main.parent.iterdir() if p.name.startswith(main.name)]
    assert main in files
    for path in files:
        assert needle.encode() not in path.read_bytes(), path


async def stored_cities(service: Service) -> list[bytes | None]:
    async with service.database.transaction() as session:
        return list((await session.scalars(select(participant_rows.c.city))).all())


async def test_a_city_is_kept_sealed_and_returned_with_the_contact(service: Service) -> None:
    ana, bob = uuid.uuid4(), uuid.uuid4()
    city = f"Villaquennel-{uuid.uuid4().hex[:8]}"  # found nowhere else
    await service.deliver(lives_in(city, ana))
    await service.deliver(lives_in(None, bob))
    async with service.database.transaction() as session:
        known = await directory.participants_by_id(session, [ana, bob])
        latest = await directory.contact_of_subject(session, "ana")
    assert known[ana].contact.city == city
    assert known[bob].contact.city is None
    assert latest is not None
    assert latest.city == city
    hooked = [p for name, p in service.hooks.calls if name == "participant"]
    assert [p.contact.city for p in hooked if isinstance(p, Participant)] == [city, None]

    cities = await stored_cities(service)
    assert None in cities, "no city given, none stored"
    assert all(city.encode() not in (c or b"") for c in cities), "sealed, never in the clear"
    await assert_not_in_the_files(service, city)


async def test_erasure_leaves_no_city_readable(service: Service) -> None:
    ana = uuid.uuid4()
    city = f"Villaquennel-{uuid.uuid4().hex[:8]}"
    await service.deliver(lives_in(city, ana))
    async with service.database.transaction() as session:
        before = await directory.participant(session, ana)
    assert before is not None
    assert before.contact.city == city

    await service.deliver(
        ParticipantErased(programme_id=PROGRAMME, participant_id=ana, subject="ana")
    )
    await service.deliver(lives_in(f"{city}-late", ana))
    async with service.database.transaction() as session:
        assert await directory.participant(session, ana) is None
        assert await directory.contact_of_subject(session, "ana") is None
    assert await stored_cities(service) == []
    await assert_not_in_the_files(service, city)


async def test_the_programme_keeps_its_face_to_face_reach(service: Service) -> None:
    other, early = uuid.uuid4(), uuid.uuid4()
    await service.deliver(created().model_copy(update={"face_to_face_reach": Reach.SAME_COUNTRY}))
    await service.deliver(created(other))  # announced without it: same city
    # An update before the creation (partitions do not order across keys) states it too.
    await service.deliver(
        ProgrammeUpdated(
            programme_id=early,
            name="Early",
            languages=["en"],
            face_to_face_reach=Reach.SAME_COUNTRY,
        )
    )
    async with service.database.transaction() as session:
        country_wide = await directory.programme(session, PROGRAMME)
        city_wide = await directory.programme(session, other)
        updated_first = await directory.programme(session, early)
    assert country_wide is not None
    assert city_wide is not None
    assert updated_first is not None
    assert country_wide.face_to_face_reach == "same_country"
    assert city_wide.face_to_face_reach == "same_city"
    assert updated_first.face_to_face_reach == "same_country"

    await service.deliver(
        ProgrammeUpdated(programme_id=PROGRAMME, name="Women in Tech", languages=["en", "de"])
    )
    async with service.database.transaction() as session:
        narrowed = await directory.programme(session, PROGRAMME)
        stored = (
            await session.scalars(
                select(programme_rows.c.face_to_face_reach).where(programme_rows.c.id == other)
            )
        ).one()
    assert narrowed is not None
    assert narrowed.face_to_face_reach == "same_city", "the update's state, not a difference"
    assert stored == "same_city"
