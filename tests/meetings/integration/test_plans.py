"""The blended plan: the programme's template (default, set by its manager, refused when
bad), its instantiation on ``relationship.started`` with three proposed times inside every
member's availability, the online-only and reach adaptations, ``agreement.accepted``'s
cadence, and redelivery."""

from __future__ import annotations

import copy
import itertools
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import func, select

from tandem_contracts.common import Modality, Reach
from tandem_kit.testing import assert_problem
from tandem_meetings.adapters.tables import plan_proposals, planned_activities
from tests.conftest import UrlFactory
from tests.meetings.integration.plans_world import NOW, Person, World, open_world

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


def _activity(plan: dict[str, Any], key: str, occurrence: int = 0) -> dict[str, Any]:
    [found] = [a for a in plan["activities"] if a["key"] == key and a["occurrence"] == occurrence]
    assert isinstance(found, dict)
    return found


def _inside(person: Person, local_start: str, local_end: str) -> bool:
    """The local times fall inside one of the person's windows on their own clock."""
    start, end = datetime.fromisoformat(local_start), datetime.fromisoformat(local_end)
    if start.date() != end.date() and end.time() != datetime.min.time():
        return False
    for weekday, a, b in person.windows:
        if start.weekday() == weekday and a <= f"{start:%H:%M}" and f"{end:%H:%M}" <= b:
            return True
    return False


def _check_proposals(activity: dict[str, Any], people: dict[uuid.UUID, Person]) -> None:
    assert len(activity["proposals"]) == 3
    assert [p["rank"] for p in activity["proposals"]] == [1, 2, 3]
    window = (
        datetime.fromisoformat(activity["window_start"]),
        datetime.fromisoformat(activity["window_end"]),
    )
    for proposal in activity["proposals"]:
        start = datetime.fromisoformat(proposal["starts_at"])
        end = datetime.fromisoformat(proposal["ends_at"])
        assert end - start == timedelta(minutes=activity["duration_minutes"])
        assert window[0] <= start
        assert end <= window[1]
        assert start >= NOW + timedelta(hours=24)  # the default minimum notice
        assert {t["participant_id"] for t in proposal["local"]} == {str(p) for p in people}
        for shown in proposal["local"]:
            person = people[uuid.UUID(shown["participant_id"])]
            assert shown["time_zone"] == person.time_zone
            local = datetime.fromisoformat(shown["starts_at_local"])
            assert local == start  # the same instant …
            # … on the member's own clock
            assert local.utcoffset() == start.astimezone(ZoneInfo(person.time_zone)).utcoffset()
            assert _inside(person, shown["starts_at_local"], shown["ends_at_local"]), shown


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
            ("regular", "online"),
            ("midpoint_review", "face_to_face"),
            ("closing", "face_to_face"),
        ]
        assert plan["activities"][0]["window"] == {"anchor": "start", "from_day": 0, "to_day": 14}
        assert plan["activities"][1]["every_days"] == 14
        assert plan["activities"][3]["window"] == {"anchor": "end", "from_day": -14, "to_day": 0}
        assert plan["policy"]["reminder_offsets_minutes"] == [1440, 60]
        assert plan["policy"]["meeting_hours"] == {"start": "08:00", "end": "20:00"}
        assert plan["policy"]["group_quorum"] == {"min_mentees": None}

        assert_problem(await get(_url(w), headers=w.headers(w.ana)), 403, "managers_only")
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

        # A relationship started now follows the manager's plan.
        rid = await w.start(w.max, w.bea)
        plan = await w.plan(rid)
        keys = {a["key"] for a in plan["activities"]}
        assert keys == {"kick_off", "check_in"}
        kick_off = _activity(plan, "kick_off")
        assert kick_off["window_start"] == "2027-03-01T00:00:00Z"
        assert kick_off["window_end"] == "2027-03-22T00:00:00Z"
        for proposal in kick_off["proposals"]:  # the policy's 48 h notice
            assert datetime.fromisoformat(proposal["starts_at"]) >= NOW + timedelta(hours=48)


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
        assert_problem(await put(_url(w), json=PLAN, headers=w.headers(w.ana)), 403)
        other = w.headers(w.manager, manager=[uuid.uuid4()])
        assert_problem(await put(_url(w), json=PLAN, headers=other), 404)
        assert (await get(_url(w), headers=manager)).json()["default"] is True


