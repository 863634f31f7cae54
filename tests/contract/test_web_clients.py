"""The web app's committed service clients are the ones the live apps' documents give.

``tools/web_clients.py`` slices each service's live OpenAPI document to the operations
the web app calls, generates a client from the slice with ``openapi-python-client``
(offline, from the lock) and compares both with what is committed under ``web/openapi``
and ``web/tandem_web/clients``: a service that changes an endpoint the web app uses, or
a generator upgrade, fails here until the clients are regenerated and committed.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tools.web_clients import OPERATIONS, sliced, stale


def test_the_committed_web_clients_are_current(tmp_path: Path) -> None:
    assert stale(tmp_path) == [], "run `uv run python tools/web_clients.py` and commit"


def test_a_slice_keeps_its_operations_and_the_schemas_they_reach() -> None:
    document = {
        "openapi": "3.1.0",
        "info": {"title": "t", "version": "1"},
        "paths": {
            "/a": {"get": {"operationId": "a", "responses": {"200": {"$ref": "#/c/A"}}}},
            "/b": {"get": {"operationId": "b", "responses": {"200": {"$ref": "#/c/C"}}}},
        },
        "components": {"schemas": {"A": {"$ref": "#/c/B"}, "B": {}, "C": {}}},
    }
    part = sliced(document, ("a",))
    assert list(part["paths"]) == ["/a"]
    assert sorted(part["components"]["schemas"]) == ["A", "B"]
    with pytest.raises(SystemExit, match="no operation gone"):
        sliced(document, ("a", "gone"))
    assert all(OPERATIONS.values())
