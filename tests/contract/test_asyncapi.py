"""docs/asyncapi.json passes the AsyncAPI project's own parser (@asyncapi/parser from npm).

The parser is installed by ``make setup`` into tools/asyncapi/node_modules (pinned by its
package-lock.json) when node and npm exist; this test fails, and says so, when it is not
there. ``validate.mjs`` prints one JSON line per diagnostic and exits 1 on any error.
"""

from __future__ import annotations

import copy
import json
import shutil
import subprocess
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from tandem_contracts.catalog import asyncapi_document

ROOT = Path(__file__).resolve().parents[2]
DOCUMENT = ROOT / "docs" / "asyncapi.json"
VALIDATOR = ROOT / "tools" / "asyncapi"


@cache
def node() -> str:
    found = shutil.which("node")
    if found is None:
        pytest.fail("node is missing: install Node.js 20 (and npm), then `make setup`")
    if not (VALIDATOR / "node_modules" / "@asyncapi" / "parser").is_dir():
        pytest.fail("the AsyncAPI parser is not installed: run `make setup` (npm ci)")
    return found


def validate(*documents: Path) -> tuple[int, list[dict[str, Any]]]:
    result = subprocess.run(
        [node(), str(VALIDATOR / "validate.mjs"), *map(str, documents)],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert result.returncode in (0, 1), f"validator crashed:\n{result.stdout}{result.stderr}"
    diagnostics = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    return result.returncode, diagnostics


def errors(diagnostics: list[dict[str, Any]], document: Path) -> list[dict[str, Any]]:
    return [d for d in diagnostics if d["severity"] == "error" and d["file"] == str(document)]


def test_the_committed_document_and_a_broken_copy_through_the_parser(tmp_path: Path) -> None:
    # One parser run for both documents: it takes seconds to start.
    document = json.loads(DOCUMENT.read_text())
    assert document["asyncapi"].startswith("3.0.")
    broken = copy.deepcopy(document)
    message = next(iter(broken["components"]["messages"].values()))
    message["payload"]["properties"]["broken"] = {"$ref": "#/components/schemas/NoSuchSchema"}
    broken_path = tmp_path / "broken.json"
    broken_path.write_text(json.dumps(broken))

    returncode, diagnostics = validate(DOCUMENT, broken_path)

    assert errors(diagnostics, DOCUMENT) == [], "docs/asyncapi.json is not valid AsyncAPI"
    # The validator must see a defect: a check that accepts anything proves nothing.
    assert returncode == 1
    found = errors(diagnostics, broken_path)
    assert [d["code"] for d in found] == ["invalid-ref"], found
    assert "NoSuchSchema" in found[0]["message"]


def test_every_reference_in_the_generated_document_resolves() -> None:
    # The same property in Python, for a fast failure without node: every "$ref" is a
    # local JSON pointer to something that exists in the document.
    document = asyncapi_document()

    def refs(node: Any) -> list[str]:
        if isinstance(node, dict):
            found = [node["$ref"]] if isinstance(node.get("$ref"), str) else []
            return found + [r for value in node.values() for r in refs(value)]
        if isinstance(node, list):
            return [r for item in node for r in refs(item)]
        return []

    found = refs(document)
    assert found
    for ref in found:
        assert ref.startswith("#/"), ref
        target: Any = document
        for part in ref[2:].split("/"):
            part = part.replace("~1", "/").replace("~0", "~")
            assert isinstance(target, dict), f"{ref} does not resolve"
            assert part in target, f"{ref} does not resolve"
            target = target[part]


def test_one_schema_name_means_one_schema_across_events() -> None:
    # Hoisting every event's $defs into components/schemas must never let one event's
    # definition silently replace another's of the same name.
    from tandem_contracts.catalog import _hoisted

    shared: dict[str, Any] = {}
    first = {
        "$defs": {"Role": {"enum": ["mentor", "mentee"], "type": "string"}},
        "properties": {"role": {"$ref": "#/$defs/Role"}},
    }
    assert _hoisted(first, shared) == {
        "properties": {"role": {"$ref": "#/components/schemas/Role"}}
    }
    assert shared == {"Role": {"enum": ["mentor", "mentee"], "type": "string"}}
    assert _hoisted(first, shared)  # the same definition again is fine
    second = {"$defs": {"Role": {"enum": ["admin"], "type": "string"}}, "properties": {}}
    with pytest.raises(ValueError, match="'Role' differently"):
        _hoisted(second, shared)
