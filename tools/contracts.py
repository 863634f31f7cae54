"""Write the pinned event schemas and the AsyncAPI document from the contract models.

Run after a deliberate contract change: ``uv run python tools/contracts.py``.
Review the diff: a removed or retyped field is a breaking change and needs a new
major event type, not an edited pin.
"""

from __future__ import annotations

import json
from pathlib import Path

from tandem_contracts.catalog import asyncapi_document, event_schema, published_events

ROOT = Path(__file__).resolve().parents[1]
SCHEMAS = ROOT / "tests" / "contract" / "schemas"
ASYNCAPI = ROOT / "docs" / "asyncapi.json"


def render(document: object) -> str:
    return json.dumps(document, indent=2, sort_keys=True) + "\n"


def main() -> None:
    SCHEMAS.mkdir(parents=True, exist_ok=True)
    for stale in SCHEMAS.glob("*.json"):
        stale.unlink()
    for name, model in published_events().items():
        (SCHEMAS / f"{name}.json").write_text(render(event_schema(model)))
    ASYNCAPI.parent.mkdir(parents=True, exist_ok=True)
    ASYNCAPI.write_text(render(asyncapi_document()))
    print(f"wrote {len(published_events())} schemas and {ASYNCAPI.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
