"""The manager's matching pages against the real platform (``tests/web/platform.py``;
a programme of this module's own, ``tests/web/platform_matching.py``), the web app
driven over HTTP as a browser without JavaScript would: a CSV with bad rows imported
(all or nothing: nothing imported, every bad row listed with its line; valid rows
only: a report listing them), files that are not CSV or too big refused in words, a
match run followed to its draft, a move that breaks a rule refused with matching's
explanation, a swap, approval, publishing, and the relationships page naming the
members and, once analytics flags them, their reasons. A mentee, another programme's
manager, and this manager on another programme get 403 pages."""

from __future__ import annotations

import re
from typing import Any

import httpx2
import pytest

from demo.client import Api
from tests.web.integration.test_participant_pages import section, signed_in
from tests.web.integration.test_rematching_and_risk_pages import text_of
from tests.web.platform import Platform, form_token, wait_for
from tests.web.platform_matching import (
    BAD_LINES,
    Programme,
    accept_as_members,
    flagged,
    new_programme,
    people_csv,
    thresholds_low,
)

pytestmark = [pytest.mark.kafka, pytest.mark.slow]
FORBIDDEN = "This programme is not yours to manage"


@pytest.fixture(scope="module")
def programme(platform: Platform) -> Programme:
    return new_programme(platform, "http")


def upload(
    browser: httpx2.Client,
    pid: str,
    data: bytes,
    mode: str = "valid_only",
    name: str = "people.csv",
    kind: str = "text/csv",
) -> httpx2.Response:
    form = browser.get(f"/programmes/{pid}/imports")
    assert form.status_code == 200, form.text
    return browser.post(
        f"/programmes/{pid}/imports",
        data={"csrf_token": form_token(form.text), "mode": mode},
        files={"file": (name, data, kind)},
    )


def bad_rows(html: str) -> dict[int, str]:
    """The bad-rows table: line -> its row's text."""
    found = re.search(r'<table class="bad-rows">(.*?)</table>', html, re.S)
    assert found is not None, html
    rows = re.findall(r'<tr><th scope="row">(\d+)</th>(.*?)</tr>', found.group(1), re.S)
    return {int(line): text_of(cells) for line, cells in rows}


def participants(platform: Platform, programme: Programme) -> list[dict[str, Any]]:
    matching = Api(platform.urls["matching"])
    manager = platform.tokens.manager(programme.id)
    return list(matching.pages(f"/v1/programmes/{programme.id}/participants", manager))


def test_all_or_nothing_imports_nothing_and_lists_every_bad_row(
    platform: Platform, programme: Programme
) -> None:
    with signed_in(platform.urls["web"], programme.manager) as browser:
        home = browser.get("/")
        for page in ("imports", "match-runs", "relationships"):
            assert f"/programmes/{programme.id}/{page}" in home.text
        refused = upload(browser, programme.id, people_csv(programme), mode="all_or_nothing")
    assert refused.status_code == 422, refused.text
    assert "Nothing was imported: 3 of the file" in text_of(refused.text)
    rows = bad_rows(refused.text)
    assert sorted(rows) == sorted(BAD_LINES)
    for line, column in BAD_LINES.items():
        assert column in rows[line], rows[line]
    assert "Mars/Olympus" in rows[3]
    # The choice made is kept on the page shown again.
    assert re.search(r'value="all_or_nothing" checked', refused.text)
    assert participants(platform, programme) == []


def test_a_file_that_is_not_a_csv_or_too_big_is_refused_in_words(
    platform: Platform, programme: Programme
) -> None:
    with signed_in(platform.urls["web"], programme.manager) as browser:
        sheet = upload(browser, programme.id, b"PK\x03\x04", name="people.xlsx", kind="x/y")
        binary = upload(browser, programme.id, b"subject\x00\x01", name="people.csv")
        empty = upload(browser, programme.id, b"  \n", name="people.csv")
        huge = upload(browser, programme.id, b"a" * (10 * 1024 * 1024 + 1))
    for answer in (sheet, binary):
        assert answer.status_code == 415, answer.text
        assert "This file is not a CSV file." in answer.text
    assert empty.status_code == 422, empty.text
    assert "This file is empty." in empty.text
    assert huge.status_code == 413, huge.text
    assert "This file is too large" in huge.text
    assert participants(platform, programme) == []


