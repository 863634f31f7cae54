"""The profile, weekly availability and privacy pages against the real platform
(``tests/web/platform.py``), the web app driven over HTTP as a browser without
JavaScript would. Each form saves and shows the saved value again, and the service
behind it returns it; bad input is a 4xx page that keeps what was typed; the
availability entered in Athens' local time is what meetings returns, in her zone; the
manager-view page shows what messaging, meetings and analytics say, figure for figure,
and no word anyone wrote; the download holds each service's export; erasure (of a
participant of this module's own) erases her in matching and ends the session."""

from __future__ import annotations

import io
import json
import re
import time
import uuid
import zipfile
from datetime import datetime
from typing import Any

import pytest
from tandem_web.domain.figures import number

from demo.client import Api
from tests.web.integration.test_participant_pages import signed_in
from tests.web.platform import Platform, form_token
from tests.web.platform_privacy import Newcomer, newcomer

pytestmark = [pytest.mark.kafka, pytest.mark.slow]


@pytest.fixture(scope="module")
def noor(platform: Platform) -> Newcomer:
    return newcomer(platform, "Noor Haddad")


@pytest.fixture(scope="module")
def eleni(platform: Platform) -> Newcomer:
    return newcomer(platform, "Eleni Papadaki", zone="Europe/Athens")


@pytest.fixture(scope="module")
def leaver(platform: Platform) -> Newcomer:
    return newcomer(platform, "Lea Weber", zone="Europe/Berlin")


def text_of(html: str) -> str:
    return re.sub(r"[ \t\n]+", " ", re.sub(r"<[^>]+>", " ", html))


def value_of(html: str, name: str) -> str:
    found = re.search(rf'<input id="{name}" name="{name}" type="\w+" value="([^"]*)"', html)
    assert found is not None, html
    return found.group(1)


def selected(html: str, name: str) -> str:
    found = re.search(rf'<select id="{name}" name="[^"]+".*?</select>', html, re.S)
    assert found is not None, html
    option = re.search(r'<option value="([^"]*)"[^>]*selected', found.group(0))
    assert option is not None, found.group(0)
    return option.group(1)


def checked(html: str, name: str) -> list[str]:
    return re.findall(rf'name="{name}" value="([^"]*)" checked', html)


def profile_form(html: str, **changes: str) -> dict[str, str]:
    """The form as the page fills it, with ``changes``, as a browser would send it."""
    form = {
        name: value_of(html, name)
        for name in ("display_name", "email", "country", "languages", "city", "sector", "goals")
    }
    form |= {"linkedin_url": value_of(html, "linkedin_url")}
    form |= {name: selected(html, name) for name in ("preferred_language", "time_zone")}
    form |= {name: checked(html, name)[0] for name in ("preferred_format", "modality")}
    if 'name="linkedin_consent" value="yes" checked' in html:
        form["linkedin_consent"] = "yes"
    return {"csrf_token": form_token(html), **form, **changes}


def test_the_profile_form_saves_and_shows_the_saved_values(
    platform: Platform, noor: Newcomer
) -> None:
    pid = platform.programme_id
    path = f"/programmes/{pid}/profile"
    with signed_in(platform.urls["web"], noor.subject) as browser:
        home = browser.get("/")
        assert path in home.text  # the home links to it, and the header to privacy
        assert 'href="/privacy"' in home.text
        page = browser.get(path)
        assert page.status_code == 200, page.text
        assert value_of(page.text, "display_name") == "Noor Haddad"
        assert selected(page.text, "time_zone") == "Europe/Athens"
        changes = {
            "display_name": "Noor Haddad-Rossi",
            "time_zone": "America/Sao_Paulo",
            "languages": "fr, de",
            "city": "Hamburg",
            "modality": "face_to_face",
            "preferred_format": "either",
            "linkedin_url": "https://www.linkedin.com/in/noor-haddad",
            "linkedin_consent": "yes",
            "goals": "cv, networking",
        }
        form = profile_form(page.text, **changes)
        forged = browser.post(path, data={**form, "csrf_token": "forged"})
        assert forged.status_code == 403
        saved = browser.post(path, data=form)
        assert saved.status_code == 303, saved.text
        assert saved.headers["location"] == f"{path}?saved=1"
        shown = browser.get(saved.headers["location"])
        assert "Your profile is saved." in shown.text
        assert value_of(shown.text, "display_name") == "Noor Haddad-Rossi"
        assert selected(shown.text, "time_zone") == "America/Sao_Paulo"
        assert value_of(shown.text, "languages") == "fr, de"
        assert checked(shown.text, "modality") == ["face_to_face"]
        assert 'name="linkedin_consent" value="yes" checked' in shown.text
        # Unticked, the consent is withdrawn (a form sends nothing for an unticked box).
        withdrawn = {k: v for k, v in profile_form(shown.text).items() if k != "linkedin_consent"}
        assert browser.post(path, data=withdrawn).status_code == 303
        assert 'value="yes" checked' not in browser.get(path).text
    record = Api(platform.urls["matching"]).call(
        "GET", f"/v1/programmes/{pid}/participants/{noor.participant_id}", noor.token
    )
    assert record["display_name"] == "Noor Haddad-Rossi"
    assert record["time_zone"] == "America/Sao_Paulo"
    assert record["languages"] == ["fr", "de"]
    assert record["goals"] == ["cv", "networking"]
    assert (record["city"], record["modality"], record["preferred_format"]) == (
        "Hamburg",
        "face_to_face",
        "either",
    )
    assert record["linkedin_url"] == "https://www.linkedin.com/in/noor-haddad"
    assert record["linkedin_consent"] is False
    assert record["availability"] == []  # not the profile form's to change


