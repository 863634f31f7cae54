"""Communication agreements: drafted from the programme's template, versioned, accepted.

The manager is a party to the agreement (it must accept it too), so unlike the
conversation the agreement is readable by the programme's managers. The
members' own rules are still sealed at rest with the relationship's key.
"""

from __future__ import annotations

import json
from uuid import UUID, uuid4

from sqlalchemy.ext.asyncio import AsyncSession

from tandem_kit.auth import Principal
from tandem_kit.errors import Conflict, Unprocessable
from tandem_kit.outbox import add_event
from tandem_messaging.adapters import agreements, conversations
from tandem_messaging.domain.agreements import (
    DEFAULT_TERMS,
    MANAGER,
    Agreement,
    Terms,
    TermsRejected,
    checked_terms,
    fully_accepted,
    outstanding,
)
from tandem_messaging.domain.conversations import Conversation
from tandem_messaging.schemas.agreements import (
    AcceptanceCreate,
    AcceptancePublic,
    AgreementChange,
    AgreementPublic,
    AgreementTemplatePublic,
    AgreementTemplateUpdate,
    PartyPublic,
    TermsFields,
)
from tandem_messaging.service import events, notifications
from tandem_messaging.service.access import (
    programme_manager,
    programme_member,
    relationship_party,
)
from tandem_messaging.service.context import Context
from tandem_messaging.service.sealing import conversation_key, open_item, seal_item

KIND = "agreement"


def _checked(terms: Terms) -> Terms:
    try:
        return checked_terms(terms)
    except TermsRejected as error:
        raise Unprocessable(error.detail, code="invalid_terms") from error


async def _add_version(
    session: AsyncSession,
    ctx: Context,
    conversation: Conversation,
    agreement: Agreement,
    expected: int,
    terms: Terms,
    proposed_by: tuple[str, str] | None,
) -> Agreement:
    number = await agreements.next_version(session, agreement.id, expected)
    if number is None:
        raise Conflict(
            "The agreement changed meanwhile (or the relationship ended); read it again.",
            code="agreement_changed",
        )
    rules = seal_item(
        conversation_key(ctx.keyring, conversation),
        KIND,
        conversation.id,
        agreement.id,
        json.dumps(list(terms.rules)),
        part=f"rules/v{number}",
    )
    await agreements.add_version(
        session, agreement.id, number, terms, rules, proposed_by, ctx.now()
    )
    current = await agreements.by_relationship(session, agreement.relationship_id)
    assert current is not None
    await notifications.agreement_pending(session, ctx, current)
    return current


async def draft(session: AsyncSession, ctx: Context, conversation: Conversation) -> None:
    """Version 1 of a new relationship's agreement: the programme's template."""
    terms = await agreements.template(session, conversation.programme_id) or DEFAULT_TERMS
    agreement = Agreement(
        uuid4(),
        conversation.relationship_id,
        conversation.id,
        conversation.programme_id,
        0,
        None,
        False,
    )
    if await agreements.add_if_new(session, agreement, ctx.now()):
        await _add_version(session, ctx, conversation, agreement, 0, terms, None)


async def _agreement_of(session: AsyncSession, relationship_id: UUID) -> Agreement:
    agreement = await agreements.by_relationship(session, relationship_id)
    if agreement is None:  # drafted in the same transaction as the conversation
        raise Conflict("The agreement is not drafted yet.", code="agreement_missing")
    return agreement


async def _view(
    session: AsyncSession, ctx: Context, conversation: Conversation, agreement: Agreement
) -> AgreementPublic:
    version = await agreements.version(session, agreement.id, agreement.version)
    assert version is not None
    members = await conversations.members_of(session, conversation.id)
    by_subject = {m.subject: m for m in members}
    accepted = await agreements.acceptances(session, agreement.id, agreement.version)
    raw_rules = open_item(
        conversation_key(ctx.keyring, conversation),
        KIND,
        conversation.id,
        agreement.id,
        version.rules,
        part=f"rules/v{version.number}",
    )
    proposer = by_subject.get(version.proposed_by_subject or "")
    waiting = outstanding(
        list(by_subject),
        [a.subject for a in accepted if a.role != MANAGER],
        any(a.role == MANAGER for a in accepted),
    )
    status = (
        "closed"
        if agreement.closed
        else "accepted"
        if agreement.accepted_version == agreement.version
        else "pending"
    )
    terms = Terms(
        version.channels,
        version.response_time_hours,
        version.meeting_cadence_days,
        version.confidentiality_statement,
        tuple(json.loads(raw_rules or "[]")),
    )
    return AgreementPublic(
        agreement_id=agreement.id,
        relationship_id=agreement.relationship_id,
        version=agreement.version,
        status=status,
        accepted_version=agreement.accepted_version,
        proposed_by=(
            PartyPublic(participant_id=proposer.participant_id, role=proposer.role)
            if proposer
            else PartyPublic(participant_id=None, role=MANAGER)
            if version.proposed_by_role == MANAGER
            else None
        ),
        acceptances=[
            AcceptancePublic(
                participant_id=by_subject[a.subject].participant_id
                if a.subject in by_subject
                else None,
                role=a.role,
                accepted_at=a.accepted_at,
            )
            for a in accepted
        ],
        waiting_for=[
            PartyPublic(participant_id=None, role=MANAGER)
            if w == MANAGER
            else PartyPublic(participant_id=by_subject[w].participant_id, role=by_subject[w].role)
            for w in waiting
        ],
        **TermsFields.fields_of(terms),
    )