def test_the_valid_rows_are_imported_and_the_report_lists_the_others(
    platform: Platform, programme: Programme
) -> None:
    with signed_in(platform.urls["web"], programme.manager) as browser:
        answer = upload(browser, programme.id, people_csv(programme))
        assert answer.status_code == 303, answer.text
        report_path = answer.headers["location"]
        assert report_path.startswith(f"/programmes/{programme.id}/imports/")
        report = browser.get(report_path)
        listed = browser.get(f"/programmes/{programme.id}/imports")
        german = browser.get(report_path, headers={"Accept-Language": "de"})
    assert report.status_code == 200, report.text
    text = text_of(report.text)
    assert "Rows in the file 7" in text
    assert "Imported 4" in text
    assert "Not imported 3" in text
    assert 'separated by ";"' in text_of(report.text.replace("&#34;", '"'))
    rows = bad_rows(report.text)
    assert sorted(rows) == sorted(BAD_LINES)
    assert "capacity must be a whole number" in rows[5]
    assert f"nomail-{programme.run}" in rows[7]
    assert report_path in listed.text
    assert "4 imported, 3 not imported" in text_of(listed.text)
    assert "Nicht importiert" in german.text
    names = {p["display_name"] for p in participants(platform, programme)}
    assert names == {*programme.mentors, *programme.mentees}


def run_id_of(platform: Platform, programme: Programme) -> str:
    matching = Api(platform.urls["matching"])
    manager = platform.tokens.manager(programme.id)
    [run] = matching.pages(f"/v1/programmes/{programme.id}/match-runs", manager)
    return str(run["id"])


def test_a_run_is_followed_to_its_draft_reviewed_and_published(
    platform: Platform, programme: Programme
) -> None:
    pid = programme.id
    mentor_a, mentor_b = programme.mentors
    mentee_a, mentee_b = programme.mentees
    with signed_in(platform.urls["web"], programme.manager) as browser:
        runs = browser.get(f"/programmes/{pid}/match-runs")
        assert "No match run yet." in runs.text
        started = browser.post(
            f"/programmes/{pid}/match-runs", data={"csrf_token": form_token(runs.text)}
        )
        assert started.status_code == 303, started.text
        run_path = started.headers["location"]
        first = browser.get(run_path)
        assert first.status_code == 200, first.text
        if "<progress" in first.text:  # still solving: the script's route and a refresh
            assert 'http-equiv="refresh"' in first.text
            assert "/static/match_run.js" in first.text

        def finished() -> Any:
            answer = browser.get(f"{run_path}/progress")
            assert answer.status_code == 200, answer.text
            found = answer.json()
            assert set(found) == {"status", "phase", "percent", "solving", "text"}
            assert 0 <= found["percent"] <= 100
            return None if found["solving"] else found

        done = wait_for("the match run", finished)
        assert done["status"] == "draft", done
        assert done["text"] == "Draft ready for review"
        run = browser.get(run_path)
        assert "Draft ready for review" in run.text
        assert "<progress" not in run.text
        assert "Mentees matched 2" in text_of(section(run.text, "summary"))
        review_path = f"{run_path}/proposals"
        assert review_path in run.text
        # One open run per programme: a second is refused in words.
        again = browser.post(
            f"/programmes/{pid}/match-runs", data={"csrf_token": form_token(run.text)}
        )
        assert again.status_code == 409, again.text
        assert "Nothing was changed." in again.text
        assert run_path in browser.get(f"/programmes/{pid}/match-runs").text

        review = browser.get(review_path)
        assert review.status_code == 200, review.text
        proposals = section(review.text, "proposals")
        assert all(name in proposals for name in (*programme.mentors, *programme.mentees))
        assert "score" in proposals
        ids = dict(re.findall(r'<option value="([0-9a-f-]+)"[^>]*>([^<]+)</option>', review.text))
        by_name = {name: id_ for id_, name in ids.items()}
        pairs = re.findall(r'<h3 id="proposal-[^"]+">([^<]+) with ([^<]+)</h3>', review.text)
        paired = {mentee: mentor for mentor, mentee in pairs}
        assert set(paired) == {mentee_a, mentee_b}, pairs
        token = form_token(review.text)
        # Moving a mentee to the other mentor, whose one place is taken, breaks a rule.
        other = mentor_b if paired[mentee_a] == mentor_a else mentor_a
        breach = browser.post(
            f"{run_path}/moves",
            data={
                "csrf_token": token,
                "mentee_id": by_name[mentee_a],
                "mentor_id": by_name[other],
            },
        )
        assert breach.status_code == 422, breach.text
        alert = re.search(r'<div class="error" role="alert">(.*?)</div>', breach.text, re.S)
        assert alert is not None, breach.text
        assert "this change breaks the programme's rules" in text_of(alert.group(1)).replace(
            "&#39;", "'"
        ), alert.group(1)
        reasons = re.findall(r'<ul class="breaches"><li>(.*?)</li>', breach.text, re.S)
        assert reasons, breach.text
        assert reasons[0].strip(), breach.text
        # What was chosen stays chosen.
        assert f'<option value="{by_name[other]}" selected>' in breach.text
        swapped = browser.post(
            f"{run_path}/swaps",
            data={
                "csrf_token": token,
                "mentee_a": by_name[mentee_a],
                "mentee_b": by_name[mentee_b],
            },
        )
        assert swapped.status_code == 303, swapped.text
        after = browser.get(review_path)
        pairs = re.findall(r'<h3 id="proposal-[^"]+">([^<]+) with ([^<]+)</h3>', after.text)
        assert {mentee: mentor for mentor, mentee in pairs}[mentee_a] == other
        approved = browser.post(
            f"{run_path}/approvals", data={"csrf_token": token, "proposal_id": "all"}
        )
        assert approved.status_code == 303, approved.text
        assert "Approved: 2 of 2." in text_of(browser.get(review_path).text)
        published = browser.post(f"{run_path}/publish", data={"csrf_token": token})
        assert published.status_code == 303, published.text
        assert published.headers["location"] == run_path
        shown = browser.get(run_path)
        assert "Published on" in shown.text
        assert "Cancel this run" not in shown.text
        # Published: cancelling is refused by matching, in words (409), never a 500.
        cancelled = browser.post(f"{run_path}/cancel", data={"csrf_token": token})
        assert cancelled.status_code == 409, cancelled.text
        assert "Nothing was changed." in cancelled.text
        closed = browser.get(review_path)
        assert "no longer a draft" in closed.text
        assert f"{run_path}/moves" not in closed.text


