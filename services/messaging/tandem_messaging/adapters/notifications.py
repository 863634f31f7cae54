"""Messaging's mails: rendered per recipient language and queued in the kit's mail outbox.

Every function queues in the caller's transaction under an idempotency key that
names the cause and the recipient, so a redelivered event or a retried use
case never queues the same mail twice, and a crash never loses one.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from babel.numbers import format_decimal
from sqlalchemy.ext.asyncio import AsyncSession

import tandem_messaging
from tandem_kit.directory import Contact
from tandem_kit.i18n import MailCatalog, MailTemplate, Msg, Wording, Words
from tandem_kit.mail import forget_recipient, purge_sent_mails, queue_rendered
from tandem_messaging.domain import mail_texts as texts

LOCALE = Path(tandem_messaging.__file__).parent / "locale"


def _msg(context: str, source: texts.Text) -> Msg:
    return Msg(context, source) if isinstance(source, str) else Msg(context, *source)


MAILS = MailCatalog(
    "messaging",
    LOCALE,
    [
        MailTemplate(name, _msg(f"{name}.subject", subject), _msg(f"{name}.text", text))
        for name, (subject, text) in texts.TEMPLATES.items()
    ],
    [_msg(context, source) for context, source in texts.WORDS.items()],
)
_ROLES = {"mentor": texts.ROLE_MENTOR, "mentee": texts.ROLE_MENTEE, "manager": texts.ROLE_MANAGER}
WORDS = {context: _msg(context, source) for context, source in texts.WORDS.items()}


@dataclass(frozen=True)
class Person:
    """Someone mentioned in a mail (not its recipient)."""

    display_name: str | None  # None when their contact has not arrived yet
    role: str
    linkedin_url: str | None = None


@dataclass(frozen=True)
class WaitingAgreement:
    """One line of a manager's digest: a relationship whose agreement waits for them."""

    programme: str
    version: int
    members: Sequence[Person]
    link: str
    named: Sequence[str] = ()  # the members as the kit's vault knows them (see _queue)


def _name(person: Person, words: Words) -> str:
    return person.display_name or words.text(WORDS[texts.SOMEONE])


def _role(role: str, words: Words) -> str:
    return words.text(WORDS[_ROLES[role]]) if role in _ROLES else role


async def _queue(
    session: AsyncSession,
    template: str,
    to: Contact,
    wording: Wording,
    key: str,
    names: Sequence[str],
    values: Callable[[Words], dict[str, object]],
) -> bool:
    """Render ``template`` in the language negotiated for ``to`` and queue it.

    ``values`` builds the placeholders' values from the words of that language
    (role names, list lines, dates), so a mail never mixes two languages.
    ``names``: the people the mail is to or about; erasing any of them deletes it.
    """
    language = MAILS.negotiate(template, to.language, wording)
    words = MAILS.words(language)
    mail = MAILS.render(template, language, wording, name=to.display_name, **values(words))
    return await queue_rendered(session, mail, recipient=to.email, idempotency_key=key, names=names)


async def new_message(
    session: AsyncSession,
    to: Contact,
    *,
    sender: Person,
    programme: str,
    wording: Wording,
    written_at: datetime,
    link: str,
    preferences: str,
    key: str,
    names: Sequence[str],
) -> bool:
    return await _queue(
        session,
        texts.NEW_MESSAGE,
        to,
        wording,
        key,
        names,
        lambda words: {
            "sender": _name(sender, words),
            "programme": programme,
            "written_at": words.moment(written_at, to.time_zone),
            "link": link,
            "preferences": preferences,
        },
    )


async def digest(
    session: AsyncSession,
    to: Contact,
    *,
    unread: Sequence[tuple[int, Sequence[Person]]],
    wording: Wording,
    link: str,
    preferences: str,
    key: str,
    names: Sequence[str],
) -> bool:
    """``unread``: per conversation, its unread count and the other members."""

    def values(words: Words) -> dict[str, object]:
        summary = "\n".join(
            words.text(
                WORDS[texts.UNREAD_LINE],
                count=count,
                names=", ".join(_name(p, words) for p in people),
            )
            for count, people in unread
        )
        total = sum(c for c, _ in unread)
        return {"count": total, "summary": summary, "link": link, "preferences": preferences}

    return await _queue(session, texts.DIGEST, to, wording, key, names, values)