def test_bad_profile_input_is_a_422_that_keeps_what_was_typed(
    platform: Platform, noor: Newcomer
) -> None:
    path = f"/programmes/{platform.programme_id}/profile"
    with signed_in(platform.urls["web"], noor.subject) as browser:
        page = browser.get(path)
        before = value_of(page.text, "email")
        form = profile_form(
            page.text, email="noor at example", country="XX", display_name="Noor typed this"
        )
        refused = browser.post(path, data=form)
        assert refused.status_code == 422, refused.text
        assert "Your profile was not saved" in refused.text
        # What she typed is still there, each error beside its field.
        assert value_of(refused.text, "email") == "noor at example"
        assert value_of(refused.text, "display_name") == "Noor typed this"
        assert 'id="error-email"' in refused.text
        assert 'aria-describedby="error-email"' in refused.text
        # A choice not offered is refused here before matching is asked.
        odd = browser.post(path, data={**profile_form(page.text), "modality": "by_carrier_pigeon"})
        assert odd.status_code == 422
        assert 'id="error-modality"' in odd.text
    record = Api(platform.urls["matching"]).call(
        "GET",
        f"/v1/programmes/{platform.programme_id}/participants/{noor.participant_id}",
        noor.token,
    )
    assert record["email"] == before
    assert record["display_name"] != "Noor typed this"


def test_no_one_opens_a_profile_or_availability_that_is_not_theirs(
    platform: Platform, noor: Newcomer
) -> None:
    elsewhere = uuid.uuid4()
    with signed_in(platform.urls["web"], noor.subject) as browser:
        profile = browser.get(f"/programmes/{elsewhere}/profile")
        availability = browser.get(f"/programmes/{elsewhere}/availability")
        erasure = browser.get(f"/programmes/{elsewhere}/erasure")
    assert profile.status_code == 404
    assert "Profile not found" in profile.text
    assert availability.status_code == 404
    assert erasure.status_code == 404
    # The manager sees every participant in matching, but this page is one's own only.
    with signed_in(platform.urls["web"], "demo-manager") as browser:
        managers = browser.get(f"/programmes/{platform.programme_id}/profile")
        their_availability = browser.get(f"/programmes/{platform.programme_id}/availability")
    assert managers.status_code == 404
    assert "Noor" not in managers.text
    assert 'name="email"' not in managers.text
    assert their_availability.status_code == 404


def rows_of(html: str) -> list[tuple[str, str, str]]:
    starts = re.findall(r'<input id="start-\d+" name="start"[^>]*value="([^"]*)"', html)
    ends = re.findall(r'<input id="end-\d+" name="end"[^>]*value="([^"]*)"', html)
    days = [selected(html, f"weekday-{i}") for i in range(len(starts))]
    return list(zip(days, starts, ends, strict=True))


def windows_form(html: str, rows: list[tuple[str, str, str]], **extra: Any) -> dict[str, Any]:
    return {
        "csrf_token": form_token(html),
        "weekday": [d for d, _, _ in rows],
        "start": [s for _, s, _ in rows],
        "end": [e for _, _, e in rows],
        **extra,
    }


