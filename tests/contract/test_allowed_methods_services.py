"""OPTIONS on every path of every service: 204 with ``Allow`` naming each of its methods.

The kit answers it (``tandem_kit.api.methods``); this walks each service's real
document, so a route added later is covered too.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable
from pathlib import Path

import pytest
from fastapi import FastAPI
from starlette.routing import compile_path

from tandem_kit.settings import ServiceSettings
from tandem_kit.testing import isolated_settings, run_app
from tandem_matching.main import create_app as matching_app
from tandem_matching.settings import MatchingSettings
from tandem_meetings.main import create_app as meetings_app
from tandem_meetings.settings import MeetingsSettings
from tandem_messaging.main import create_app as messaging_app
from tests.messaging.harness import settings_for


def _matching(tmp: Path) -> tuple[FastAPI, ServiceSettings]:
    settings = isolated_settings(MatchingSettings, tmp, completion_enabled=False)
    return matching_app(settings), settings


def _messaging(tmp: Path) -> tuple[FastAPI, ServiceSettings]:
    settings = settings_for(tmp)
    return messaging_app(settings), settings


def _meetings(tmp: Path) -> tuple[FastAPI, ServiceSettings]:
    settings = isolated_settings(MeetingsSettings, tmp)
    return meetings_app(settings), settings


@pytest.mark.parametrize(
    "factory", [_matching, _messaging, _meetings], ids=["matching", "messaging", "meetings"]
)
async def test_options_answers_every_path_with_its_methods(
    factory: Callable[[Path], tuple[FastAPI, ServiceSettings]], tmp_path: Path
) -> None:
    app, settings = factory(tmp_path)
    paths = app.openapi()["paths"]
    templates = [(compile_path(t)[0], {m.upper() for m in ops}) for t, ops in paths.items()]
    async with run_app(app, settings) as running:
        wrong = []
        for template in paths:
            path = re.sub(r"\{[^}]+\}", lambda _: str(uuid.uuid4()), template)
            # Every route whose pattern takes the path: what the router would dispatch to.
            methods = set().union(*(m for pattern, m in templates if pattern.match(path)))
            methods |= {"HEAD"} if "GET" in methods else set()
            expected = ", ".join(sorted(methods | {"OPTIONS"}))
            answer = await running.client.options(path)
            if (answer.status_code, answer.headers.get("allow")) != (204, expected):
                wrong.append(f"{path}: {answer.status_code} {answer.headers.get('allow')}")
        assert not wrong, "\n".join(wrong)
