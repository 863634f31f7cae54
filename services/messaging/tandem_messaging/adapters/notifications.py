"""Messaging's mails: rendered per recipient language and queued in the kit's mail outbox.

Every function queues in the caller's transaction under an idempotency key that
names the cause and the recipient, so a redelivered event or a retried use
case never queues the same mail twice, and a crash never loses one.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from string import Template

from sqlalchemy.ext.asyncio import AsyncSession

from tandem_kit.directory import Contact
from tandem_kit.mail import TemplateCatalog, forget_recipient, purge_sent_mails, queue_rendered
from tandem_messaging.domain.mail_texts import (
    AGREEMENT_PENDING,
    DIGEST,
    INTRODUCTION,
    LINKEDIN_INTRO,
    NEW_MESSAGE,
    ROLE_NAMES,
    SOMEONE,
    TEMPLATES,
    UNREAD_LINE,
)


def _catalog() -> TemplateCatalog:
    catalog = TemplateCatalog(default_language="en")
    for name, languages in TEMPLATES.items():
        for language, (subject, text) in languages.items():
            catalog.add(name, language, subject=subject, text=text)
    return catalog


CATALOG = _catalog()


@dataclass(frozen=True)
class Person:
    """Someone mentioned in a mail (not its recipient)."""

    display_name: str | None  # None when their contact has not arrived yet
    role: str
    linkedin_url: str | None = None


def _language(template: str, contact: Contact) -> str:
    return CATALOG.resolve_language(template, contact.language)


def _name(person: Person, language: str) -> str:
    return person.display_name or SOMEONE[language]


async def _queue(
    session: AsyncSession, template: str, to: Contact, key: str, **values: object
) -> bool:
    mail = CATALOG.render(template, to.language, name=to.display_name, **values)
    return await queue_rendered(session, mail, recipient=to.email, idempotency_key=key)


async def new_message(
    session: AsyncSession,
    to: Contact,
    *,
    sender: Person,
    programme: str,
    link: str,
    preferences: str,
    key: str,
) -> bool:
    language = _language(NEW_MESSAGE, to)
    return await _queue(
        session,
        NEW_MESSAGE,
        to,
        key,
        sender=_name(sender, language),
        programme=programme,
        link=link,
        preferences=preferences,
    )


async def digest(
    session: AsyncSession,
    to: Contact,
    *,
    unread: Sequence[tuple[int, Sequence[Person]]],
    link: str,
    preferences: str,
    key: str,
) -> bool:
    """``unread``: per conversation, its unread count and the other members."""
    language = _language(DIGEST, to)
    line = Template(UNREAD_LINE[language])
    summary = "\n".join(
        line.substitute(count=count, names=", ".join(_name(p, language) for p in people))
        for count, people in unread
    )
    return await _queue(
        session,
        DIGEST,
        to,
        key,
        count=sum(c for c, _ in unread),
        summary=summary,
        link=link,
        preferences=preferences,
    )


async def introduction(
    session: AsyncSession,
    to: Contact,
    *,
    others: Sequence[Person],
    programme: str,
    link: str,
    key: str,
) -> bool:
    """``others[i].linkedin_url`` is set only where the recipient and that person both consented."""
    language = _language(INTRODUCTION, to)
    roles = ROLE_NAMES[language]
    members = "\n".join(f"- {_name(p, language)} ({roles.get(p.role, p.role)})" for p in others)
    links = [f"- {_name(p, language)}: {p.linkedin_url}" for p in others if p.linkedin_url]
    linkedin = "\n".join([LINKEDIN_INTRO[language], *links, ""]) if links else ""
    return await _queue(
        session,
        INTRODUCTION,
        to,
        key,
        members=members,
        linkedin=linkedin,
        programme=programme,
        link=link,
    )


async def agreement_pending(
    session: AsyncSession,
    to: Contact,
    *,
    version: int,
    programme: str,
    members: Sequence[Person],
    link: str,
    key: str,
) -> bool:
    language = _language(AGREEMENT_PENDING, to)
    return await _queue(
        session,
        AGREEMENT_PENDING,
        to,
        key,
        version=version,
        programme=programme,
        link=link,
        members=", ".join(_name(p, language) for p in members),
    )


async def forget_mails_to(session: AsyncSession, email: str) -> None:
    """Erasure: every mail to the address goes, sent or not (it holds their name)."""
    await forget_recipient(session, email)


async def forget_sent_mails(session: AsyncSession, *, before: datetime) -> None:
    await purge_sent_mails(session, sent_before=before)