async def test_a_start_instantiates_the_plan_and_proposes_the_kick_off(
    tmp_path: Path, url_factory: UrlFactory
) -> None:
    async with open_world(tmp_path, await url_factory("instantiate")) as w:
        rid = await w.start(w.max, w.ana)
        plan = await w.plan(rid)
        assert plan["cadence_source"] == "plan"
        assert plan["cadence_days"] is None
        keys = [(a["key"], a["occurrence"]) for a in plan["activities"]]
        assert keys[0] == ("kick_off", 0)
        regular = [a for a in plan["activities"] if a["key"] == "regular"]
        # 1 March to 31 August: sessions from 15 March to 18 August, every 14 days (the
        # two days left after 16 August are too short for one more).
        assert regular[0]["window_start"] == "2027-03-15T00:00:00Z"
        assert regular[1]["window_start"] == "2027-03-28T23:00:00Z"  # 00:00 Lisbon, in summer time
        assert regular[-1]["window_end"] == "2027-08-15T23:00:00Z"
        assert len(regular) == 11
        closing = _activity(plan, "closing")
        assert closing["window_end"] == "2027-08-31T23:00:00Z"  # the end of 31 August
        kick_off = _activity(plan, "kick_off")
        assert kick_off["state"] == "open"
        assert kick_off["meeting_id"] is None
        assert _activity(plan, "closing")["state"] == "upcoming"
        # Max in Lisbon, Ana in New York: out of the programme's reach, so online.
        assert kick_off["planned_mode"] == "face_to_face"
        assert kick_off["mode"] == "online"
        assert kick_off["adapted"] is True
        assert kick_off["adaptation"] == "out_of_reach_country"
        assert "same country" in kick_off["reason"]
        _check_proposals(kick_off, {w.max.participant_id: w.max, w.ana.participant_id: w.ana})
        # Only the first activity has proposals.
        assert all(not a["proposals"] for a in plan["activities"][1:])

        # Its manager sees the plan and its adaptations; an outsider does not know it.
        manager = await w.plan(rid, w.manager)
        assert _activity(manager, "kick_off")["adapted"] is True
        assert _activity(manager, "kick_off")["proposals"] == kick_off["proposals"]
        unknown = await w.app.client.get(
            f"/v1/relationships/{rid}/plan", headers=w.headers(w.outsider)
        )
        assert_problem(unknown, 404, "relationship_not_found")
        other = await w.app.client.get(
            f"/v1/relationships/{rid}/plan", headers=w.headers(w.manager, manager=[uuid.uuid4()])
        )
        assert_problem(other, 404)


async def test_online_only_makes_face_to_face_online(tmp_path: Path) -> None:
    async with open_world(tmp_path) as w:
        plan = await w.plan(await w.start(w.max, w.olga))
        assert plan["adaptation"] == "online_only"
        for activity in plan["activities"]:
            assert activity["mode"] == "online"
            if activity["planned_mode"] == "face_to_face":
                assert activity["adapted"] is True
                assert activity["adaptation"] == "online_only"
                assert "only meet online" in activity["reason"]
            else:
                assert activity["adapted"] is False
                assert activity["reason"] is None


async def test_face_to_face_within_reach_only(tmp_path: Path) -> None:
    async with open_world(tmp_path) as w:
        # Max and Bea both live in Lisbon ("Lisbon" and " lisbon "): face to face.
        same = await w.plan(await w.start(w.max, w.bea))
        assert same["adaptation"] is None
        kick_off = _activity(same, "kick_off")
        assert kick_off["mode"] == "face_to_face"
        assert kick_off["adapted"] is False
        _check_proposals(kick_off, {w.max.participant_id: w.max, w.bea.participant_id: w.bea})
        # The place to meet: the city they share, as most of them spell it (a tie: the
        # first given, Max's); their manager is not told where members live.
        assert same["place_suggestion"] == {
            "city": "Lisbon",
            "reason": "all 2 members live in Lisbon",
            "members_in_city": 2,
            "members": 2,
        }
        assert (await w.plan(uuid.UUID(same["relationship_id"]), w.manager))[
            "place_suggestion"
        ] is None
        # Pia lives in Porto: same country, another city.
        porto = await w.plan(await w.start(w.max, w.pia))
        assert porto["adaptation"] == "out_of_reach_city"
        assert porto["place_suggestion"] is None  # no two members share a city
        assert _activity(porto, "midpoint_review")["mode"] == "online"
        assert "same city" in _activity(porto, "midpoint_review")["reason"]
        # A member whose city is unknown: the reach cannot be checked.
        nowhere = Person("nils", "mentee", "Europe/Lisbon", city=None, windows=w.bea.windows)
        await w.register(nowhere)
        unknown = await w.plan(await w.start(w.max, nowhere))
        assert unknown["adaptation"] == "location_unknown"
        assert _activity(unknown, "closing")["mode"] == "online"