def test_availability_entered_in_athens_time_is_what_meetings_returns(
    platform: Platform, eleni: Newcomer
) -> None:
    pid = platform.programme_id
    path = f"/programmes/{pid}/availability"
    meetings = Api(platform.urls["meetings"])
    with signed_in(platform.urls["web"], eleni.subject) as browser:
        page = browser.get(path)
        assert page.status_code == 200, page.text
        assert "Greece Time (Europe/Athens)" in text_of(page.text)
        assert rows_of(page.text) == [("0", "", "")]  # none yet: one row to fill
        # Without JavaScript: "Add a row" posts the rows and shows them with one more.
        monday = ("0", "18:00", "20:30")
        added = browser.post(path, data=windows_form(page.text, [monday], action="add"))
        assert added.status_code == 200, added.text
        assert rows_of(added.text) == [monday, ("0", "", "")]
        assert (
            meetings.call("GET", f"/v1/programmes/{pid}/me/availability", eleni.token)["source"]
            == "matching"
        )  # adding a row saved nothing
        wednesday = ("2", "9:00", "12:00")  # typed without the leading zero
        saved = browser.post(
            path, data=windows_form(added.text, [monday, wednesday], action="save")
        )
        assert saved.status_code == 303, saved.text
        shown = browser.get(saved.headers["location"])
        assert "Your availability is saved." in shown.text
        assert rows_of(shown.text) == [monday, ("2", "09:00", "12:00")]
        answer = meetings.call("GET", f"/v1/programmes/{pid}/me/availability", eleni.token)
        # Meetings keeps them as Athens wall-clock times (18:00 in winter and in summer).
        assert answer["time_zone"] == "Europe/Athens"
        assert answer["source"] == "override"
        assert [(w["weekday"], w["start"], w["end"]) for w in answer["windows"]] == [
            (0, "18:00", "20:30"),
            (2, "09:00", "12:00"),
        ]
        # A wrong time: 422, the rows as typed, the error on its row; nothing changes.
        bad = browser.post(
            path, data=windows_form(shown.text, [monday, ("4", "25:00", "26:00")], action="save")
        )
        assert bad.status_code == 422, bad.text
        assert rows_of(bad.text) == [monday, ("4", "25:00", "26:00")]
        assert 'id="error-row-1"' in bad.text
        assert 'id="error-row-0"' not in bad.text
        overlapping = browser.post(
            path,
            data=windows_form(shown.text, [monday, ("0", "19:00", "21:00")], action="save"),
        )
        assert overlapping.status_code == 422, overlapping.text
        # Removing a row by its box, then saving.
        removed = browser.post(
            path,
            data=windows_form(shown.text, rows_of(shown.text), action="save", remove="0"),
        )
        assert removed.status_code == 303
        after = meetings.call("GET", f"/v1/programmes/{pid}/me/availability", eleni.token)
        assert [(w["weekday"], w["start"]) for w in after["windows"]] == [(2, "09:00")]
        # Back to the profile's (none): the override goes.
        again = browser.get(path)
        reset = browser.post(f"{path}/reset", data={"csrf_token": form_token(again.text)})
        assert reset.status_code == 303
        assert "These are the times from your profile." in browser.get(path).text
    final = meetings.call("GET", f"/v1/programmes/{pid}/me/availability", eleni.token)
    assert (final["source"], final["windows"]) == ("matching", [])


def figures(html: str, block: str, part: str) -> dict[str, str]:
    """The figures one part (a service) of a block of the privacy page shows, by name:
    the text, or a time's instant (its ``datetime``)."""
    found = re.search(
        rf'id="view-{block}".*?<dl class="figures" data-part="{part}">(.*?)</dl>', html, re.S
    )
    assert found is not None, f"{block} {part}: {html}"
    shown: dict[str, str] = {}
    for name, value in re.findall(r'data-figure="([\w-]+)">(.*?)</dd>', found.group(1), re.S):
        moment = re.search(r'datetime="([^"]+)"', value)
        shown[name] = instant(moment.group(1)) if moment else text_of(value).strip()
    return shown


def instant(value: str | None) -> str:
    return "never" if value is None else datetime.fromisoformat(value).isoformat()


def hours_text(value: float | None) -> str:
    return "no answers yet" if value is None else f"{number(value, 'en')} hours"


