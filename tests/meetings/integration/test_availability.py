"""Weekly availability: matching's copy from its events, the participant's own override,
who may see and set it, what bad input gets, and what an erasure leaves."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from tandem_contracts.common import Modality
from tandem_kit.testing import assert_problem
from tandem_meetings.adapters.tables import (
    availability_overrides,
    availability_profiles,
    busy_intervals,
    calendar_sources,
)
from tandem_meetings.domain.availability import AvailabilityWindow
from tandem_meetings.service import profiles
from tests.conftest import UrlFactory
from tests.meetings.integration.availability_world import World, world


def windows(*given: tuple[int, str, str]) -> list[dict[str, Any]]:
    return [{"weekday": d, "start": s, "end": e} for d, s, e in given]


async def rows(w: World, table: Any) -> int:
    async with w.running.runtime.database.transaction() as session:
        return int(await session.scalar(select(func.count()).select_from(table)) or 0)


async def test_matching_copy_then_override_then_back(
    tmp_path: Path, url_factory: UrlFactory
) -> None:
    async with world(tmp_path, await url_factory("availability")) as w:
        client, me = w.running.client, w.as_me(w.mentor)
        got = await client.get(w.url(), headers=me)
        assert got.status_code == 200, got.text
        assert got.json() == {
            "participant_id": str(w.mentor.participant_id),
            "programme_id": str(w.programme_id),
            "source": "matching",
            "time_zone": "Europe/Berlin",
            "windows": windows((0, "09:00", "12:00"), (2, "14:00", "18:00")),
            "updated_at": "2027-03-01T08:00:00Z",
        }

        w.clock.advance(hours=1)
        own = windows((4, "16:00", "24:00"), (1, "07:30", "08:15"), (1, "08:15", "09:00"))
        put = await client.put(w.url(), headers=me, json={"windows": own})
        assert put.status_code == 200, put.text
        assert put.json()["source"] == "override"
        assert put.json()["windows"] == windows(
            (1, "07:30", "08:15"), (1, "08:15", "09:00"), (4, "16:00", "24:00")
        )
        assert put.json()["updated_at"] == "2027-03-01T09:00:00Z"

        # Matching's copy changes underneath; the override still wins, until deleted.
        w.mentor.windows = [(3, "10:00", "11:00")]
        w.mentor.modality, w.mentor.goals = Modality.ONLINE_ONLY, ("cv", "interviews")
        assert await w.running.deliver(w.facts(w.mentor, updated=True))
        assert (await client.get(w.url(), headers=me)).json()["source"] == "override"
        async with w.running.runtime.database.transaction() as session:
            found = await profiles.profiles(
                session, [w.mentor.participant_id, w.mentee.participant_id]
            )
        mentor = found[w.mentor.participant_id]
        assert mentor.availability == (AvailabilityWindow(3, 600, 660),)
        assert mentor.windows[0] == AvailabilityWindow(1, 450, 495)
        assert (mentor.role, mentor.country, mentor.modality, mentor.goals) == (
            "mentor",
            "PT",
            Modality.ONLINE_ONLY,
            ("cv", "interviews"),
        )
        mentee = found[w.mentee.participant_id]
        assert (mentee.override, mentee.modality, mentee.goals) == (None, Modality.EITHER, ())

        back = await client.delete(w.url(), headers=me)
        assert back.status_code == 200
        assert back.json()["source"] == "matching"
        assert back.json()["windows"] == windows((3, "10:00", "11:00"))
        # The mentee's own is untouched throughout.
        shown = (await client.get(w.url(), headers=w.as_me(w.mentee))).json()
        assert (shown["source"], shown["windows"]) == ("matching", windows((1, "18:00", "21:00")))


async def test_bad_windows_are_422s_that_write_nothing(tmp_path: Path) -> None:
    async with world(tmp_path) as w:
        client, me = w.running.client, w.as_me(w.mentee)
        first = windows((1, "10:00", "11:00"))
        assert (await client.put(w.url(), headers=me, json={"windows": first})).status_code == 200

        overlap = await client.put(
            w.url(),
            headers=me,
            json={"windows": windows((2, "09:00", "11:00"), (2, "10:30", "12:00"))},
        )
        body = assert_problem(overlap, 422, "invalid_availability")
        assert body["errors"][0]["loc"] == ["body", "windows", 1]
        assert "overlaps 09:00-11:00" in body["errors"][0]["msg"]
        backwards = await client.put(
            w.url(), headers=me, json={"windows": windows((2, "11:00", "10:00"))}
        )
        assert (
            "not after its start"
            in assert_problem(backwards, 422, "invalid_availability")["detail"]
        )
        empty = await client.put(
            w.url(), headers=me, json={"windows": windows((2, "11:00", "11:00"))}
        )
        assert_problem(empty, 422, "invalid_availability")
        for wrong in (
            {"windows": windows((2, "9:00", "10:00"))},
            {"windows": windows((2, "10:00", "24:30"))},
            {"windows": windows((7, "10:00", "11:00"))},
            {"windows": [{"weekday": "1", "start": "10:00", "end": "11:00"}]},
            {"windows": windows((1, "10:00", "11:00")), "timezone": "UTC"},
            {
                "windows": windows(
                    *[(d % 7, f"{h:02d}:00", f"{h:02d}:30") for d in range(7) for h in range(8)]
                )
            },
            {},
        ):
            answer = await client.put(w.url(), headers=me, json=wrong)
            assert answer.status_code == 422, (wrong, answer.text)
        kept = (await client.get(w.url(), headers=me)).json()
        assert (kept["source"], kept["windows"]) == ("override", first)
        assert await rows(w, availability_overrides) == 1


async def test_only_participants_for_themselves(tmp_path: Path) -> None:
    async with world(tmp_path) as w:
        client, pid = w.running.client, w.programme_id
        assert_problem(await client.get(w.url()), 401, "missing_token")
        stranger = w.running.bearer("zoe", mentee=[w.other_programme_id])
        for method in ("get", "put", "delete"):
            kwargs: dict[str, Any] = {"json": {"windows": []}} if method == "put" else {}
            answer = await client.request(method.upper(), w.url(), headers=stranger, **kwargs)
            assert_problem(answer, 404, "programme_not_found")
        assert_problem(
            await client.get(w.url(), headers=w.running.bearer("mia", manager=[pid])),
            403,
            "participants_only",
        )
        assert_problem(
            await client.get(w.url(), headers=w.running.bearer("root", admin=True)),
            403,
            "participants_only",
        )
        # A mentee's grant that meetings has no registration for yet.
        assert_problem(
            await client.get(w.url(), headers=w.running.bearer("new", mentee=[pid])),
            404,
            "participant_not_found",
        )
        # Max is a mentor: a token granting him only "mentee" does not seat him.
        assert_problem(
            await client.get(w.url(), headers=w.running.bearer("max", mentee=[pid])),
            404,
            "participant_not_found",
        )
        # A token without any role there: the programme is unknown.
        assert_problem(
            await client.get(w.url(), headers=w.running.bearer("max")), 404, "programme_not_found"
        )
        # Nobody's call wrote anything.
        assert await rows(w, availability_overrides) == 0


async def test_erasure_forgets_availability_feed_and_busy_times(tmp_path: Path) -> None:
    async with world(tmp_path) as w:
        client, me = w.running.client, w.as_me(w.mentor)
        await client.put(w.url(), headers=me, json={"windows": windows((0, "08:00", "09:00"))})
        put = await client.put(
            w.url("calendar-source"), headers=me, json={"url": "https://cal.example.org/max.ics"}
        )
        assert put.status_code == 200, put.text
        assert await w.running.deliver(w.erased(w.mentor))
        for table, left in (
            (availability_profiles, 1),  # the mentee's
            (availability_overrides, 0),
            (calendar_sources, 0),
            (busy_intervals, 0),
        ):
            assert await rows(w, table) == left, table.name
        # A late update does not bring the profile back.
        assert await w.running.deliver(w.facts(w.mentor, updated=True))
        async with w.running.runtime.database.transaction() as session:
            assert w.mentor.participant_id not in await profiles.profiles(
                session, [w.mentor.participant_id]
            )
