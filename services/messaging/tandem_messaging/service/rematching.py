"""matching's ``rematch.offered``: the mentee hears of her offer and how to answer it.

Matching owns the offer and takes the answer (``POST .../rematching-offers/{id}/accept``
or ``/decline``); messaging only mails, in the consumer's transaction, under a key that
names the offer, so a redelivered event never mails twice. A mentee the directory does
not know (her contact has not arrived, or she was erased or withdrew) is not mailed:
an erasure must not be undone by a late event, and a withdrawn mentee has no offer to
take up.
"""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from tandem_contracts.matching import RematchOffered
from tandem_kit import directory, privacy
from tandem_messaging.adapters import notifications as mail
from tandem_messaging.domain import mail_texts as texts
from tandem_messaging.service.context import Context
from tandem_messaging.service.notifications import programme_wording

# The web app's page of one offer (the mentee answers there, through matching's API).
OFFER_PATH = "/programmes/{programme_id}/rematching-offers/{offer_id}"


async def rematch_offered(session: AsyncSession, ctx: Context, event: RematchOffered) -> bool:
    """Whether a mail was queued (False for a redelivery or an unknown mentee)."""
    mentee = await directory.participant(session, event.mentee_id)
    if mentee is None or mentee.withdrawn:
        return False
    programme, wording = await programme_wording(session, event.programme_id)
    path = OFFER_PATH.format(programme_id=event.programme_id, offer_id=event.offer_id)
    return await mail.programme_link_mail(
        session,
        texts.REMATCH_OFFERED,
        mentee.contact,
        programme=programme,
        wording=wording,
        link=ctx.link(path),
        key=f"rematch-offered:{event.offer_id}",
        names=[privacy.participant(event.mentee_id)],
    )
