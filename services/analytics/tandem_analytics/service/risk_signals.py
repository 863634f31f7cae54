"""Who is reading: the caller's language, as the directory holds their contact.

The risk rules' signals themselves are read in the evaluation's own transaction
(``service/risk_flags.py``); this is the one other use of the signals' adapter.
"""

from __future__ import annotations

from tandem_analytics.adapters import risk_signals as repo
from tandem_analytics.service.context import Context
from tandem_kit.auth import Principal


async def caller_language(ctx: Context, principal: Principal) -> str | None:
    """Their contact's language (a manager's too); None when the directory has none."""
    async with ctx.database.transaction() as session:
        return await repo.language_of(session, principal.subject)