def test_the_relationships_page_shows_members_states_and_risk(
    platform: Platform, programme: Programme
) -> None:
    pid = programme.id
    with signed_in(platform.urls["web"], programme.manager) as browser:
        proposed = browser.get(f"/programmes/{pid}/relationships")
        assert proposed.status_code == 200, proposed.text
        listed = section(proposed.text, "relationships")
        assert listed.count("proposed, waiting for the members to accept") == 2
        assert all(name in listed for name in (*programme.mentors, *programme.mentees))
        assert "At risk since" not in listed
        thresholds_low(platform, programme)
        active = accept_as_members(platform, programme)
        flags = flagged(platform, programme, {r["id"] for r in active})
        page = browser.get(f"/programmes/{pid}/relationships")
        german = browser.get(f"/programmes/{pid}/relationships", headers={"Accept-Language": "de"})
    listed = section(page.text, "relationships")
    assert listed.count("A pair, active.") == 2
    assert listed.count("At risk since") == 2
    assert "No two-way contact for" in listed
    assert "Suggested:" in listed
    for flag in flags:
        assert f"/programmes/{pid}/risk#flag-{flag['id']}" in page.text
    assert "Relationships flagged at risk: 2." in page.text
    assert "kein Austausch in beide Richtungen" in german.text


def pages_of(pid: str, run_id: str) -> list[str]:
    run = f"/programmes/{pid}/match-runs/{run_id}"
    return [
        f"/programmes/{pid}/imports",
        f"/programmes/{pid}/match-runs",
        run,
        f"{run}/proposals",
        f"/programmes/{pid}/relationships",
    ]


def assert_refused(browser: httpx2.Client, pid: str, run_id: str) -> None:
    for path in pages_of(pid, run_id):
        answer = browser.get(path)
        assert answer.status_code == 403, (path, answer.text)
        assert FORBIDDEN in answer.text, path
    assert browser.get(f"/programmes/{pid}/match-runs/{run_id}/progress").status_code == 403
    token = form_token(browser.get(f"/programmes/{pid}/imports").text)
    posts = {
        f"/programmes/{pid}/match-runs": {},
        f"/programmes/{pid}/match-runs/{run_id}/cancel": {},
        f"/programmes/{pid}/match-runs/{run_id}/approvals": {"proposal_id": "all"},
        f"/programmes/{pid}/match-runs/{run_id}/publish": {},
    }
    for path, data in posts.items():
        answer = browser.post(path, data={"csrf_token": token, **data})
        assert answer.status_code == 403, (path, answer.text)
    imported = browser.post(
        f"/programmes/{pid}/imports",
        data={"csrf_token": token},
        files={"file": ("people.csv", b"subject\nx\n", "text/csv")},
    )
    assert imported.status_code == 403, imported.text


def test_a_mentee_and_other_managers_get_403_pages(
    platform: Platform, programme: Programme
) -> None:
    run_id = run_id_of(platform, programme)
    with signed_in(platform.urls["web"], f"chidi-{programme.run}") as browser:
        assert_refused(browser, programme.id, run_id)
    with signed_in(platform.urls["web"], "demo-manager") as browser:  # the shared one's
        assert_refused(browser, programme.id, run_id)
    with signed_in(platform.urls["web"], programme.manager) as browser:
        assert_refused(browser, platform.programme_id, run_id)
        nowhere = "00000000-0000-4000-8000-000000000000"
        missing = browser.get(f"/programmes/{programme.id}/match-runs/{nowhere}")
        assert missing.status_code == 404, missing.text
        assert "Not found" in missing.text
    # None of the refused forms changed anything.
    assert len(participants(platform, programme)) == 4
