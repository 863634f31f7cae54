"""A participant's erasure in analytics: the directory's ``on_erased`` hook, one
transaction (the inbox's). The ONE hook of the service: each feature adds a call to its
own adapter's erase step here.

The kit's directory has already deleted the contact and marked the person erased (so
a late event naming them is scrubbed on arrival, see ``service/readmodels.py``). Here:

- read models: the person's member and weekly rows merge into ERASED's (anonymous
  counts stay), their message facts carry ERASED, their participant row goes;
- the consumed-events store: every stored event naming them is rewritten with ERASED
  for the id and ``erased:`` for the token subject, and its index of them goes;
- risk flags: their id leaves every reason (the codes and figures stay).
- check-ins and outcomes (``service/check_in_erasure.py``): under the programme's
  aggregate-only consent her rows lose her id and her relationship's (anonymous counts
  stay, the response rates and figures unchanged, nothing links them to her); under
  named consent they are deleted with their answers; her memberships and country go.

Every step selects the person's rows only, so the second run (the contact's tombstone
after ``participant.erased``, or a redelivery) changes nothing.
"""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from tandem_analytics.adapters import erasure as repo
from tandem_analytics.adapters import risk_flags
from tandem_analytics.service import check_in_erasure, event_store
from tandem_kit.directory import Erasure


async def participant_erased(session: AsyncSession, erasure: Erasure) -> None:
    await repo.forget_participant(session, erasure.participant_id)
    await event_store.forget(session, erasure.participant_id)
    await risk_flags.erase_participant(session, erasure.participant_id)
    await check_in_erasure.forget_participant(session, erasure.participant_id)
