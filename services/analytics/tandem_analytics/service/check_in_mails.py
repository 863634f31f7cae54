"""Check-in and outcome mails: rendered in the recipient's language (her preference, then
the programme's languages, then English) and queued in the caller's transaction through
the kit's mail outbox, one signed link per answer."""

from __future__ import annotations

from datetime import datetime, timedelta
from uuid import UUID

from sqlalchemy.ext.asyncio import AsyncSession

from tandem_analytics.adapters.check_in_mails import MAILS, option_lines, question_lines, word
from tandem_analytics.domain.check_in_plans import SCALE, CheckInPlan
from tandem_analytics.domain.check_ins import CheckIn
from tandem_analytics.domain.mail_texts import CHECK_IN, OUTCOME
from tandem_analytics.domain.outcomes import STATUS_CODES, Stage
from tandem_analytics.service import check_in_links as links
from tandem_analytics.service.context import Context
from tandem_kit import directory
from tandem_kit.directory import Participant, Programme
from tandem_kit.i18n import Words
from tandem_kit.mail import queue_rendered
from tandem_kit.privacy import participant as person


def question_text(words: Words, plan: CheckInPlan, programme: Programme, question: str) -> str:
    own = plan.own(question)
    if own is None:
        return word(words, f"question.{question}")
    return own.text_in(words.language, programme.languages)


async def _people(
    session: AsyncSession, programme_id: UUID, participant_id: UUID
) -> tuple[Programme, Participant] | None:
    programme = await directory.programme(session, programme_id)
    member = await directory.participant(session, participant_id)
    if programme is None or member is None:
        return None  # no contact (yet, or erased): nobody to write to
    return programme, member


async def mail_check_in(
    ctx: Context, session: AsyncSession, plan: CheckInPlan, check_in: CheckIn, now: datetime
) -> bool:
    """Queue the member's check-in mail; False when there is no contact to mail."""
    assert check_in.participant_id is not None
    found = await _people(session, check_in.programme_id, check_in.participant_id)
    if found is None:
        return False
    programme, member = found
    language = MAILS.negotiate(CHECK_IN, member.contact.language, programme.wording)
    words = MAILS.words(language)
    expires = now + timedelta(days=ctx.settings.check_in_link_lifetime_days)
    questions = [
        (
            question_text(words, plan, programme, question),
            {
                value: links.url(
                    ctx.settings,
                    links.sign(
                        ctx.settings,
                        links.What.ANSWER,
                        check_in.id,
                        check_in.participant_id,
                        index,
                        value,
                        expires,
                    ),
                )
                for value in SCALE
            },
        )
        for index, question in enumerate(check_in.questions)
    ]
    mail = MAILS.render(
        CHECK_IN,
        language,
        programme.wording,
        name=member.contact.display_name,
        programme=programme.name or "",
        round=word(words, f"round.{check_in.kind.value}"),
        questions=question_lines(questions),
        link=f"{ctx.settings.web_base_url.rstrip('/')}/check-ins/{check_in.id}",
        privacy=word(words, f"privacy.{plan.consent.value}"),
    )
    return await queue_rendered(
        session,
        mail,
        recipient=member.contact.email,
        idempotency_key=f"analytics:check-in:{check_in.id}",
        names=[person(check_in.participant_id)],
    )


async def mail_outcome(
    ctx: Context,
    session: AsyncSession,
    *,
    outcome_id: UUID,
    programme_id: UUID,
    participant_id: UUID,
    stage: Stage,
    consent: str,
    now: datetime,
) -> bool:
    found = await _people(session, programme_id, participant_id)
    if found is None:
        return False
    programme, member = found
    language = MAILS.negotiate(OUTCOME, member.contact.language, programme.wording)
    words = MAILS.words(language)
    expires = now + timedelta(days=ctx.settings.outcome_link_lifetime_days)
    options = [
        (
            word(words, f"status.{status.value}"),
            links.url(
                ctx.settings,
                links.sign(
                    ctx.settings, links.What.OUTCOME, outcome_id, participant_id, 0, code, expires
                ),
            ),
        )
        for status, code in STATUS_CODES.items()
    ]
    mail = MAILS.render(
        OUTCOME,
        language,
        programme.wording,
        name=member.contact.display_name,
        programme=programme.name or "",
        stage=word(words, f"stage.{stage.value}"),
        options=option_lines(options),
        privacy=word(words, f"privacy.{consent}"),
    )
    return await queue_rendered(
        session,
        mail,
        recipient=member.contact.email,
        idempotency_key=f"analytics:outcome:{outcome_id}",
        names=[person(participant_id)],
    )
