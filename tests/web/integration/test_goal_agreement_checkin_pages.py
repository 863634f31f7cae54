"""The participants' communication agreement, goals and milestones, meeting notes and
check-in pages against the real platform (``tests/web/platform.py``, with
``tests/web/platform_participant.py``'s check-in plan), the web app driven over HTTP as
a browser without JavaScript would: each page, each form (post, then 303 back), the
services' refusals as pages (someone outside the relationship, a manager opening the
members' own words), and bad input as a 4xx page that keeps what was typed."""

from __future__ import annotations

import html
import re
from datetime import UTC, datetime

import pytest

from demo.client import Api
from tests.web.integration.test_participant_pages import section, signed_in
from tests.web.platform import Pairs, Platform, form_token
from tests.web.platform_participant import Participant, participant

# The shared platform starts within the first test (minutes on two shared cores).
pytestmark = [pytest.mark.kafka, pytest.mark.slow, pytest.mark.timeout(900)]

MANAGER = "demo-manager"
__all__ = ["participant"]  # the fixture, for pytest


def text_of(page: str) -> str:
    return html.unescape(re.sub(r"[ \t\n]+", " ", re.sub(r"<[^>]+>", " ", page)))


def test_the_mentee_reads_and_accepts_the_agreement(
    platform: Platform, participant: Participant, pairs: Pairs
) -> None:
    path = f"/relationships/{participant.relationship_id}/agreement"
    with signed_in(platform.urls["web"], platform.mentee) as browser:
        home = browser.get("/")
        assert f'href="{path}"' in home.text  # the agreement waiting, as a link
        assert "is waiting for your acceptance" in section(home.text, "agreements")
        page = browser.get(path)
        assert page.status_code == 200, page.text
        words = text_of(page.text)
        assert "We answer a message within" in words
        assert "Still to accept" in words
        assert "I accept version 1" in words
        # A version that is not the current one: messaging's 409, the page says why.
        stale = browser.post(
            f"{path}/acceptances", data={"csrf_token": form_token(page.text), "version": "7"}
        )
        assert stale.status_code == 409, stale.text
        assert "the agreement changed meanwhile" in stale.text
        accepted = browser.post(
            f"{path}/acceptances", data={"csrf_token": form_token(page.text), "version": "1"}
        )
        assert accepted.status_code == 303, accepted.text
        assert accepted.headers["location"] == path
        after = browser.get(path)
        assert re.search(r"You: <time", after.text), after.text
        assert "/agreement/acceptances" not in after.text  # nothing left to accept
        assert path not in section(browser.get("/").text, "agreements")
    mentee = platform.tokens.participant(platform.mentee, "mentee", platform.programme_id)
    agreement = Api(platform.urls["messaging"]).call("GET", f"/v1{path}", mentee)
    assert "mentee" in {a["role"] for a in agreement["acceptances"]}
    # Someone of the programme outside the relationship: messaging's 404, as a page.
    with signed_in(platform.urls["web"], pairs.ended_mentee) as browser:
        outside = browser.get(path)
    assert outside.status_code == 404
    assert "We answer a message within" not in outside.text
    # The manager reads it and may accept for the programme (messaging's rule).
    with signed_in(platform.urls["web"], MANAGER) as browser:
        managers = browser.get(path)
    assert managers.status_code == 200
    assert "/agreement/acceptances" in managers.text