def test_the_manager_view_shows_what_the_three_services_say(platform: Platform) -> None:
    pid = platform.programme_id
    token = platform.tokens.participant(platform.mentee, "mentee", pid)
    matching = Api(platform.urls["matching"])
    [me] = matching.pages(f"/v1/programmes/{pid}/participants", token)
    [relationship] = [
        r
        for r in matching.pages(f"/v1/programmes/{pid}/relationships", token)
        if r["status"] == "active"
    ]
    rid = relationship["id"]

    def the_same() -> tuple[str, dict[str, dict[str, str]], dict[str, dict[str, str]]]:
        """The page, what it shows, and what the services say it should."""
        with signed_in(platform.urls["web"], platform.mentee) as browser:
            page = browser.get("/privacy")
        assert page.status_code == 200, page.text
        answers = {
            "messaging": Api(platform.urls["messaging"]).call("GET", "/v1/me/manager-view", token),
            "analytics": Api(platform.urls["analytics"]).call("GET", "/v1/me/manager-view", token),
            "meetings": Api(platform.urls["meetings"]).call(
                "GET", f"/v1/relationships/{rid}/manager-view", token
            ),
        }
        [line] = [c for c in answers["messaging"]["conversations"] if c["relationship_id"] == rid]
        [mine] = [m for m in line["members"] if m["participant_id"] == me["id"]]
        seconds = mine["median_response_seconds"]
        messaging = {
            "messages": number(line["message_count"], "en"),
            "my-messages": number(mine["message_count"], "en"),
            "my-responses": number(mine["responses"], "en"),
            "my-response-hours": hours_text(None if seconds is None else seconds / 3600),
            "my-last-message": instant(mine["last_message_at"]),
            "last-activity": instant(line["last_activity_at"]),
        }
        counts = answers["meetings"]["meetings"]
        meetings = {
            name.replace("_", "-"): number(counts[name], "en")
            for name in ("scheduled", "held", "missed", "cancelled", "online", "face_to_face")
        } | {
            "goals": number(answers["meetings"]["goals"]["total"], "en"),
            "goals-done": number(answers["meetings"]["goals"]["done"], "en"),
        }
        [programme] = [p for p in answers["analytics"]["programmes"] if p["programme_id"] == pid]
        [stats] = [r for r in programme["relationships"] if r["relationship_id"] == rid]
        [member] = [m for m in stats["members"] if m["participant_id"] == me["id"]]
        analytics = {
            "last-two-way": instant(stats["last_two_way_contact_at"]),
            "my-messages": number(member["messages"], "en"),
            "my-response-hours": hours_text(member["response_time_p50_hours"]),
            "goals": number(stats["goals"], "en"),
            "goals-done": number(stats["goals_done"], "en"),
            "milestones": number(stats["milestones"], "en"),
            "milestones-done": number(stats["milestones_done"], "en"),
        }
        programme_level = {
            "isolated": "yes" if programme["isolated"] else "no",
            "last-contact": instant(programme["last_contact_at"]),
            "last-meeting": instant(programme["last_meeting_at"]),
            "ever-posted": "yes" if programme["ever_posted"] else "no",
            "check-ins-named": "yes" if programme["check_in_answers_named"] else "no",
        }
        shown = {
            "messaging": figures(page.text, rid, "messaging"),
            "meetings": figures(page.text, rid, "meetings"),
            "analytics": figures(page.text, rid, "analytics"),
            "programme": figures(page.text, pid, "analytics-programme"),
        }
        expected = {
            "messaging": messaging,
            "meetings": meetings,
            "analytics": analytics,
            "programme": programme_level,
        }
        return page.text, shown, expected

    # The consumers may still be counting a message of a test before: asked again
    # (page and services) until both sides agree, then compared for the diff.
    for _ in range(30):
        html, shown, expected = the_same()
        if shown == expected:
            break
        time.sleep(1)
    assert shown == expected
    assert int(expected["meetings"]["scheduled"]) >= 1  # the platform's online meeting
    assert "Your mentoring with Bruno Costa" in html
    # Figures only: never a word of the conversation.
    assert "Welcome, Amara!" not in html
    assert "Shall we start with your CV?" not in html


def without_time(export: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in export.items() if k != "exported_at"}


