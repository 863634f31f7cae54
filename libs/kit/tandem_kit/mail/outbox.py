"""Queue a mail in the caller's transaction (the mail outbox).

The row commits or rolls back with the use case that decided to send it: a
rolled-back use case sends nothing, and a committed one cannot lose its mail.
The :class:`~tandem_kit.mail.relay.MailRelay` delivers committed rows later.

``idempotency_key`` names the mail (``"relationship-started:<relationship id>:<recipient>"``).
It becomes the mail's stable ``Message-ID``, unique in the table, so that a
consumer that is re-delivered an event — or a use case retried by its caller —
never queues the same mail twice: the second :func:`queue_mail` is a no-op
returning ``False``. Keys are per database (per service); put the event or
use-case name first so that two kinds of mail never share one.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncSession

from tandem_kit.db.bulk import insert_many
from tandem_kit.db.database import vault_of
from tandem_kit.db.tables import mail_names_table, mail_outbox_table
from tandem_kit.mail.templates import RenderedMail
from tandem_kit.privacy import forget_mails

__all__ = [
    "MAIL_KIND",
    "Attachment",
    "QueuedMail",
    "forget_recipient",
    "message_id_for",
    "purge_sent_mails",
    "queue_mail",
    "queue_rendered",
    "queue_rendered_many",
]

MAIL_KIND = "mail"  # what a mail's data key is for (its wrapping names it)
_HEADER_NAME = re.compile(r"^[A-Za-z0-9-]{1,76}$")
# Headers the relay writes itself (or that would add recipients); callers cannot set them.
_RESERVED_HEADERS = {
    "auto-submitted",
    "bcc",
    "cc",
    "date",
    "from",
    "message-id",
    "mime-version",
    "resent-bcc",
    "resent-cc",
    "resent-to",
    "return-path",
    "sender",
    "subject",
    "to",
}


@dataclass(frozen=True)
class Attachment:
    """A file attached to a mail; ``str`` content is sent as UTF-8 text."""

    filename: str
    content_type: str  # e.g. "text/calendar; method=REQUEST" or "application/pdf"
    content: str | bytes

    def __post_init__(self) -> None:
        if not self.filename or _has_line_break(self.filename) or "/" in self.filename:
            raise ValueError(f"invalid attachment filename {self.filename!r}")
        main, _, sub = self.content_type.partition(";")[0].strip().partition("/")
        if not main or not sub or _has_line_break(self.content_type):
            raise ValueError(f"invalid attachment content type {self.content_type!r}")

    def to_json(self) -> dict[str, Any]:
        is_text = isinstance(self.content, str)
        raw = self.content.encode() if isinstance(self.content, str) else self.content
        return {
            "filename": self.filename,
            "content_type": self.content_type,
            "content": base64.b64encode(raw).decode("ascii"),
            "text": is_text,
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Attachment:
        raw = base64.b64decode(data["content"])
        content: str | bytes = raw.decode() if data.get("text") else raw
        return cls(filename=data["filename"], content_type=data["content_type"], content=content)


def message_id_for(idempotency_key: str) -> str:
    """The stable ``Message-ID`` of the mail queued under ``idempotency_key``."""
    return f"<{hashlib.sha256(idempotency_key.encode()).hexdigest()[:40]}@tandem>"


def _has_line_break(value: str) -> bool:
    return "\r" in value or "\n" in value


def _check(recipient: str, subject: str, headers: Mapping[str, str], key: str) -> None:
    if not key:
        raise ValueError("a mail needs a non-empty idempotency_key")
    local, at, domain = recipient.rpartition("@")
    if not at or not local or not domain or _has_line_break(recipient) or " " in recipient:
        raise ValueError("the recipient must be one bare e-mail address (local@domain)")
    if len(recipient) > 320:
        raise ValueError("the recipient address is longer than 320 characters")
    if _has_line_break(subject):
        raise ValueError("a mail subject must be one line")
    for name, value in headers.items():
        if (
            not _HEADER_NAME.match(name)
            or name.lower() in _RESERVED_HEADERS
            or (name.lower().startswith("content-"))
        ):
            raise ValueError(f"header {name!r} cannot be set on a queued mail")
        if _has_line_break(value):
            raise ValueError(f"header {name!r} must be one line")


async def queue_mail(
    session: AsyncSession,
    *,
    template: str,
    recipient: str,
    subject: str,
    body_text: str,
    body_html: str | None = None,
    attachments: Sequence[Attachment] = (),
    idempotency_key: str,
    language: str | None = None,
    headers: Mapping[str, str] | None = None,
    names: Sequence[str] = (),
) -> bool:
    """Queue one mail in ``session``'s transaction; ``False`` if the key was queued before.

    ``template`` names the kind of mail (a metric label, never personal data);
    ``language`` becomes the ``Content-Language`` header; ``headers`` adds
    headers such as ``List-Unsubscribe`` (not ones the relay writes itself).
    ``names``: the people (``tandem_kit.privacy`` persons) the mail is to or about;
    erasing any of them deletes it, sent or not. Its content is sealed (see
    :mod:`tandem_kit.privacy`): no address, subject or body is stored in the clear.
    """
    extra = dict(headers or {})
    _check(recipient, subject, extra, idempotency_key)
    vault = vault_of(session)
    message_id = message_id_for(idempotency_key)
    content = {
        "recipient": recipient,
        "subject": subject,
        "body_text": body_text,
        "body_html": body_html,
        "attachments": [attachment.to_json() for attachment in attachments],
        "headers": extra,
    }
    wrapped_key, sealed = vault.seal_item(MAIL_KIND, message_id, json.dumps(content).encode())
    row = {
        "message_id": message_id,
        "template": template,
        "recipient_index": vault.blind_index(recipient),
        "wrapped_key": wrapped_key,
        "content": sealed,
        "language": language,
        "created_at": datetime.now(UTC),
        "attempts": 0,
    }
    dialect = session.get_bind().dialect.name
    if dialect == "postgresql":
        statement: Any = postgresql_insert(mail_outbox_table).on_conflict_do_nothing(
            index_elements=["message_id"]
        )
    elif dialect == "sqlite":
        statement = sqlite_insert(mail_outbox_table).on_conflict_do_nothing(
            index_elements=["message_id"]
        )
    else:  # pragma: no cover - the kit supports SQLite and PostgreSQL only
        statement = insert(mail_outbox_table)
    # ON CONFLICT DO NOTHING, not a caught IntegrityError: the caller's transaction
    # stays usable, and a concurrent transaction queuing the same key waits for
    # ours and then inserts nothing.
    mail_id = await session.scalar(statement.values(row).returning(mail_outbox_table.c.id))
    if mail_id is None:
        return False
    for person in sorted(set(names)):
        await session.execute(insert(mail_names_table).values(mail_id=mail_id, person=person))
    return True


async def queue_rendered(
    session: AsyncSession,
    mail: RenderedMail,
    *,
    recipient: str,
    idempotency_key: str,
    attachments: Sequence[Attachment] = (),
    headers: Mapping[str, str] | None = None,
    names: Sequence[str] = (),
) -> bool:
    """:func:`queue_mail` for a mail rendered by a :class:`~tandem_kit.mail.TemplateCatalog`."""
    return await queue_mail(
        session,
        template=mail.template,
        recipient=recipient,
        subject=mail.subject,
        body_text=mail.text,
        body_html=mail.html,
        attachments=attachments,
        idempotency_key=idempotency_key,
        language=mail.language,
        headers=headers,
        names=names,
    )


@dataclass(frozen=True)
class QueuedMail:
    """One mail of :func:`queue_rendered_many` (the arguments of :func:`queue_rendered`)."""

    mail: RenderedMail
    recipient: str
    idempotency_key: str
    attachments: Sequence[Attachment] = ()
    headers: Mapping[str, str] | None = None
    names: Sequence[str] = ()


async def queue_rendered_many(session: AsyncSession, mails: Sequence[QueuedMail]) -> int:
    """:func:`queue_rendered` for many mails in two statements; how many were new.

    The same rows as one call each (content sealed per mail, the same ``Message-ID`` and
    name links); a key queued before, or twice in ``mails``, queues nothing again.
    """
    vault = vault_of(session)
    now = datetime.now(UTC)
    rows: dict[str, dict[str, Any]] = {}
    names: dict[str, Sequence[str]] = {}
    for queued in mails:
        extra = dict(queued.headers or {})
        mail = queued.mail
        _check(queued.recipient, mail.subject, extra, queued.idempotency_key)
        message_id = message_id_for(queued.idempotency_key)
        if message_id in rows:
            continue  # the first one wins, as one call after another
        content = {
            "recipient": queued.recipient,
            "subject": mail.subject,
            "body_text": mail.text,
            "body_html": mail.html,
            "attachments": [attachment.to_json() for attachment in queued.attachments],
            "headers": extra,
        }
        wrapped_key, sealed = vault.seal_item(MAIL_KIND, message_id, json.dumps(content).encode())
        rows[message_id] = {
            "message_id": message_id,
            "template": mail.template,
            "recipient_index": vault.blind_index(queued.recipient),
            "wrapped_key": wrapped_key,
            "content": sealed,
            "language": mail.language,
            "created_at": now,
            "attempts": 0,
        }
        names[message_id] = queued.names
    if not rows:
        return 0
    t = mail_outbox_table
    already = set(
        await session.scalars(select(t.c.message_id).where(t.c.message_id.in_(list(rows))))
    )
    fresh = [row for message_id, row in rows.items() if message_id not in already]
    if not fresh:
        return 0
    # A concurrent transaction queuing one of these keys makes this insert fail (the
    # unique message_id): the caller's transaction rolls back and its event comes again.
    await insert_many(session, t, fresh)
    created = await session.execute(
        select(t.c.id, t.c.message_id).where(t.c.message_id.in_([r["message_id"] for r in fresh]))
    )
    links = [
        {"mail_id": mail_id, "person": person}
        for mail_id, message_id in created
        for person in sorted(set(names[message_id]))
    ]
    if links:
        await insert_many(session, mail_names_table, links)
    return len(fresh)


async def forget_recipient(session: AsyncSession, recipient: str) -> int:
    """Delete every queued, sent or failed mail to ``recipient`` (on ``participant.erased``).

    Returns how many rows went. Their idempotency keys go with them, which is
    harmless: after an erasure the service has no address left to mail. (Mails
    queued with ``names`` go when any person they name is shredded.)
    """
    t = mail_outbox_table
    index = vault_of(session).blind_index(recipient)
    return await forget_mails(session, select(t.c.id).where(t.c.recipient_index == index))


async def purge_sent_mails(session: AsyncSession, *, sent_before: datetime) -> int:
    """Delete mails sent before ``sent_before`` (retention); unsent and failed rows stay.

    A purged mail's idempotency key can be queued again, so keep sent mails longer
    than an event can be re-delivered (the Kafka topics' retention).
    """
    t = mail_outbox_table
    return await forget_mails(
        session, select(t.c.id).where(t.c.sent_at.is_not(None), t.c.sent_at < sent_before)
    )
