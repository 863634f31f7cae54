"""The architecture check holds on the real tree and catches each kind of breach."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tools.check_architecture import ALLOWED, NAMING, breaches

ROOT = Path(__file__).resolve().parents[2]


def test_the_repository_has_no_breaches() -> None:
    assert breaches() == []


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """A copy of libs/ and services/ (sources only) to break on purpose."""
    for part in ("libs", "services", "web"):
        shutil.copytree(
            ROOT / part,
            tmp_path / part,
            ignore=shutil.ignore_patterns("__pycache__", "*.db", ".data"),
        )
    return tmp_path


def _write(tree: Path, relative: str, source: str) -> None:
    path = tree / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(source)


@pytest.mark.parametrize(
    ("relative", "source", "expected"),
    [
        (
            "services/messaging/tandem_messaging/service/leak.py",
            "from tandem_matching.domain import profiles\n",
            "imports another service",
        ),
        ("libs/kit/tandem_kit/leak.py", "import tandem_matching\n", "imports another service"),
        (
            "web/tandem_web/api/leak.py",
            "from tandem_meetings.domain import slots\n",
            "the web app imports a service",
        ),
        (
            "web/tandem_web/api/leak.py",
            "from tandem_web.clients.messaging.api.messages import post_message\n",
            "only the web app's adapters/ call the service clients",
        ),
        (
            "web/tandem_web/service/leak.py",
            "from tandem_web import clients\n",
            "only the web app's adapters/ call the service clients",
        ),
        (
            "libs/contracts/tandem_contracts/leak.py",
            "import sqlalchemy\n",
            "contracts must stay pure",
        ),
        (
            "services/matching/tandem_matching/domain/leak.py",
            "from sqlalchemy import select\n",
            "domain/ must be pure",
        ),
        (
            "services/matching/tandem_matching/api/leak.py",
            "from tandem_matching.adapters import tables\n",
            "api/ must call use cases",
        ),
        (
            "services/matching/tandem_matching/service/leak.py",
            "from sqlalchemy import select\n",
            "service/ must leave SQL",
        ),
        (
            "services/matching/tandem_matching/service/leak.py",
            "from . import programmes\n",
            "relative import (.)",
        ),
        (
            "services/messaging/tandem_messaging/adapters/leak.py",
            "from ..domain.content import Body\n",
            "relative import (..domain.content)",
        ),
        ("libs/kit/tandem_kit/leak.py", "from .db import Database\n", "relative import (.db)"),
        (
            "services/matching/tandem_matching/adapters/leak.py",
            "from tandem_matching.service.programmes import create\n",
            "adapters/ must not import use cases or routers",
        ),
        (
            "services/matching/tandem_matching/adapters/leak.py",
            "def late() -> None:\n    from tandem_matching.api import deps\n",
            "adapters/ must not import use cases or routers",
        ),
        (
            "services/messaging/tandem_messaging/adapters/leak.py",
            "from tandem_messaging import service\n",
            "adapters/ must not import use cases or routers",
        ),
        (
            "services/matching/tandem_matching/schemas/leak.py",
            "import tandem_matching.service.access\n",
            "schemas/ must not import use cases or adapters",
        ),
        (
            "services/messaging/tandem_messaging/schemas/leak.py",
            "from tandem_messaging.adapters import tables\n",
            "schemas/ must not import use cases or adapters",
        ),
        (
            "services/matching/tandem_matching/api/leak.py",
            "from tandem_matching import adapters\n",
            "api/ must call use cases",
        ),
        (
            "services/matching/tandem_matching/service/leak.py",
            "from tandem_contracts.matching import ParticipantErased\n"
            "def erased() -> object:\n"
            "    return ParticipantErased(programme_id=1, participant_id=2, subject='x')\n",
            "builds ParticipantErased outside service/events.py",
        ),
        (
            "services/matching/tandem_matching/consumers_leak.py",
            "from tandem_contracts import matching\n"
            "def started(data: bytes) -> object:\n"
            "    return matching.RelationshipStarted.model_validate_json(data)\n",
            "builds RelationshipStarted outside service/events.py",
        ),
        (
            "services/messaging/tandem_messaging/api/leak.py",
            "from tandem_contracts.messaging import MessagePosted as Posted\n"
            "def posted(data: dict[str, object]) -> object:\n"
            "    return Posted.model_validate(data)\n",
            "builds MessagePosted outside service/events.py",
        ),
    ],
)
def test_each_kind_of_breach_is_caught(
    tree: Path, relative: str, source: str, expected: str
) -> None:
    _write(tree, relative, source)
    found = breaches(tree)
    assert any(expected in problem and relative in problem for problem in found), found


def test_a_service_missing_part_of_its_shape_is_caught(tree: Path) -> None:
    (tree / "services" / "matching" / "tandem_matching" / "consumers.py").unlink()
    assert "services/matching: missing tandem_matching/consumers.py" in breaches(tree)


def test_a_service_missing_its_migration_template_is_caught(tree: Path) -> None:
    (tree / "services" / "messaging" / "migrations" / "script.py.mako").unlink()
    assert "services/messaging: missing migrations/script.py.mako" in breaches(tree)


PACKAGE = "services/matching/tandem_matching"


@pytest.mark.parametrize(
    ("files", "expected"),
    [
        (
            ["api/widgets.py"],
            ["api/widgets.py: no service/widgets.py", "api/widgets.py: no schemas/widgets.py"],
        ),
        (["api/widgets.py", "service/widgets.py"], ["api/widgets.py: no schemas/widgets.py"]),
        (["schemas/widgets.py"], ["schemas/widgets.py: no api/widgets.py"]),
        (["adapters/widgets.py"], ["adapters/widgets.py: no service/widgets.py"]),
        (["adapters/widgets_tables.py"], ["adapters/widgets_tables.py: no service/widgets.py"]),
        (
            ["api/widgets.py", "schemas/widgets.py"],
            ["api/widgets.py: no service/widgets.py"],
        ),
    ],
)
def test_a_feature_whose_files_do_not_share_its_name_is_caught(
    tree: Path, files: list[str], expected: list[str]
) -> None:
    for name in files:
        _write(tree, f"{PACKAGE}/{name}", "")
    found = [p for p in breaches(tree) if "widgets" in p]
    assert found == [f"{PACKAGE}/{e} ({NAMING})" for e in expected]


def test_a_feature_in_every_layer_and_plumbing_modules_pass(tree: Path) -> None:
    for layer in ("api", "schemas", "service", "adapters"):
        _write(tree, f"{PACKAGE}/{layer}/widgets.py", "")
    _write(tree, f"{PACKAGE}/adapters/common.py", "")  # plumbing, not a feature
    _write(tree, f"{PACKAGE}/adapters/metadata.py", "")
    _write(tree, f"{PACKAGE}/adapters/widgets_tables.py", "")  # the feature's own tables
    _write(tree, f"{PACKAGE}/service/widget_worker.py", "")  # service/ may hold more
    _write(tree, f"{PACKAGE}/domain/widget_rules.py", "")
    assert breaches(tree) == []


def test_the_allow_list_excuses_exactly_its_entries_and_only_shrinks(tree: Path) -> None:
    _write(tree, f"{PACKAGE}/adapters/widgets.py", "")
    breach = f"{PACKAGE}/adapters/widgets.py: no service/widgets.py ({NAMING})"
    assert breach in breaches(tree)
    assert breaches(tree, ALLOWED | {breach}) == []
    gone = "services/matching: a breach fixed meanwhile"
    assert breaches(tree, ALLOWED | {breach, gone}) == [
        f"allow-list entry no longer needed (delete it): {gone}"
    ]
