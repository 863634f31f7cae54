"""What a service's tests need from the kit: run the app, deliver events, mint tokens,
read the outbox.

    async with run_app(create_app(settings), settings, definition=DEFINITION) as running:
        await running.deliver(ProgrammeCreated(...))          # through the real inbox
        await running.deliver(same_event, event_id=its_id)    # a redelivery: a no-op
        response = await running.client.get("/v1/things", headers=running.bearer("ana",
                                             mentee=[programme_id]))
        [started] = await running.outbox(RelationshipStarted)
        assert_problem(await running.client.get("/v1/things/x"), 404, "thing_not_found")
        await wait_until(condition)                            # polls an async predicate

Needs the ``testing`` extra (``tandem-kit[testing]``: httpx, asgi-lifespan).
"""

from tandem_kit.testing.app import RunningApp, isolated_settings, run_app
from tandem_kit.testing.checks import assert_problem, wait_until
from tandem_kit.testing.events import deliver, deliver_together, record_of
from tandem_kit.testing.outbox import (
    OutboxEvent,
    outbox_events,
    outbox_position,
    outbox_tombstones,
)
from tandem_kit.testing.tokens import bearer
from tandem_kit.testing.vault import database_with_vault, throwaway_vault

__all__ = [
    "OutboxEvent",
    "RunningApp",
    "assert_problem",
    "bearer",
    "database_with_vault",
    "deliver",
    "deliver_together",
    "isolated_settings",
    "outbox_events",
    "outbox_position",
    "outbox_tombstones",
    "record_of",
    "run_app",
    "throwaway_vault",
    "wait_until",
]