async def test_same_country_reach(tmp_path: Path) -> None:
    async with open_world(tmp_path, reach=Reach.SAME_COUNTRY) as w:
        porto = await w.plan(await w.start(w.max, w.pia))
        assert porto["adaptation"] is None
        assert _activity(porto, "kick_off")["mode"] == "face_to_face"
        abroad = await w.plan(await w.start(w.max, w.ana))
        assert abroad["adaptation"] == "out_of_reach_country"


async def _counts(w: World, rid: uuid.UUID) -> tuple[int, int]:
    async with w.app.runtime.database.transaction() as session:
        planned = await session.scalar(
            select(func.count())
            .select_from(planned_activities)
            .where(planned_activities.c.relationship_id == rid)
        )
        proposals = await session.scalar(
            select(func.count())
            .select_from(plan_proposals)
            .join(
                planned_activities, planned_activities.c.id == plan_proposals.c.planned_activity_id
            )
            .where(planned_activities.c.relationship_id == rid)
        )
    return int(planned or 0), int(proposals or 0)


async def test_redelivery_is_harmless(tmp_path: Path, url_factory: UrlFactory) -> None:
    async with open_world(tmp_path, await url_factory("redelivery")) as w:
        event = w.started(w.max, w.bea)
        event_id = uuid.uuid4()
        assert await w.app.deliver(event, event_id=event_id)
        before = await w.plan(event.relationship_id)
        counts = await _counts(w, event.relationship_id)
        assert counts == (14, 3)
        assert not await w.app.deliver(event, event_id=event_id)  # the inbox drops it
        w.clock.advance(hours=5)
        assert await w.app.deliver(event)  # another event id: the plan is there already
        assert await _counts(w, event.relationship_id) == counts
        assert (await w.plan(event.relationship_id))["activities"] == before["activities"]


async def test_the_agreement_sets_the_cadence(tmp_path: Path, url_factory: UrlFactory) -> None:
    async with open_world(tmp_path, await url_factory("cadence")) as w:
        rid = await w.start(w.max, w.bea)
        before = [a for a in (await w.plan(rid))["activities"] if a["key"] == "regular"]
        # Five weeks on, the members schedule the third session (the second is open).
        w.clock.set(datetime(2027, 4, 5, 8, 0, tzinfo=UTC))
        third = before[2]
        scheduled = await w.app.client.post(
            f"/v1/relationships/{rid}/meetings",
            json={
                "mode": "online",
                "starts_at": "2027-04-14T17:00:00Z",
                "duration_minutes": 60,
                "planned_activity_id": third["id"],
                "activity_key": "regular",
            },
            headers=w.headers(w.max),
        )
        assert scheduled.status_code == 201, scheduled.text

        assert await w.app.deliver(w.agreement(rid, cadence_days=7))
        plan = await w.plan(rid)
        assert plan["cadence_days"] == 7
        assert plan["cadence_source"] == "agreement"
        after = [a for a in plan["activities"] if a["key"] == "regular"]
        ids = {a["id"] for a in after}
        # The past and open ones stay, the scheduled one stays, the rest follow 7 days.
        assert {before[0]["id"], before[1]["id"], third["id"]} <= ids
        assert not {a["id"] for a in before[3:]} & ids
        kept = _activity(plan, "regular", 2)
        assert kept["state"] == "scheduled"
        assert kept["meeting_id"] == scheduled.json()["id"]
        new = [a for a in after if a["occurrence"] > before[-1]["occurrence"]]
        assert new[0]["window_start"] == third["window_end"]
        for a, b in itertools.pairwise(new):
            assert a["window_end"] == b["window_start"]
        spans = {
            datetime.fromisoformat(a["window_end"]) - datetime.fromisoformat(a["window_start"])
            for a in new[:-1]
        }
        assert spans <= {timedelta(days=7), timedelta(days=7, hours=-1)}
        assert len(new) > len(before) - 3

        # The same version again, or an older one: nothing changes.
        assert await w.app.deliver(w.agreement(rid, cadence_days=30))
        assert (await w.plan(rid))["activities"] == plan["activities"]
        # A newer version with another cadence re-plans again.
        assert await w.app.deliver(w.agreement(rid, cadence_days=21, version=2))
        replanned = await w.plan(rid)
        assert replanned["cadence_days"] == 21
        assert len(replanned["activities"]) < len(plan["activities"])


