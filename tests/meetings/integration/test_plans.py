"""The programme's blended plan: its default, set by its manager, refused when bad (naming
the field, writing nothing), and who may see and set it."""

from __future__ import annotations

import copy
import uuid
from pathlib import Path
from typing import Any

from tandem_kit.testing import assert_problem
from tests.conftest import UrlFactory
from tests.meetings.integration.meetings_world import World, open_world

PLAN = {
    "activities": [
        {
            "key": "kick_off",
            "name": "Kick-off",
            "mode": "face_to_face",
            "duration_minutes": 60,
            "window": {"anchor": "start", "from_day": 0, "to_day": 21},
        },
        {
            "key": "check_in",
            "name": "Check-in",
            "mode": "either",
            "duration_minutes": 30,
            "window": {"anchor": "start_to_end", "from_day": 21, "to_day": 0},
            "every_days": 30,
        },
    ],
    "policy": {
        "meeting_hours": {"start": "09:00", "end": "21:00"},
        "min_notice_hours": 48,
        "buffer_minutes": 30,
        "reminder_offsets_minutes": [60, 2880],
        "group_quorum": {"min_mentees": 1},
    },
}


def _url(w: World, programme: uuid.UUID | None = None) -> str:
    return f"/v1/programmes/{programme or w.programme}/plan"


async def test_the_default_plan_and_who_sees_it(tmp_path: Path) -> None:
    async with open_world(tmp_path) as w:
        get = w.app.client.get
        shown = await get(_url(w), headers=w.headers(w.manager, manager=[w.programme]))
        assert shown.status_code == 200, shown.text
        plan = shown.json()
        assert plan["default"] is True
        assert plan["updated_at"] is None
        assert [(a["key"], a["mode"]) for a in plan["activities"]] == [
            ("kick_off", "face_to_face"),
            ("regular_session", "online"),
            ("midpoint_review", "face_to_face"),
            ("closing", "face_to_face"),
        ]
        assert plan["activities"][0]["window"] == {"anchor": "start", "from_day": 0, "to_day": 14}
        assert plan["activities"][1]["every_days"] == 14
        assert plan["activities"][3]["window"] == {"anchor": "end", "from_day": -14, "to_day": 0}
        assert plan["policy"]["reminder_offsets_minutes"] == [1440, 60]
        assert plan["policy"]["meeting_hours"] == {"start": "08:00", "end": "20:00"}
        assert plan["policy"]["group_quorum"] == {"min_mentees": None}

        assert_problem(await get(_url(w), headers=w.headers(w.mentee)), 403, "managers_only")
        other = w.headers(w.manager, manager=[uuid.uuid4()])
        assert_problem(await get(_url(w), headers=other), 404, "programme_not_found")
        assert (await get(_url(w))).status_code == 401
        admin = await get(_url(w), headers=w.app.bearer("root", admin=True))
        assert admin.status_code == 200


async def test_a_manager_sets_the_plan(tmp_path: Path, url_factory: UrlFactory) -> None:
    async with open_world(tmp_path, await url_factory("set_plan")) as w:
        put, get = w.app.client.put, w.app.client.get
        manager = w.headers(w.manager, manager=[w.programme])
        saved = await put(_url(w), json=PLAN, headers=manager)
        assert saved.status_code == 200, saved.text
        again = (await get(_url(w), headers=manager)).json()
        assert again == saved.json()
        assert again["default"] is False
        assert again["activities"][1]["every_days"] == 30
        assert again["policy"]["reminder_offsets_minutes"] == [2880, 60]
        assert again["policy"]["group_quorum"] == {"min_mentees": 1}


async def test_a_bad_plan_is_refused_naming_the_field(tmp_path: Path) -> None:
    async with open_world(tmp_path) as w:
        put, get = w.app.client.put, w.app.client.get
        manager = w.headers(w.manager, manager=[w.programme])

        def variant(**changes: Any) -> dict[str, Any]:
            body = copy.deepcopy(PLAN)
            for path, value in changes.items():
                target: Any = body
                *parents, last = path.split("__")
                for part in parents:
                    target = target[int(part)] if part.isdigit() else target[part]
                target[int(last) if last.isdigit() else last] = value
            return body

        cases = [
            (variant(activities__1__key="kick_off"), "duplicate_key", "body.activities.1"),
            (
                variant(activities__0__window__to_day=0),
                "empty_window",
                "body.activities.0.window.to_day",
            ),
            (
                variant(activities__0__duration_minutes=5),
                "duration_out_of_bounds",
                "body.activities.0.duration_minutes",
            ),
            (
                variant(policy__reminder_offsets_minutes=[60, 60]),
                "duplicate_reminder",
                "body.policy.reminder_offsets_minutes",
            ),
            (
                variant(policy__reminder_offsets_minutes=[0]),
                "out_of_range",
                "body.policy.reminder_offsets_minutes.0",
            ),
        ]
        for body, code, loc in cases:
            refused = await put(_url(w), json=body, headers=manager)
            problem = assert_problem(refused, 422, code)
            assert problem["errors"][0]["loc"] == loc, problem

        # The schema's own refusals name the field too.
        shapes: list[tuple[dict[str, Any], list[object]]] = [
            (
                variant(policy__meeting_hours__end="25:00"),
                ["body", "policy", "meeting_hours", "end"],
            ),
            (variant(activities__0__mode="by_pigeon"), ["body", "activities", 0, "mode"]),
            ({**PLAN, "color": "red"}, ["body", "color"]),
            ({**PLAN, "activities": []}, ["body", "activities"]),
        ]
        for body, where in shapes:
            refused = await put(_url(w), json=body, headers=manager)
            assert refused.status_code == 422, refused.text
            assert where in [e["loc"] for e in refused.json()["errors"]], refused.json()

        # Nothing was written: the default still holds.
        assert (await get(_url(w), headers=manager)).json()["default"] is True
        # Roles: a mentee 403, another programme's manager 404, both writing nothing.
        assert_problem(await put(_url(w), json=PLAN, headers=w.headers(w.mentee)), 403)
        other = w.headers(w.manager, manager=[uuid.uuid4()])
        assert_problem(await put(_url(w), json=PLAN, headers=other), 404)
        assert (await get(_url(w), headers=manager)).json()["default"] is True
