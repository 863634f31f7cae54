"""Video links (made with the meeting, pending when the provider fails, then retried) and
one-click RSVP links (a preview changes nothing; forged, expired and replayed refused)."""

from __future__ import annotations

import uuid
from pathlib import Path

import jwt
import pytest

from tandem_kit.testing import assert_problem
from tandem_kit.workers import RunsIn
from tandem_meetings.adapters import meetings as meeting_repo
from tandem_meetings.domain.rsvp_links import RsvpResponse
from tandem_meetings.domain.video_links import ProviderUnavailable, VideoProvider
from tandem_meetings.main import DEFINITION
from tandem_meetings.service import rsvp
from tandem_meetings.service.context import Context
from tandem_meetings.service.link_retry import retry_pending_links
from tests.conftest import UrlFactory
from tests.meetings.integration.meetings_world import World, open_world

SECRET = "s" * 40


def _unavailable() -> VideoProvider:
    raise ProviderUnavailable("the video server's configuration is missing")


async def test_each_member_gets_their_own_link_and_managers_none(tmp_path: Path) -> None:
    async with open_world(
        tmp_path,
        video_jitsi_base_url="https://video.example.org",
        video_jitsi_app_id="tandem",
        video_jitsi_app_secret=SECRET,
    ) as w:
        made = await w.schedule(w.mentee)
        assert made.status_code == 201, made.text
        assert made.json()["link_status"] == "ready"
        meeting = made.json()["id"]
        get = w.app.client.get
        mine = (await get(f"/v1/meetings/{meeting}", headers=w.headers(w.mentee))).json()["link"]
        his = (await get(f"/v1/meetings/{meeting}", headers=w.headers(w.mentor))).json()["link"]
        assert mine["provider"] == his["provider"] == "jitsi"
        assert (mine["moderator"], his["moderator"]) == (False, True)
        claims = {
            who: jwt.decode(
                link["url"].split("?jwt=")[1],
                SECRET,
                algorithms=["HS256"],
                audience="jitsi",
                options={"verify_exp": False},  # the test's clock is not the wall clock
            )
            for who, link in (("ana", mine), ("max", his))
        }
        assert claims["max"]["context"]["user"]["moderator"] is True
        assert claims["ana"]["context"]["user"]["moderator"] is False
        assert claims["ana"]["context"]["user"]["id"] == str(w.mentee.participant_id)
        room = claims["ana"]["room"]
        assert len(room) == 32
        assert mine["url"].startswith(f"https://video.example.org/{room}?jwt=")

        managed = await get(f"/v1/meetings/{meeting}", headers=w.headers(w.manager))
        assert managed.json()["link"] is None
        assert managed.json()["link_status"] == "ready"
        assert room not in managed.text
        ana_sees = await get(f"/v1/meetings/{meeting}", headers=w.headers(w.mentee))
        assert his["url"] not in ana_sees.text, "a mentee never sees the moderator's link"

        moved = await w.app.client.patch(
            f"/v1/meetings/{meeting}",
            json={"starts_at": "2026-03-12T16:00:00Z"},
            headers=w.headers(w.mentor),
        )
        assert moved.json()["link_status"] == "ready"
        assert moved.json()["link"]["url"] != his["url"], "a new schedule gets a new link"


async def test_a_failing_provider_leaves_the_link_pending_until_a_retry(
    tmp_path: Path, url_factory: UrlFactory
) -> None:
    async with open_world(tmp_path, await url_factory("links"), video=_unavailable) as w:
        made = await w.schedule(w.mentor)
        assert made.status_code == 201, made.text
        assert made.json()["link_status"] == "pending"
        assert made.json()["link"] is None
        cancelled = (await w.schedule(w.mentor, starts_at="2026-03-10T16:00:00Z")).json()["id"]
        await w.app.client.post(
            f"/v1/meetings/{cancelled}/cancel",
            json={"reason": "other"},
            headers=w.headers(w.mentor),
        )

        failing = Context.of(w.app.runtime, _unavailable)
        assert await retry_pending_links(failing) == 0
        async with w.app.runtime.database.transaction() as session:
            still = await meeting_repo.by_id(session, uuid.UUID(made.json()["id"]))
        assert still is not None
        assert still.link_attempts == 2  # the first try, and this retry

        working = Context.of(w.app.runtime)  # the configured provider (Jitsi by default)
        assert await retry_pending_links(working) == 1
        shown = await w.app.client.get(
            f"/v1/meetings/{made.json()['id']}", headers=w.headers(w.mentee)
        )
        assert shown.json()["link_status"] == "ready"
        assert shown.json()["link"]["url"].startswith("https://meet.jit.si/")
        assert await retry_pending_links(working) == 0  # the cancelled one is left alone
    [spec] = [s for s in DEFINITION.workers if s.name == "link-retry"]
    assert spec.runs_in is RunsIn.RELAY


async def _link(w: World, meeting: str, response: RsvpResponse) -> str:
    ctx = Context.of(w.app.runtime)
    async with w.app.runtime.database.transaction() as session:
        found = await meeting_repo.by_id(session, uuid.UUID(meeting))
    assert found is not None
    url = rsvp.link_url(ctx, found, w.mentor.participant_id, response)
    assert url.startswith("http://127.0.0.1:8003/v1/rsvp/")
    return url.removeprefix("http://127.0.0.1:8003")


