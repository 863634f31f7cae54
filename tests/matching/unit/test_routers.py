"""Every matching router declares its own prefix (the shape's decision 5): a feature's
routes live under one path of their own, none on a bare ``/v1`` shared with another."""

from __future__ import annotations

from tandem_matching.main import DEFINITION


def test_every_router_declares_a_prefix_of_its_own() -> None:
    prefixes = [router.prefix for router in DEFINITION.routers]
    assert all(p.startswith("/v1/") for p in prefixes), prefixes
    assert len(set(prefixes)) == len(prefixes), prefixes
    assert "/v1/organisations" in prefixes
    assert "/v1/programmes" in prefixes
