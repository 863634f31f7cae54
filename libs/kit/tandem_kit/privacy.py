"""Personal data at rest: sealed under a key per person, which erasure destroys.

Why keys and not just deletion: deleting a row does not remove its bytes. SQLite
leaves them in free space and in its write-ahead log until they are overwritten
(the kit's engine turns ``secure_delete`` on and checkpoints after an erasure);
PostgreSQL keeps dead row versions until vacuum, and ``pg_wal`` (and every WAL
archive and base backup) keeps the text of every row ever inserted, which no vacuum
reaches. So a personal field (a name, an e-mail address, a LinkedIn URL, free text
that names someone) is never written in the clear: it is sealed (AES-256-GCM) under
its person's own data key, stored wrapped by the service's master key in
``tandem_person_keys``. :meth:`PersonalVault.shred` deletes that key: from then on
every copy of the person's ciphertext, wherever it lies, opens with nothing.

What a service must look up or compare (matching's duplicate e-mails) it stores as
a *blind index* too: an HMAC of the normalised value under a key derived from the
master key, equal for equal values, useless without the master key.

Mails and stored Idempotency-Key answers name several people at once. Each is sealed
under a data key of its own, and link rows (``tandem_mail_names``,
``tandem_idempotency_names``) record whom it names; shredding any of them deletes it.
The answers' links are gathered on the way: every field a request seals or opens for
a person marks the request's session as naming that person.

The master key lives in the settings, never in the database. A wrapped key deleted on
PostgreSQL still lies in ``pg_wal`` until its segment is recycled (after the next
checkpoints, ``max_wal_size``/``wal_keep_size``) and in any archive: whoever holds
those files *and* the master key can open what it sealed until then; without the
master key, nothing in any file of the database is readable.
"""

from __future__ import annotations

import hashlib
import hmac
import unicodedata
from collections.abc import Iterable
from datetime import UTC, datetime
from uuid import UUID

from sqlalchemy import Select, delete, select
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncSession

from tandem_kit.crypto import NONCE_BYTES, Keyring, Sealed, seal, unseal
from tandem_kit.db.database import after_commit, database_of, vault_of
from tandem_kit.db.tables import (
    idempotency_names_table,
    idempotency_table,
    mail_names_table,
    mail_outbox_table,
    person_keys_table,
)

__all__ = [
    "PersonalVault",
    "named_in",
    "pack",
    "participant",
    "unpack",
    "vault_of",
]

_KEYS = "tandem_person_keys"  # session.info: person -> data key, for this session
_NAMED = "tandem_named"  # session.info: people whose fields this session sealed or opened
_PERSON_KIND = "person"


def participant(participant_id: UUID | str) -> str:
    """The person a participant is, as the vault names them."""
    return f"participant:{participant_id}"


def pack(sealed: Sealed) -> bytes:
    """One column for a sealed value: the nonce, then the ciphertext."""
    return sealed.nonce + sealed.ciphertext


def unpack(blob: bytes) -> Sealed:
    return Sealed(blob[:NONCE_BYTES], blob[NONCE_BYTES:])


def named_in(session: AsyncSession) -> set[str]:
    """The people whose personal fields ``session`` sealed or opened so far."""
    named: set[str] = session.info.setdefault(_NAMED, set())
    return named


