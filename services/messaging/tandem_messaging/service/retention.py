"""End of retention: an ended relationship's content goes when the programme says.

The conversation's (and a group forum's) data key is deleted — crypto-shredding
whatever ciphertext may linger — and the bodies are cleared. Metadata stays, so
the statistics managers already saw remain true. The same job deletes sent mails
after ``sent_mail_retention_days``.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from tandem_messaging.adapters import conversations, forums, messages
from tandem_messaging.adapters import notifications as mail
from tandem_messaging.service.context import Context

BATCH = 100


async def purge_expired(ctx: Context, now: datetime) -> int:
    """Purge the conversations whose retention ended by ``now``; returns how many."""
    async with ctx.database.transaction() as session:
        await mail.forget_sent_mails(
            session, before=now - timedelta(days=ctx.settings.sent_mail_retention_days)
        )
    purged = 0
    while True:
        async with ctx.database.transaction() as session:
            due = await conversations.expired(session, now, BATCH)
            for conversation in due:
                await messages.purge_conversation(session, conversation.id, now)
                await forums.purge_group_forum(session, conversation.relationship_id, now)
                await conversations.purge(session, conversation.id)
        purged += len(due)
        if len(due) < BATCH:
            return purged