def test_goals_and_milestones_through_the_forms(
    platform: Platform, participant: Participant, pairs: Pairs
) -> None:
    path = f"/relationships/{participant.relationship_id}/goals"
    today = datetime.now(UTC).date().isoformat()
    with signed_in(platform.urls["web"], platform.mentee) as browser:
        page = browser.get(path)
        assert page.status_code == 200, page.text
        assert "Add a goal" in page.text
        token = form_token(page.text)
        blank = browser.post(path, data={"csrf_token": token, "title": "  ", "target_date": today})
        assert blank.status_code == 422, blank.text
        assert "it cannot be blank" in blank.text
        assert f'value="{today}"' in blank.text  # what was typed is kept
        bad_day = browser.post(
            path, data={"csrf_token": token, "title": "Interviews", "target_date": "soon"}
        )
        assert bad_day.status_code == 422
        assert 'value="Interviews"' in bad_day.text
        added = browser.post(
            path, data={"csrf_token": token, "title": "Three interviews", "target_date": today}
        )
        assert added.status_code == 303, added.text
        assert added.headers["location"] == path
        mentee = platform.tokens.participant(platform.mentee, "mentee", platform.programme_id)
        meetings = Api(platform.urls["meetings"])
        [goal] = [
            g for g in meetings.pages(f"/v1{path}", mentee) if g["title"] == "Three interviews"
        ]
        # Due today: the home lists it under "goals due".
        home = browser.get("/")
        assert "Three interviews" in section(home.text, "check-ins")
        renamed = browser.post(
            f"{path}/{goal['id']}",
            data={"csrf_token": token, "title": "Three interviews in IT", "state": "in_progress"},
        )
        assert renamed.status_code == 303, renamed.text
        step = browser.post(
            f"{path}/{goal['id']}/milestones",
            data={"csrf_token": token, "title": "Send the CV", "due_date": ""},
        )
        assert step.status_code == 303, step.text
        blank_step = browser.post(
            f"{path}/{goal['id']}/milestones",
            data={"csrf_token": token, "title": "", "due_date": today},
        )
        assert blank_step.status_code == 422
        [goal] = [g for g in meetings.pages(f"/v1{path}", mentee) if g["id"] == goal["id"]]
        assert goal["title"] == "Three interviews in IT"
        assert goal["state"] == "in_progress"
        [milestone] = goal["milestones"]
        ticked = browser.post(
            f"{path}/{goal['id']}/milestones/{milestone['id']}",
            data={"csrf_token": token, "done": "true"},
        )
        assert ticked.status_code == 303, ticked.text
        shown = text_of(browser.get(path).text)
        assert "Three interviews in IT" in shown
        assert "in progress" in shown
        assert "1 of 1 milestones done" in shown
        assert "Mark as not done" in shown
        done = browser.post(
            f"{path}/{goal['id']}",
            data={"csrf_token": token, "title": "Three interviews in IT", "state": "done"},
        )
        assert done.status_code == 303
        # done is final: meetings' 409 is the page again, saying why, with the input.
        reopened = browser.post(
            f"{path}/{goal['id']}",
            data={"csrf_token": token, "title": "Reopened", "state": "open"},
        )
        assert reopened.status_code == 409, reopened.text
        assert "it can no longer be changed that way" in reopened.text
        assert 'value="Reopened"' in reopened.text
    [milestone] = next(g for g in meetings.pages(f"/v1{path}", mentee) if g["id"] == goal["id"])[
        "milestones"
    ]
    assert milestone["done"] is True
    # A manager gets meetings' 403 as a page: no goal's words, no form.
    with signed_in(platform.urls["web"], MANAGER) as browser:
        managers = browser.get(path)
        forged = browser.post(
            path,
            data={"csrf_token": form_token(managers.text), "title": "Manager's goal"},
        )
    assert managers.status_code == 403
    assert "This page is for the relationship" in managers.text
    assert "Three interviews" not in managers.text
    assert forged.status_code == 403
    with signed_in(platform.urls["web"], pairs.ended_mentee) as browser:
        outside = browser.get(path)
    assert outside.status_code in (403, 404)
    assert "Three interviews" not in outside.text


def test_meeting_notes_mine_to_change_theirs_to_read(
    platform: Platform, participant: Participant, pairs: Pairs
) -> None:
    path = f"/meetings/{participant.meeting_id}/notes"
    with signed_in(platform.urls["web"], platform.mentee) as browser:
        page = browser.get(path)
        assert page.status_code == 200, page.text
        token = form_token(page.text)
        blank = browser.post(path, data={"csrf_token": token, "text": "   "})
        assert blank.status_code == 422
        assert "it cannot be blank" in blank.text
        written = browser.post(path, data={"csrf_token": token, "text": "Amara brings her CV."})
        assert written.status_code == 303, written.text
        assert written.headers["location"] == path
        mentee = platform.tokens.participant(platform.mentee, "mentee", platform.programme_id)
        [note] = [
            n
            for n in Api(platform.urls["meetings"]).pages(f"/v1{path}", mentee)
            if n["text"] == "Amara brings her CV."
        ]
        shown = browser.get(path).text
        assert "You wrote" in shown
        assert f'action="{path}/{note["id"]}"' in shown  # hers to change
        edited = browser.post(
            f"{path}/{note['id']}", data={"csrf_token": token, "text": "Amara brings two CVs."}
        )
        assert edited.status_code == 303, edited.text
        blank_edit = browser.post(f"{path}/{note['id']}", data={"csrf_token": token, "text": ""})
        assert blank_edit.status_code == 422
    with signed_in(platform.urls["web"], platform.mentor) as browser:
        theirs = browser.get(path)
        assert theirs.status_code == 200
        assert "Amara brings two CVs." in theirs.text
        assert "Another member wrote" in theirs.text
        assert "(edited)" in theirs.text
        assert f'action="{path}/{note["id"]}"' not in theirs.text  # not his to change
        refused = browser.post(
            f"{path}/{note['id']}/delete", data={"csrf_token": form_token(theirs.text)}
        )
        assert refused.status_code == 403, refused.text
        assert "it is not yours to change" in refused.text
    with signed_in(platform.urls["web"], MANAGER) as browser:
        managers = browser.get(path)
    assert managers.status_code == 403
    assert "Amara brings" not in managers.text
    with signed_in(platform.urls["web"], pairs.ended_mentee) as browser:
        outside = browser.get(path)
    assert outside.status_code in (403, 404)
    assert "Amara brings" not in outside.text
    with signed_in(platform.urls["web"], platform.mentee) as browser:
        page = browser.get(path)
        deleted = browser.post(
            f"{path}/{note['id']}/delete", data={"csrf_token": form_token(page.text)}
        )
        assert deleted.status_code == 303
        assert "Amara brings" not in browser.get(path).text