async def get_agreement(
    ctx: Context, principal: Principal, relationship_id: UUID
) -> AgreementPublic:
    async with ctx.database.transaction() as session:
        conversation, _me = await relationship_party(session, principal, relationship_id)
        return await _view(
            session, ctx, conversation, await _agreement_of(session, relationship_id)
        )


async def change_agreement(
    ctx: Context, principal: Principal, relationship_id: UUID, change: AgreementChange
) -> AgreementPublic:
    terms = _checked(change.terms())
    async with ctx.database.transaction() as session:
        conversation, me = await relationship_party(session, principal, relationship_id)
        agreement = await _agreement_of(session, relationship_id)
        proposer = (principal.subject, me.role if me is not None else MANAGER)
        agreement = await _add_version(
            session, ctx, conversation, agreement, change.based_on_version, terms, proposer
        )
        return await _view(session, ctx, conversation, agreement)


async def accept(
    ctx: Context, principal: Principal, relationship_id: UUID, acceptance: AcceptanceCreate
) -> AgreementPublic:
    async with ctx.database.transaction() as session:
        conversation, me = await relationship_party(session, principal, relationship_id)
        agreement = await _agreement_of(session, relationship_id)
        if agreement.closed:
            raise Conflict("The relationship has ended.", code="agreement_closed")
        if acceptance.version != agreement.version:
            raise Conflict(
                f"Version {acceptance.version} is not the current one "
                f"({agreement.version}); read it again.",
                code="agreement_changed",
            )
        now = ctx.now()
        role = me.role if me is not None else MANAGER
        await agreements.accept(
            session, agreement.id, agreement.version, principal.subject, role, now
        )
        await _record_if_complete(session, conversation, agreement)
        current = await agreements.by_relationship(session, relationship_id)
        assert current is not None
        return await _view(session, ctx, conversation, current)


async def _record_if_complete(
    session: AsyncSession, conversation: Conversation, agreement: Agreement
) -> None:
    members = await conversations.members_of(session, conversation.id)
    accepted = await agreements.acceptances(session, agreement.id, agreement.version)
    if not fully_accepted(
        [m.subject for m in members],
        [a.subject for a in accepted if a.role != MANAGER],
        any(a.role == MANAGER for a in accepted),
    ):
        return
    accepted_at = max(a.accepted_at for a in accepted)
    if not await agreements.mark_accepted(session, agreement.id, agreement.version, accepted_at):
        return
    version = await agreements.version(session, agreement.id, agreement.version)
    assert version is not None
    await add_event(
        session,
        events.agreement_accepted(conversation, agreement, version, accepted_at, members),
    )


async def get_template(
    ctx: Context, principal: Principal, programme_id: UUID
) -> AgreementTemplatePublic:
    async with ctx.database.transaction() as session:
        await programme_member(session, principal, programme_id)
        stored = await agreements.template(session, programme_id)
    return AgreementTemplatePublic(
        programme_id=programme_id,
        is_default=stored is None,
        **TermsFields.fields_of(stored or DEFAULT_TERMS),
    )


async def change_template(
    ctx: Context, principal: Principal, programme_id: UUID, change: AgreementTemplateUpdate
) -> AgreementTemplatePublic:
    """Applies to relationships that start from now on; running agreements keep theirs."""
    terms = _checked(change.terms())
    async with ctx.database.transaction() as session:
        await programme_manager(session, principal, programme_id)
        await agreements.save_template(session, programme_id, terms, ctx.now())
    return AgreementTemplatePublic(
        programme_id=programme_id, is_default=False, **TermsFields.fields_of(terms)
    )