async def _partstat(w: World, meeting: str) -> str:
    shown = await w.app.client.get(f"/v1/meetings/{meeting}", headers=w.headers(w.mentor))
    [his] = [a for a in shown.json()["attendees"] if a["role"] == "mentor"]
    return str(his["partstat"])


async def test_a_one_click_link_answers_once_and_signs_no_one_in(
    tmp_path: Path, url_factory: UrlFactory
) -> None:
    async with open_world(tmp_path, await url_factory("rsvp")) as w:
        meeting = (await w.schedule(w.mentee)).json()["id"]
        path = await _link(w, meeting, RsvpResponse.TENTATIVE)

        preview = await w.app.client.get(path)  # a mail scanner, or the person, looking
        assert preview.status_code == 200, preview.text
        assert preview.json()["response"] == "tentative"
        assert preview.json()["meeting_id"] == meeting
        assert await _partstat(w, meeting) == "needs_action"

        applied = await w.app.client.post(path)
        assert applied.status_code == 200, applied.text
        assert applied.json()["partstat"] == "tentative"
        assert applied.json()["participant_id"] == str(w.mentor.participant_id)
        assert "set-cookie" not in applied.headers
        assert await _partstat(w, meeting) == "tentative"

        assert_problem(await w.app.client.post(path), 409, "rsvp_link_used")
        assert_problem(await w.app.client.get(path), 409, "rsvp_link_used")
        # The link is no token: it opens nothing else.
        token = path.rsplit("/", 1)[1]
        elsewhere = await w.app.client.get(
            f"/v1/meetings/{meeting}", headers={"Authorization": f"Bearer {token}"}
        )
        assert elsewhere.status_code == 401


@pytest.mark.parametrize("change", ["forged", "malformed", "expired"])
async def test_bad_links_are_refused_and_change_nothing(tmp_path: Path, change: str) -> None:
    async with open_world(tmp_path) as w:
        meeting = (await w.schedule(w.mentee)).json()["id"]
        path = await _link(w, meeting, RsvpResponse.DECLINED)
        if change == "forged":
            token = path.rsplit("/", 1)[1]
            flipped = token[:40] + ("A" if token[40] != "A" else "B") + token[41:]
            path, status, code = f"/v1/rsvp/{flipped}", 403, "rsvp_link_forged"
        elif change == "malformed":
            path, status, code = "/v1/rsvp/not-a-token", 400, "rsvp_link_malformed"
        else:
            w.clock.advance(hours=24 * 8)  # past the meeting's start: links end there
            status, code = 410, "rsvp_link_expired"
        assert_problem(await w.app.client.get(path), status, code)
        assert_problem(await w.app.client.post(path), status, code)
        if change != "expired":
            assert await _partstat(w, meeting) == "needs_action"


async def test_used_nonces_are_forgotten_after_their_links_expire(tmp_path: Path) -> None:
    async with open_world(tmp_path) as w:
        meeting = (await w.schedule(w.mentee)).json()["id"]
        path = await _link(w, meeting, RsvpResponse.ACCEPTED)
        assert (await w.app.client.post(path)).status_code == 200
        ctx = Context.of(w.app.runtime)
        assert await rsvp.forget_used_nonces(ctx, w.clock()) == 0  # still live: kept
        w.clock.advance(hours=24 * 8)
        assert await rsvp.forget_used_nonces(ctx, w.clock()) == 1
        assert_problem(await w.app.client.post(path), 410, "rsvp_link_expired")


async def test_a_link_from_before_a_reschedule_is_refused_as_outdated(tmp_path: Path) -> None:
    """The token signs the meeting's SEQUENCE: an answer to the old time is no answer to
    the new one (RFC 5545: a REQUEST with a higher SEQUENCE supersedes the earlier one)."""
    async with open_world(tmp_path) as w:
        meeting = (await w.schedule(w.mentee)).json()["id"]
        old = await _link(w, meeting, RsvpResponse.DECLINED)
        moved = await w.app.client.patch(
            f"/v1/meetings/{meeting}",
            json={"starts_at": "2026-03-12T16:00:00Z"},
            headers=w.headers(w.mentor),
        )
        assert moved.status_code == 200, moved.text
        before = await _partstat(w, meeting)
        for call in (w.app.client.get, w.app.client.post):
            refused = assert_problem(await call(old), 410, "rsvp_link_outdated")
            assert "earlier time" in refused["detail"]
        assert await _partstat(w, meeting) == before != "declined"
        new = await _link(w, meeting, RsvpResponse.DECLINED)  # the new invitation's link
        applied = await w.app.client.post(new)
        assert applied.status_code == 200, applied.text
        assert await _partstat(w, meeting) == "declined"


async def test_a_link_to_a_cancelled_meeting_says_it_was_cancelled(tmp_path: Path) -> None:
    """A cancel raises the SEQUENCE too, but "cancelled" is the truer answer than "an
    earlier time"."""
    async with open_world(tmp_path) as w:
        meeting = (await w.schedule(w.mentee)).json()["id"]
        path = await _link(w, meeting, RsvpResponse.ACCEPTED)
        cancelled = await w.app.client.post(
            f"/v1/meetings/{meeting}/cancel",
            json={"reason": "illness"},
            headers=w.headers(w.mentor),
        )
        assert cancelled.status_code == 200, cancelled.text
        shown = await w.app.client.get(path)
        assert shown.status_code == 200, shown.text
        assert shown.json()["status"] == "cancelled"
        assert_problem(await w.app.client.post(path), 409, "meeting_cancelled")