async def test_a_member_schedules_a_proposal(tmp_path: Path) -> None:
    async with open_world(tmp_path) as w:
        rid = await w.start(w.max, w.bea)
        kick_off = _activity(await w.plan(rid), "kick_off")
        best = kick_off["proposals"][0]
        created = await w.app.client.post(
            f"/v1/relationships/{rid}/meetings",
            json={
                "mode": "face_to_face",
                "starts_at": best["starts_at"],
                "ends_at": best["ends_at"],
                "planned_activity_id": kick_off["id"],
                "activity_key": "kick_off",
                "place": {"name": "Café A Brasileira"},
            },
            headers=w.headers(w.bea),
        )
        assert created.status_code == 201, created.text
        shown = _activity(await w.plan(rid), "kick_off")
        assert shown["state"] == "scheduled"
        assert shown["meeting_id"] == created.json()["id"]
        assert shown["proposals"] == []


async def test_scheduling_names_a_planned_activity_of_its_own_plan(tmp_path: Path) -> None:
    async with open_world(tmp_path) as w:
        rid = await w.start(w.max, w.bea)
        other = await w.start(w.max, w.pia)
        kick_off = _activity(await w.plan(rid), "kick_off")
        elsewhere = _activity(await w.plan(other), "kick_off")
        post = w.app.client.post
        body = {"mode": "online", "starts_at": "2027-03-03T17:00:00Z", "duration_minutes": 60}
        url = f"/v1/relationships/{rid}/meetings"
        for planned, key, code, field in [
            (elsewhere["id"], None, "unknown_planned_activity", "body.planned_activity_id"),
            (str(uuid.uuid4()), None, "unknown_planned_activity", "body.planned_activity_id"),
            (kick_off["id"], "closing", "activity_key_mismatch", "body.activity_key"),
        ]:
            refused = await post(
                url,
                json={**body, "planned_activity_id": planned, "activity_key": key},
                headers=w.headers(w.max),
            )
            problem = assert_problem(refused, 422, code)
            assert problem["errors"][0]["loc"] == field
        assert _activity(await w.plan(rid), "kick_off")["state"] == "open"  # nothing written
        # Its key comes with the activity when it is not given.
        created = await post(
            url, json={**body, "planned_activity_id": kick_off["id"]}, headers=w.headers(w.max)
        )
        assert created.status_code == 201, created.text
        assert created.json()["activity_key"] == "kick_off"


async def test_a_zone_that_is_not_iana_falls_back_to_the_programmes(tmp_path: Path) -> None:
    async with open_world(tmp_path) as w:
        lost = Person("lou", "mentee", "Mars/Olympus_Mons", windows=w.bea.windows)
        await w.register(lost)
        kick_off = _activity(await w.plan(await w.start(w.max, lost)), "kick_off")
        assert len(kick_off["proposals"]) == 3  # planned and proposed all the same
        for proposal in kick_off["proposals"]:
            zones = {t["participant_id"]: t["time_zone"] for t in proposal["local"]}
            assert zones[str(lost.participant_id)] == "Europe/Lisbon"  # the programme's


async def test_a_member_known_after_the_start_completes_the_plan(tmp_path: Path) -> None:
    async with open_world(tmp_path) as w:
        # Kai's profile and contact come after the start (another topic, another partition).
        kai = Person("kai", "mentee", "Europe/Lisbon", windows=w.bea.windows)
        rid = await w.start(w.max, kai)
        before = await w.plan(rid)
        assert before["adaptation"] == "location_unknown"
        assert _activity(before, "kick_off")["proposals"] == []
        contact, profile = w.registration(kai)
        assert await w.app.deliver(contact)
        assert await w.app.deliver(profile)
        after = await w.plan(rid)
        assert after["adaptation"] is None  # both in Lisbon after all
        kick_off = _activity(after, "kick_off")
        assert kick_off["mode"] == "face_to_face"
        assert kick_off["adapted"] is False
        _check_proposals(kick_off, {w.max.participant_id: w.max, kai.participant_id: kai})
        # Later Kai can only meet online: what is not scheduled follows.
        kai.modality = Modality.ONLINE_ONLY
        assert await w.app.deliver(w.registration(kai)[1])
        online = await w.plan(rid)
        assert online["adaptation"] == "online_only"
        assert {a["mode"] for a in online["activities"]} == {"online"}
        assert _activity(online, "kick_off")["proposals"] == kick_off["proposals"]