def test_the_download_holds_each_services_export(platform: Platform) -> None:
    pid = platform.programme_id
    token = platform.tokens.participant(platform.mentee, "mentee", pid)
    with signed_in(platform.urls["web"], platform.mentee) as browser:
        page = browser.get("/privacy")
        assert 'href="/privacy/export"' in page.text
        download = browser.get("/privacy/export")
    assert download.status_code == 200, download.text
    assert download.headers["content-type"] == "application/zip"
    assert "attachment" in download.headers["content-disposition"]
    archive = zipfile.ZipFile(io.BytesIO(download.content))
    [me] = Api(platform.urls["matching"]).pages(f"/v1/programmes/{pid}/participants", token)
    names = set(archive.namelist())
    assert names == {
        "README.txt",
        f"matching-programme-{pid}.json",
        "messaging.json",
        "meetings.json",
    }
    matching = Api(platform.urls["matching"]).call(
        "GET", f"/v1/programmes/{pid}/participants/{me['id']}/export", token
    )
    messaging = Api(platform.urls["messaging"]).call("GET", "/v1/me/export", token)
    meetings = Api(platform.urls["meetings"]).call("GET", "/v1/me/export", token)
    assert without_time(json.loads(archive.read(f"matching-programme-{pid}.json"))) == without_time(
        matching
    )
    assert without_time(json.loads(archive.read("messaging.json"))) == without_time(messaging)
    assert without_time(json.loads(archive.read("meetings.json"))) == without_time(meetings)
    assert (
        json.loads(archive.read(f"matching-programme-{pid}.json"))["participant"]["display_name"]
        == "Amara Okafor"
    )


def test_notification_preferences_save_and_show_again(platform: Platform, noor: Newcomer) -> None:
    messaging = Api(platform.urls["messaging"])
    with signed_in(platform.urls["web"], noor.subject) as browser:
        page = browser.get("/privacy")
        saved = browser.post(
            "/privacy/notifications",
            data={
                "csrf_token": form_token(page.text),
                "new_message": "daily_digest",
                "digest_hour": "7",
            },
        )
        assert saved.status_code == 303, saved.text
        shown = browser.get(saved.headers["location"])
        assert "Your choice is saved." in shown.text
        assert checked(shown.text, "new_message") == ["daily_digest"]
        assert selected(shown.text, "digest_hour") == "7"
        bad = browser.post(
            "/privacy/notifications",
            data={"csrf_token": form_token(page.text), "new_message": "never", "digest_hour": "31"},
        )
        assert bad.status_code == 422, bad.text
        assert checked(bad.text, "new_message") == ["never"]  # as sent, to correct
        assert 'id="error-digest_hour"' in bad.text
    found = messaging.call("GET", "/v1/me/notification-preferences", noor.token)
    assert (found["new_message"], found["digest_hour"]) == ("daily_digest", 7)


def test_erasure_asks_first_then_erases_and_signs_out(platform: Platform, leaver: Newcomer) -> None:
    pid = platform.programme_id
    matching = Api(platform.urls["matching"])
    path = f"/programmes/{pid}/erasure"
    with signed_in(platform.urls["web"], leaver.subject) as browser:
        privacy = browser.get("/privacy")
        assert path in privacy.text
        confirm = browser.get(path)
        assert confirm.status_code == 200, confirm.text
        assert "This cannot be undone." in confirm.text
        assert "you are signed out." in confirm.text
        key = re.search(r'name="idempotency_key" value="([^"]+)"', confirm.text)
        assert key is not None
        form = {"csrf_token": form_token(confirm.text), "idempotency_key": key.group(1)}
        # Not ticked: nothing erased, the form again.
        unticked = browser.post(path, data=form)
        assert unticked.status_code == 422
        assert "Nothing was erased: tick the box to confirm." in unticked.text
        record = matching.call(
            "GET", f"/v1/programmes/{pid}/participants/{leaver.participant_id}", leaver.token
        )
        assert record["status"] == "active"
        forged = browser.post(path, data={**form, "confirm": "yes", "csrf_token": "forged"})
        assert forged.status_code == 403
        erased = browser.post(path, data={**form, "confirm": "yes"})
        assert erased.status_code == 303, erased.text
        assert erased.headers["location"] == "/privacy/erased"
        goodbye = browser.get("/privacy/erased")
        assert "Your data was erased" in goodbye.text
        assert "Sign out" not in goodbye.text  # the session has ended
        assert browser.get("/privacy").status_code == 303  # signed out: back home
        assert "Signed in as" not in browser.get("/").text
    admin = platform.tokens.admin()
    record = matching.call(
        "GET", f"/v1/programmes/{pid}/participants/{leaver.participant_id}", admin
    )
    assert record["status"] == "erased"
    assert record["display_name"] is None
    assert record["email"] is None
