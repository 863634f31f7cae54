"""Personal data under per-person keys (tandem_kit.privacy), on SQLite and PostgreSQL.

A person's fields are sealed under their own key and open until the key is shredded;
the mails and the stored Idempotency-Key answers that name them go with it; on SQLite
every connection zeroes deleted content and the WAL is truncated once an erasure
commits. The fixture app's own routes seal and shred, as a service's use cases do.
"""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from fastapi import APIRouter
from pydantic import BaseModel
from sqlalchemy import Table, func, select, text

from tandem_kit.app import RuntimeDep
from tandem_kit.db.tables import (
    idempotency_names_table,
    idempotency_table,
    mail_names_table,
    mail_outbox_table,
    person_keys_table,
)
from tandem_kit.mail import queue_mail
from tandem_kit.privacy import PersonalVault, participant, vault_of
from tandem_kit.settings import ServiceSettings
from tandem_kit.testing import RunningApp, isolated_settings, run_app
from tests.conftest import UrlFactory
from tests.kit.fixture_service import app as fixture

router = APIRouter(prefix="/v1/people", tags=["people"])


class PersonCreate(BaseModel):
    id: uuid.UUID
    name: str


@router.post("", status_code=201)
async def register(body: PersonCreate, runtime: RuntimeDep) -> dict[str, str]:
    """Seals the name for its person and answers with it (a stored answer naming them)."""
    async with runtime.database.transaction() as session:
        vault, person = vault_of(session), participant(body.id)
        sealed = await vault.seal(session, person, "display_name", body.name)
        opened = await vault.open(session, person, "display_name", sealed)
        assert opened is not None
    return {"id": str(body.id), "name": opened}


@pytest.fixture
async def app(
    url_factory: UrlFactory, tmp_path: Path
) -> AsyncIterator[RunningApp[ServiceSettings]]:
    settings = isolated_settings(
        ServiceSettings, tmp_path, database_url=await url_factory("privacy")
    )
    async with run_app(fixture.build_app(settings, routers=[router]), settings) as started:
        yield started


def vault(app: RunningApp[ServiceSettings]) -> PersonalVault:
    assert app.runtime.database.vault is not None
    return app.runtime.database.vault


async def count(app: RunningApp[ServiceSettings], table: Table, **where: object) -> int:
    query = select(func.count()).select_from(table)
    for column, value in where.items():
        query = query.where(table.c[column] == value)
    async with app.runtime.database.sessions() as session:
        return int(await session.scalar(query) or 0)


async def test_a_sealed_field_opens_until_its_person_is_shredded(
    app: RunningApp[ServiceSettings],
) -> None:
    ana, ben = participant(uuid.uuid4()), participant(uuid.uuid4())
    async with app.runtime.database.transaction() as session:
        v = vault_of(session)
        ana_name = await v.seal(session, ana, "display_name", "Ana Ferreira")
        ben_name = await v.seal(session, ben, "display_name", "Ben Okafor")
        assert ana_name is not None
        assert b"Ana" not in ana_name
        assert await v.seal(session, ana, "linkedin_url", None) is None
    async with app.runtime.database.transaction() as session:
        assert await v.open(session, ana, "display_name", ana_name) == "Ana Ferreira"
        await v.shred(session, ana)
    async with app.runtime.database.transaction() as session:
        assert await v.open(session, ana, "display_name", ana_name) is None
        assert await v.open(session, ben, "display_name", ben_name) == "Ben Okafor"
    assert await count(app, person_keys_table, person=ana) == 0
    assert await count(app, person_keys_table, person=ben) == 1


def test_the_blind_index_matches_equal_addresses_and_only_under_its_master_key() -> None:
    one = PersonalVault(b"1" * 32, namespace="tandem.test/v1")
    other = PersonalVault(b"2" * 32, namespace="tandem.test/v1")
    assert one.blind_index("Ana@Example.org ") == one.blind_index("ana@example.org")
    assert one.blind_index("ana@example.org") != one.blind_index("ana@example.com")
    assert one.blind_index("ana@example.org") != other.blind_index("ana@example.org")
    assert "ana" not in one.blind_index("ana@example.org")


async def test_shredding_a_person_deletes_every_mail_that_names_them(
    app: RunningApp[ServiceSettings],
) -> None:
    ana, ben, cleo = (participant(uuid.uuid4()) for _ in range(3))
    async with app.runtime.database.transaction() as session:
        for key, to, names in (
            ("to-ben-about-ana", "ben@example.org", [ben, ana]),
            ("to-ana", "ana@example.org", [ana]),
            ("to-ben-about-cleo", "ben@example.org", [ben, cleo]),
        ):
            await queue_mail(
                session,
                template="t",
                recipient=to,
                subject=f"About {key}",
                body_text=f"Hello, {key} from Ana Ferreira",
                idempotency_key=key,
                names=names,
            )
    async with app.runtime.database.sessions() as session:
        rows = (await session.execute(select(mail_outbox_table))).all()
    assert all(b"Ana Ferreira" not in row.content for row in rows), "mail content is sealed"
    assert all(b"example.org" not in row.content for row in rows)

    async with app.runtime.database.transaction() as session:
        await vault_of(session).shred(session, ana)
    assert await count(app, mail_outbox_table) == 1
    assert await count(app, mail_names_table, person=ana) == 0
    assert await count(app, mail_names_table, person=cleo) == 1


async def test_a_stored_answer_naming_a_person_is_sealed_and_goes_with_them(
    app: RunningApp[ServiceSettings],
) -> None:
    ana = uuid.uuid4()
    headers = {**app.bearer("manager-1"), "Idempotency-Key": "register-ana"}
    body = {"id": str(ana), "name": "Ana Ferreira"}
    first = await app.client.post("/v1/people", json=body, headers=headers)
    assert first.status_code == 201, first.text
    again = await app.client.post("/v1/people", json=body, headers=headers)
    assert again.headers["Idempotent-Replayed"] == "true"
    assert again.json() == first.json() == {"id": str(ana), "name": "Ana Ferreira"}
    async with app.runtime.database.sessions() as session:
        [stored] = (await session.execute(select(idempotency_table.c.body))).scalars().all()
    assert b"Ana Ferreira" not in stored
    assert await count(app, idempotency_names_table, person=participant(ana)) == 1

    async with app.runtime.database.transaction() as session:
        await vault_of(session).shred(session, participant(ana))
    assert await count(app, idempotency_table) == 0
    assert await count(app, idempotency_names_table) == 0


async def test_sqlite_zeroes_deleted_content_and_truncates_the_wal_after_an_erasure(
    tmp_path: Path,
) -> None:
    settings = isolated_settings(ServiceSettings, tmp_path)
    async with run_app(fixture.build_app(settings, routers=[router]), settings) as app:
        database = app.runtime.database
        async with database.sessions() as session:
            assert await session.scalar(text("PRAGMA secure_delete")) == 1
        ana = participant(uuid.uuid4())
        async with database.transaction() as session:
            await vault_of(session).seal(session, ana, "display_name", "Ana Ferreira")
        wal = tmp_path / "service.db-wal"
        assert wal.stat().st_size > 0
        async with database.transaction() as session:
            await vault_of(session).shred(session, ana)
        assert wal.stat().st_size == 0, "the erasure's commit checkpoints and truncates the WAL"