def test_the_final_evaluation_and_the_outcome(
    platform: Platform, participant: Participant, pairs: Pairs
) -> None:
    web, pid = platform.urls["web"], platform.programme_id
    chidi = platform.tokens.participant(pairs.ended_mentee, "mentee", pid)
    answer = f"/check-ins/{participant.check_in_id}/answers"
    assert participant.questions == ("overall", "progress", "recommend")
    # Someone else's check-in is not there for her.
    with signed_in(web, platform.mentee) as browser:
        page = browser.get("/check-ins")
        assert page.status_code == 200
        assert "No check-in is waiting for you." in page.text
        assert "After your mentoring" not in page.text  # her mentoring has not ended
        others = browser.post(answer, data={"csrf_token": form_token(page.text), "q-overall": "5"})
        assert others.status_code == 404
    with signed_in(web, pairs.ended_mentee) as browser:
        home = browser.get("/")
        assert "1 check-in to answer" in section(home.text, "check-ins")
        page = browser.get("/check-ins")
        assert page.status_code == 200, page.text
        words = text_of(page.text)
        assert "Final evaluation" in words
        assert "Overall, how valuable was the mentoring for you?" in words
        assert "After your mentoring" in words
        german = text_of(browser.get("/check-ins", headers={"Accept-Language": "de"}).text)
        assert "Abschlussauswertung" in german
        assert "Wie wertvoll war das Mentoring insgesamt für Sie?" in german
        token = form_token(page.text)
        out_of_scale = browser.post(
            answer, data={"csrf_token": token, "q-overall": "7", "q-progress": "4"}
        )
        assert out_of_scale.status_code == 422, out_of_scale.text
        assert "from 1 to 5" in out_of_scale.text
        # The choices made are kept, checked again.
        assert re.search(r'name="q-progress" value="4" checked', out_of_scale.text)
        nothing = browser.post(answer, data={"csrf_token": token})
        assert nothing.status_code == 422
        sent = browser.post(
            answer,
            data={"csrf_token": token, "q-overall": "5", "q-progress": "4", "q-recommend": "5"},
        )
        assert sent.status_code == 303, sent.text
        assert sent.headers["location"] == "/check-ins"
        assert "No check-in is waiting for you." in browser.get("/check-ins").text
        outcome = f"/check-ins/outcomes/{participant.ended_relationship_id}"
        bad = browser.post(outcome, data={"csrf_token": token, "status": "rich"})
        assert bad.status_code == 422
        assert "Please choose one of the situations offered." in bad.text
        recorded = browser.post(outcome, data={"csrf_token": token, "status": "still_searching"})
        assert recorded.status_code == 303, recorded.text
    [answered] = [
        c
        for c in Api(platform.urls["analytics"]).call("GET", "/v1/me/check-ins", chidi)
        if c["id"] == participant.check_in_id
    ]
    assert answered["answered_at"] is not None
    assert sorted(answered["answered"]) == ["overall", "progress", "recommend"]
    # The active pair's mentee has no outcome to give: analytics' 409, as a page.
    with signed_in(web, platform.mentee) as browser:
        page = browser.get("/check-ins")
        early = browser.post(
            f"/check-ins/outcomes/{participant.relationship_id}",
            data={"csrf_token": form_token(page.text), "status": "employed"},
        )
    assert early.status_code == 409, early.text
    assert "no follow-up is due for this relationship now" in early.text