async def introduction(
    session: AsyncSession,
    to: Contact,
    *,
    others: Sequence[Person],
    programme: str,
    wording: Wording,
    link: str,
    key: str,
    names: Sequence[str],
) -> bool:
    """``others[i].linkedin_url`` is set only where the recipient and that person both consented."""

    def values(words: Words) -> dict[str, object]:
        members = "\n".join(f"- {_name(p, words)} ({_role(p.role, words)})" for p in others)
        links = [f"- {_name(p, words)}: {p.linkedin_url}" for p in others if p.linkedin_url]
        intro = words.text(WORDS[texts.LINKEDIN_INTRO])
        linkedin = "\n".join(["", intro, *links, ""]) if links else ""
        return {"members": members, "linkedin": linkedin, "programme": programme, "link": link}

    return await _queue(session, texts.INTRODUCTION, to, wording, key, names, values)


async def agreement_pending(
    session: AsyncSession,
    to: Contact,
    *,
    version: int,
    programme: str,
    wording: Wording,
    members: Sequence[Person],
    link: str,
    key: str,
    names: Sequence[str],
) -> bool:
    return await _queue(
        session,
        texts.AGREEMENT_PENDING,
        to,
        wording,
        key,
        names,
        lambda words: {
            "version": version,
            "programme": programme,
            "link": link,
            "members": ", ".join(_name(p, words) for p in members),
        },
    )


async def manager_digest(
    session: AsyncSession,
    to: Contact,
    *,
    waiting: Sequence[WaitingAgreement],
    wording: Wording,
    preferences: str,
    key: str,
) -> bool:
    def values(words: Words) -> dict[str, object]:
        summary = "\n".join(
            words.text(
                WORDS[texts.MANAGER_DIGEST_LINE],
                members=", ".join(_name(p, words) for p in item.members),
                programme=item.programme,
                version=item.version,
                link=item.link,
            )
            for item in waiting
        )
        return {"count": len(waiting), "summary": summary, "preferences": preferences}

    names = sorted({name for item in waiting for name in item.named})
    return await _queue(session, texts.MANAGER_DIGEST, to, wording, key, names, values)


@dataclass(frozen=True)
class RiskLine:
    """One reason of a flag: its code, figure (if any) and suggested action, as codes."""

    code: str
    value: float | None
    action: str


def _risk_lines(lines: Sequence[RiskLine], words: Words) -> str:
    """The reason in words with the figure in the reader's number format, and the action
    below it; a code this version does not know reads as its code (never dropped)."""
    out = []
    for line in lines:
        reason = WORDS.get(f"risk.reason.{line.code}")
        figure = (
            "-"
            if line.value is None
            else format_decimal(round(line.value, 1), format="#,##0.#", locale=words.locale)
        )
        out.append(f"- {words.text(reason, value=figure) if reason else line.code}")
        action = WORDS.get(f"risk.action.{line.action}")
        out.append(f"  {words.text(action) if action else line.action}")
    return "\n".join(out)


async def relationship_at_risk(
    session: AsyncSession,
    to: Contact,
    *,
    programme: str,
    wording: Wording,
    members: Sequence[Person],
    reasons: Sequence[RiskLine],
    link: str,
    key: str,
    names: Sequence[str],
) -> bool:
    return await _queue(
        session,
        texts.AT_RISK,
        to,
        wording,
        key,
        names,
        lambda words: {
            "programme": programme,
            "members": ", ".join(f"{_name(p, words)} ({_role(p.role, words)})" for p in members),
            "reasons": _risk_lines(reasons, words),
            "link": link,
        },
    )


async def programme_link_mail(
    session: AsyncSession,
    template: str,
    to: Contact,
    *,
    programme: str,
    wording: Wording,
    link: str,
    key: str,
    names: Sequence[str],
) -> bool:
    """A mail whose only fields are the programme's name and one link (the members'
    nudge, the mentee's re-matching offer)."""
    return await _queue(
        session,
        template,
        to,
        wording,
        key,
        names,
        lambda _words: {"programme": programme, "link": link},
    )


async def forget_mails_to(session: AsyncSession, email: str) -> None:
    """Erasure: every mail to the address goes, sent or not (it holds their name)."""
    await forget_recipient(session, email)


async def forget_sent_mails(session: AsyncSession, *, before: datetime) -> None:
    await purge_sent_mails(session, sent_before=before)
