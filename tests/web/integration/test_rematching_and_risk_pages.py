"""The re-matching offer and the manager's risk pages against the real platform
(``tests/web/platform.py``, with its two more pairs: one ended early, whose mentee has a
re-matching offer, one flagged by analytics), the web app driven over HTTP as a browser
without JavaScript would. The mentee answers her offer
through the page's form and matching reports it accepted; another mentee opening it is
told it is not hers; the manager reads the flag's reasons in German and English and
dismisses it through the page's form, and analytics then lists it cleared."""

from __future__ import annotations

import re

import pytest

from demo.client import Api
from tests.web.integration.test_participant_pages import section, signed_in
from tests.web.platform import Pairs, Platform, form_token

pytestmark = [pytest.mark.kafka, pytest.mark.slow]


def text_of(html: str) -> str:
    return re.sub(r"[ \t\n]+", " ", re.sub(r"<[^>]+>", " ", html))


def test_the_mentee_accepts_her_offer_through_the_page(platform: Platform, pairs: Pairs) -> None:
    pid = platform.programme_id
    path = f"/programmes/{pid}/rematching-offers/{pairs.offer_id}"
    with signed_in(platform.urls["web"], pairs.ended_mentee) as browser:
        home = browser.get("/")
        assert path in home.text
        assert "You have been offered re-matching" in section(home.text, "offers")
        page = browser.get(path)
        assert page.status_code == 200, page.text
        assert "Would you like a new mentor?" in page.text
        assert "This offer is waiting for your answer." in page.text
        german = browser.get(path, headers={"Accept-Language": "de"})
        assert "Möchten Sie eine neue Mentorin oder einen neuen Mentor?" in german.text
        token = form_token(page.text)
        forged = browser.post(f"{path}/accept", data={"csrf_token": "forged"})
        assert forged.status_code == 403
        accepted = browser.post(f"{path}/accept", data={"csrf_token": token})
        assert accepted.status_code == 303, accepted.text
        assert accepted.headers["location"] == path
        shown = browser.get(path)
        assert "You accepted this offer on" in text_of(shown.text)
        assert "/accept" not in shown.text  # no form for an answered offer
        # Answered once: declining now is refused, in words, never a 500.
        again = browser.post(f"{path}/decline", data={"csrf_token": token})
        assert again.status_code == 409, again.text
        assert "this offer had already been answered" in again.text
        home_after = browser.get("/")
        assert path not in home_after.text
    chidi = platform.tokens.participant(pairs.ended_mentee, "mentee", pid)
    offer = Api(platform.urls["matching"]).call(
        "GET", f"/v1/programmes/{pid}/rematching-offers/{pairs.offer_id}", chidi
    )
    assert offer["status"] == "accepted"


def test_another_mentee_is_told_the_offer_is_not_hers(platform: Platform, pairs: Pairs) -> None:
    path = f"/programmes/{platform.programme_id}/rematching-offers/{pairs.offer_id}"
    with signed_in(platform.urls["web"], platform.mentee) as browser:
        page = browser.get(path)
        refused = browser.post(f"{path}/decline", data={"csrf_token": form_token(page.text)})
    assert page.status_code == 404
    assert "There is no such re-matching offer, or it is not yours." in page.text
    assert "/decline" not in page.text
    # Matching shows the programme's manager every offer; only its mentee may answer.
    with signed_in(platform.urls["web"], "demo-manager") as browser:
        managers = browser.get(path)
    assert managers.status_code == 404
    assert "/accept" not in managers.text
    assert refused.status_code == 404
    assert "Offer not found" in refused.text
    chidi = platform.tokens.participant(pairs.ended_mentee, "mentee", platform.programme_id)
    offer = Api(platform.urls["matching"]).call(
        "GET", f"/v1/programmes/{platform.programme_id}/rematching-offers/{pairs.offer_id}", chidi
    )
    assert offer["status"] in ("open", "accepted")  # whatever the test before did, not declined


def test_the_manager_reads_a_flag_in_her_language_and_dismisses_it(
    platform: Platform, pairs: Pairs
) -> None:
    pid = platform.programme_id
    analytics = Api(platform.urls["analytics"])
    manager = platform.tokens.manager(pid)
    with signed_in(platform.urls["web"], "demo-manager") as browser:
        home = browser.get("/")
        assert home.status_code == 200, home.text
        assert f"/programmes/{pid}/risk" in home.text
        english = browser.get(f"/programmes/{pid}/risk")
        german = browser.get(f"/programmes/{pid}/risk", headers={"Accept-Language": "de"})
        assert english.status_code == 200, english.text
        flags = section(english.text, "flags")
        assert "No two-way contact for" in flags
        assert "Dara Novak" in flags  # matching names the relationship's members
        assert "kein Austausch in beide Richtungen" in section(german.text, "flags")
        assert "Offene Markierungen" in german.text
        figures = section(english.text, "figures")
        assert "Active relationships" in figures
        assert "Messages per week" in figures
        assert "Meetings by mode" in figures
        # Figures and flags only: never a word the members wrote.
        assert "Welcome, Amara!" not in english.text
        action = f"/programmes/{pid}/risk-flags/{pairs.flag_id}/dismissal"
        assert action in english.text
        reason = "Both on holiday until the 20th"
        forged = browser.post(action, data={"csrf_token": "forged", "reason": reason})
        assert forged.status_code == 403
        dismissed = browser.post(
            action, data={"csrf_token": form_token(english.text), "reason": reason}
        )
        assert dismissed.status_code == 303, dismissed.text
        assert dismissed.headers["location"] == f"/programmes/{pid}/risk"
        after = browser.get(f"/programmes/{pid}/risk")
        assert action not in after.text
        # Dismissed once: a second form for it is refused in words, never a 500.
        again = browser.post(action, data={"csrf_token": form_token(after.text), "reason": reason})
        assert again.status_code == 409, again.text
        assert "it had already been cleared" in again.text
    cleared = [
        f
        for f in analytics.pages(f"/v1/programmes/{pid}/risk-flags", manager, open="false")
        if f["id"] == pairs.flag_id
    ]
    assert [(f["cleared_by"], f["dismissal_reason"]) for f in cleared] == [
        ("manager_dismissed", reason)
    ]


def test_a_mentee_opening_the_risk_page_is_refused(platform: Platform) -> None:
    with signed_in(platform.urls["web"], platform.mentee) as browser:
        page = browser.get(f"/programmes/{platform.programme_id}/risk")
    assert page.status_code == 403, page.text
    assert "This programme is not yours to manage" in page.text
