"""``GET /v1/relationships/{id}/slots``: ranked times for a planned activity on every
member's clock, the blockers when nothing fits (also when the plan was made), a group's
quorum from the programme's policy, busy times and buffers, and who may ask."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import insert

from tandem_kit.testing import assert_problem
from tandem_meetings.adapters.tables import busy_intervals
from tests.conftest import UrlFactory
from tests.meetings.integration.plans_world import Person, World, open_world, weekdays


def _kick_off(plan: dict[str, Any]) -> dict[str, Any]:
    [found] = [a for a in plan["activities"] if a["key"] == "kick_off"]
    assert isinstance(found, dict)
    return found


async def _slots(w: World, rid: uuid.UUID, activity: str, person: Person, **query: Any) -> Any:
    return await w.app.client.get(
        f"/v1/relationships/{rid}/slots",
        params={"activity_id": activity, **query},
        headers=w.headers(person),
    )


async def test_slots_for_a_pair_on_every_clock(tmp_path: Path, url_factory: UrlFactory) -> None:
    async with open_world(tmp_path, await url_factory("slots")) as w:
        rid = await w.start(w.max, w.ana)
        kick_off = _kick_off(await w.plan(rid))
        found = await _slots(w, rid, kick_off["id"], w.ana, limit=5)
        assert found.status_code == 200, found.text
        body = found.json()
        assert body["blockers"] == []
        assert len(body["slots"]) == 5
        assert body["activity_key"] == "kick_off"
        assert body["duration_minutes"] == 90
        # The stored proposals are the search's best three.
        assert [(s["starts_at"], s["ends_at"]) for s in body["slots"][:3]] == [
            (p["starts_at"], p["ends_at"]) for p in kick_off["proposals"]
        ]
        for slot in body["slots"]:
            local = {t["participant_id"]: t for t in slot["local"]}
            lisbon = datetime.fromisoformat(local[str(w.max.participant_id)]["starts_at_local"])
            new_york = datetime.fromisoformat(local[str(w.ana.participant_id)]["starts_at_local"])
            assert lisbon == new_york  # one instant, two clocks
            # Before 14 March New York is 5 hours behind Lisbon, after it 4.
            gap = lisbon.utcoffset() - new_york.utcoffset()  # type: ignore[operator]
            assert gap in {timedelta(hours=5), timedelta(hours=4)}
            assert f"{lisbon:%H:%M}" >= "17:00"
            assert f"{lisbon + timedelta(minutes=90):%H:%M}" <= "20:00"
            assert f"{new_york:%H:%M}" >= "12:00"
            assert f"{new_york + timedelta(minutes=90):%H:%M}" <= "15:00"
            assert sorted(slot["attendees"]) == sorted(
                [str(w.max.participant_id), str(w.ana.participant_id)]
            )


async def test_busy_times_and_buffers_are_left_out(tmp_path: Path) -> None:
    async with open_world(tmp_path) as w:
        rid = await w.start(w.max, w.bea)
        kick_off = _kick_off(await w.plan(rid))
        first = (await _slots(w, rid, kick_off["id"], w.max, limit=10)).json()["slots"]
        best = first[0]
        # Max has another meeting (with Pia) right where the best slot was.
        other = await w.start(w.max, w.pia)
        created = await w.app.client.post(
            f"/v1/relationships/{other}/meetings",
            json={"mode": "online", "starts_at": best["starts_at"], "duration_minutes": 30},
            headers=w.headers(w.max),
        )
        assert created.status_code == 201, created.text
        busy_from = datetime.fromisoformat(best["starts_at"])
        busy_until = busy_from + timedelta(minutes=30)
        again = (await _slots(w, rid, kick_off["id"], w.bea, limit=10)).json()["slots"]
        assert again
        assert best["starts_at"] not in {s["starts_at"] for s in again}
        buffer = timedelta(minutes=15)  # the default policy's buffer
        for slot in again:
            start = datetime.fromisoformat(slot["starts_at"])
            end = datetime.fromisoformat(slot["ends_at"])
            assert end + buffer <= busy_from or start >= busy_until + buffer


async def test_blockers_when_nothing_fits(tmp_path: Path, url_factory: UrlFactory) -> None:
    async with open_world(tmp_path, await url_factory("blockers")) as w:
        # Hana, in Tokyo, is free only in her mornings (Lisbon's night): no overlap with Max.
        hana = Person(
            "hana",
            "mentee",
            "Asia/Tokyo",
            country="JP",
            city="Tokyo",
            windows=weekdays("09:00", "11:00"),
        )
        await w.register(hana)
        rid = await w.start(w.max, hana)
        kick_off = _kick_off(await w.plan(rid))
        assert kick_off["proposals"] == []  # nothing to propose when the plan was made
        found = await _slots(w, rid, kick_off["id"], hana)
        assert found.status_code == 200, found.text
        body = found.json()
        assert body["slots"] == []
        [blocker] = body["blockers"]
        assert set(blocker["participant_ids"]) == {
            str(w.max.participant_id),
            str(hana.participant_id),
        }
        assert "the mentor" in blocker["reason"]
        assert "Hana" in blocker["reason"]

        # A member without any availability is named alone.
        nobody = Person("nora", "mentee", "Europe/Lisbon", windows=[])
        await w.register(nobody)
        rid = await w.start(w.max, nobody)
        kick_off = _kick_off(await w.plan(rid))
        [blocker] = (await _slots(w, rid, kick_off["id"], w.max)).json()["blockers"]
        assert blocker["code"] == "no_availability"
        assert blocker["participant_ids"] == [str(nobody.participant_id)]
        assert blocker["reason"].startswith("Nora")


async def test_a_groups_quorum_comes_from_the_policy(tmp_path: Path) -> None:
    async with open_world(tmp_path) as w:
        hana = Person(
            "hana",
            "mentee",
            "Asia/Tokyo",
            country="JP",
            city="Tokyo",
            windows=weekdays("09:00", "11:00"),
        )
        await w.register(hana)
        everyone = await w.start(w.max, w.bea, hana)
        kick_off = _kick_off(await w.plan(everyone))
        body = (await _slots(w, everyone, kick_off["id"], w.bea)).json()
        assert body["quorum_min_mentees"] is None
        assert body["slots"] == []
        assert any(str(hana.participant_id) in b["participant_ids"] for b in body["blockers"])

        manager = w.headers(w.manager, manager=[w.programme])
        plan = (
            await w.app.client.get(f"/v1/programmes/{w.programme}/plan", headers=manager)
        ).json()
        policy = {**plan["policy"], "group_quorum": {"min_mentees": 1}}
        activities = [{k: v for k, v in a.items()} for a in plan["activities"]]
        saved = await w.app.client.put(
            f"/v1/programmes/{w.programme}/plan",
            json={"activities": activities, "policy": policy},
            headers=manager,
        )
        assert saved.status_code == 200, saved.text
        # The policy holds for every search from now on; a group started now has proposals.
        body = (await _slots(w, everyone, kick_off["id"], w.bea)).json()
        assert body["quorum_min_mentees"] == 1
        assert body["slots"]
        for slot in body["slots"]:
            assert str(w.max.participant_id) in slot["attendees"]
            assert str(hana.participant_id) not in slot["attendees"]
            assert len(slot["local"]) == 3  # every member's clock, coming or not
        later = await w.start(w.max, w.bea, hana)
        assert len(_kick_off(await w.plan(later))["proposals"]) == 3


async def test_who_may_ask(tmp_path: Path) -> None:
    async with open_world(tmp_path) as w:
        rid = await w.start(w.max, w.bea)
        kick_off = _kick_off(await w.plan(rid))
        assert (await _slots(w, rid, kick_off["id"], w.bea)).status_code == 200
        manager = await w.app.client.get(
            f"/v1/relationships/{rid}/slots",
            params={"activity_id": kick_off["id"]},
            headers=w.headers(w.manager, manager=[w.programme]),
        )
        assert_problem(manager, 403, "members_only")
        assert_problem(
            await _slots(w, rid, kick_off["id"], w.outsider), 404, "relationship_not_found"
        )
        # Another relationship's activity, or none at all, is not this one's.
        other = await w.start(w.max, w.pia)
        assert_problem(await _slots(w, other, kick_off["id"], w.max), 404, "activity_not_found")
        assert_problem(await _slots(w, rid, str(uuid.uuid4()), w.max), 404, "activity_not_found")
        missing = await w.app.client.get(f"/v1/relationships/{rid}/slots", headers=w.headers(w.max))
        assert missing.status_code == 422
        too_many = await _slots(w, rid, kick_off["id"], w.max, limit=11)
        assert too_many.status_code == 422
        unknown = await _slots(w, rid, kick_off["id"], w.max, sort="best")
        assert unknown.status_code == 422


async def test_an_external_calendars_busy_times_count(tmp_path: Path) -> None:
    async with open_world(tmp_path) as w:
        rid = await w.start(w.max, w.bea)
        kick_off = _kick_off(await w.plan(rid))
        best = (await _slots(w, rid, kick_off["id"], w.max)).json()["slots"][0]
        busy_from = datetime.fromisoformat(best["starts_at"]) - timedelta(hours=1)
        busy_until = datetime.fromisoformat(best["ends_at"]) + timedelta(hours=1)
        # What the calendar-feeds worker keeps of Bea's own calendar: start and end only.
        async with w.app.runtime.database.transaction() as session:
            await session.execute(
                insert(busy_intervals).values(
                    participant_id=w.bea.participant_id, starts_at=busy_from, ends_at=busy_until
                )
            )
        again = (await _slots(w, rid, kick_off["id"], w.max, limit=10)).json()["slots"]
        assert again
        for slot in again:
            start = datetime.fromisoformat(slot["starts_at"])
            end = datetime.fromisoformat(slot["ends_at"])
            assert end <= busy_from or start >= busy_until
