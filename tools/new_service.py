"""Write a new service that already has the shape every Tandem service shares.

    uv run python tools/new_service.py meetings [--dest DIR] [--port 8003]

writes ``services/<name>/`` (pyproject, migrations with env.py, script.py.mako and a
first revision, settings, main, consumers, api/deps.py, service/context.py,
adapters/tables.py, and one small feature, ``status``, through every layer) and
``tests/<name>/integration/test_smoke.py`` under ``DIR`` (default: this repository).
The files come from ``tools/service_template/``: ``{{name}}``, ``{{Name}}``,
``{{NAME}}`` and ``{{port}}`` in paths and contents are replaced, ``.tmpl`` dropped.

``tests/contract/test_new_service.py`` generates one into a temporary folder and runs
the architecture check and its smoke test on it, so the template cannot rot.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TEMPLATE = ROOT / "tools" / "service_template"
NAME = re.compile(r"[a-z][a-z0-9]{1,30}")

NEXT_STEPS = """\
Next, in the workspace's pyproject.toml: add "tandem-{name}" to [project] dependencies
and [tool.uv.sources] (workspace = true), "services/{name}" to mypy_path and
"tandem_{name}" to isort's known-first-party; then `uv lock && uv sync`. Add "{name}"
to ServiceName in libs/contracts/tandem_contracts/topics.py if it publishes events.
"""


def substitutions(name: str, port: int) -> dict[str, str]:
    return {
        "{{name}}": name,
        "{{Name}}": name.capitalize(),
        "{{NAME}}": name.upper(),
        "{{port}}": str(port),
    }


def render(text: str, values: dict[str, str]) -> str:
    for placeholder, value in values.items():
        text = text.replace(placeholder, value)
    return text


def plan(name: str, port: int, dest: Path) -> dict[Path, str]:
    """Every file to write (its path under ``dest``) and its content."""
    values = substitutions(name, port)
    files: dict[Path, str] = {}
    for source in sorted(TEMPLATE.rglob("*.tmpl")):
        relative = render(str(source.relative_to(TEMPLATE)), values).removesuffix(".tmpl")
        files[dest / relative] = render(source.read_text(), values)
    return files


def generate(name: str, dest: Path, port: int = 8010) -> list[Path]:
    """Write the service; refuses a bad name or a service that exists already."""
    if not NAME.fullmatch(name):
        raise ValueError(f"{name!r}: a service name is 2-31 lowercase letters and digits")
    if (dest / "services" / name).exists():
        raise FileExistsError(f"{dest / 'services' / name} exists already")
    files = plan(name, port, dest)
    for path, content in files.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(content)
    return sorted(files)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Write a new Tandem service.")
    parser.add_argument("name", help="lowercase, e.g. meetings")
    parser.add_argument("--dest", type=Path, default=ROOT, help="the tree to write into")
    parser.add_argument("--port", type=int, default=8010, help="the default HTTP port")
    args = parser.parse_args(argv)
    try:
        written = generate(args.name, args.dest.resolve(), args.port)
    except (ValueError, FileExistsError) as error:
        print(error, file=sys.stderr)
        return 2
    for path in written:
        print(path)
    print(NEXT_STEPS.format(name=args.name))
    return 0


if __name__ == "__main__":
    sys.exit(main())
