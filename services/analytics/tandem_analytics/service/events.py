"""The events analytics publishes, built here and nowhere else, from records.

A use case adds them with ``tandem_kit.outbox.add_event(session, ...)`` in its own
transaction; see docs/adding-an-event.md. None yet.
"""