class PersonalVault:
    """A service's per-person data keys under its master key, and its blind index."""

    def __init__(self, master_key: bytes, *, namespace: str) -> None:
        self.keyring = Keyring(master_key, namespace=namespace)
        self.namespace = namespace
        self._index_key = hmac.new(
            master_key, f"{namespace}/blind-index".encode(), hashlib.sha256
        ).digest()

    # --- Blind index --------------------------------------------------------------------

    def blind_index(self, value: str) -> str:
        """An HMAC-SHA256 of the value, case and Unicode form folded (64 hex digits)."""
        normal = unicodedata.normalize("NFKC", value).strip().casefold()
        return hmac.new(self._index_key, normal.encode(), hashlib.sha256).hexdigest()

    # --- Per-person fields --------------------------------------------------------------

    def _aad(self, person: str, field: str) -> bytes:
        return f"{self.namespace}/person/{person}/{field}".encode()

    async def _key(self, session: AsyncSession, person: str, *, create: bool) -> bytes | None:
        cache: dict[str, bytes] = session.info.setdefault(_KEYS, {})
        if person in cache:
            return cache[person]
        table = person_keys_table
        row = await session.scalar(select(table.c.wrapped_key).where(table.c.person == person))
        if row is None:
            if not create:
                return None
            insert = (
                postgresql_insert
                if session.get_bind().dialect.name == "postgresql"
                else sqlite_insert
            )
            wrapped = pack(self.keyring.new_wrapped_key(_PERSON_KIND, person))
            await session.execute(
                insert(table)
                .values(person=person, wrapped_key=wrapped, created_at=datetime.now(UTC))
                .on_conflict_do_nothing(index_elements=["person"])
            )
            # Another transaction may have won the race: read back the key that stands.
            row = await session.scalar(select(table.c.wrapped_key).where(table.c.person == person))
            assert row is not None
        key = self.keyring.unwrap(_PERSON_KIND, person, unpack(row))
        cache[person] = key
        return key

    async def preload(self, session: AsyncSession, people: Iterable[str]) -> None:
        """Read and unwrap the keys of ``people`` in one query, for the session: a batch
        that opens many people's fields then asks the database once, not once each."""
        cache: dict[str, bytes] = session.info.setdefault(_KEYS, {})
        wanted = sorted({person for person in people if person not in cache})
        table = person_keys_table
        for start in range(0, len(wanted), 500):  # well under any bound-parameter limit
            rows = await session.execute(
                select(table.c.person, table.c.wrapped_key).where(
                    table.c.person.in_(wanted[start : start + 500])
                )
            )
            for person, wrapped in rows:
                cache[person] = self.keyring.unwrap(_PERSON_KIND, person, unpack(wrapped))

    async def seal(
        self, session: AsyncSession, person: str, field: str, value: str | None
    ) -> bytes | None:
        """``value`` sealed for ``person`` (None stays None); creates their key if needed."""
        if value is None:
            return None
        key = await self._key(session, person, create=True)
        assert key is not None
        named_in(session).add(person)
        return pack(seal(key, value.encode(), self._aad(person, field)))

    async def open(
        self, session: AsyncSession, person: str, field: str, blob: bytes | None
    ) -> str | None:
        """The field in the clear; None when it is empty or its person was shredded."""
        if blob is None:
            return None
        key = await self._key(session, person, create=False)
        if key is None:
            return None
        named_in(session).add(person)
        return unseal(key, unpack(blob), self._aad(person, field)).decode()

    async def shred(self, session: AsyncSession, person: str) -> None:
        """Erase ``person``: their key, every mail and stored answer naming them.

        On SQLite the write-ahead log is checkpointed and truncated once the erasing
        transaction has committed, so the old pages leave the files too.
        """
        session.info.setdefault(_KEYS, {}).pop(person, None)
        await session.execute(delete(person_keys_table).where(person_keys_table.c.person == person))
        await forget_mails(session, select_mails_naming([person]))
        await _forget_answers_naming(session, person)
        database = database_of(session)
        if database.dialect == "sqlite":
            after_commit(session, database.checkpoint)

    # --- Things of their own that name people (mails, stored answers) -----------------

    def seal_item(self, kind: str, item_id: str, plaintext: bytes) -> tuple[bytes, bytes]:
        """``(wrapped key, sealed content)`` under a fresh data key for one item."""
        aad = f"{self.namespace}/{kind}/{item_id}".encode()
        wrapped = self.keyring.new_wrapped_key(kind, item_id)
        data_key = self.keyring.unwrap(kind, item_id, wrapped)
        return pack(wrapped), pack(seal(data_key, plaintext, aad))

    def open_item(self, kind: str, item_id: str, wrapped: bytes, content: bytes) -> bytes:
        data_key = self.keyring.unwrap(kind, item_id, unpack(wrapped))
        return unseal(data_key, unpack(content), f"{self.namespace}/{kind}/{item_id}".encode())


def select_mails_naming(people: Iterable[str]) -> Select[tuple[int]]:
    return select(mail_names_table.c.mail_id).where(mail_names_table.c.person.in_(list(people)))


async def forget_mails(session: AsyncSession, mail_ids: Select[tuple[int]]) -> int:
    """Delete the mails ``mail_ids`` selects (sent or not) and their name links."""
    ids = list((await session.scalars(mail_ids)).all())
    if not ids:
        return 0
    await session.execute(delete(mail_names_table).where(mail_names_table.c.mail_id.in_(ids)))
    result = await session.execute(delete(mail_outbox_table).where(mail_outbox_table.c.id.in_(ids)))
    return int(getattr(result, "rowcount", 0) or 0)


async def _forget_answers_naming(session: AsyncSession, person: str) -> None:
    links = idempotency_names_table
    scopes = list(
        (await session.scalars(select(links.c.scope_hash).where(links.c.person == person))).all()
    )
    if not scopes:
        return
    await session.execute(delete(links).where(links.c.scope_hash.in_(scopes)))
    await session.execute(
        delete(idempotency_table).where(idempotency_table.c.scope_hash.in_(scopes))
    )
