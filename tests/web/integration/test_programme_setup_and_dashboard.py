"""The manager's programme set-up and dashboard pages against the real platform
(``tests/web/platform.py``), the web app driven over HTTP as a browser without
JavaScript would: each set-up form, filled from the page as it stands, saves and the
page then shows the saved value, which the owning service's API reports too; a refused
input (a negative weight, a negative threshold, a word for a number) keeps what was
typed and says why next to the field, and the service keeps what it had; a mentee and
another programme's manager get refusal pages; the dashboard's tables and charts carry
analytics' figures; the CSV download is analytics' export byte for byte.

The set-up forms write to a programme of their own (``tests/web/platform_programme.py``);
the dashboard reads the shared programme, whose relationships the platform set up."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from typing import Any

import httpx2
import pytest

from demo.client import Api
from tests.web.integration.test_participant_pages import section, signed_in
from tests.web.platform import Platform, wait_for
from tests.web.platform_programme import OwnProgramme, own_programme

pytestmark = [pytest.mark.kafka, pytest.mark.slow]
__all__ = ["own_programme"]  # the fixture, imported for pytest


class _Form(HTMLParser):
    """The fields of the form posting to ``action`` as a browser would submit them:
    inputs' values, checked boxes as "on", each select's selected option, textareas."""

    def __init__(self, action: str) -> None:
        super().__init__()
        self.action, self.inside = action, False
        self.fields: dict[str, str] = {}
        self._select: str | None = None
        self._first: str | None = None
        self._textarea: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "form":
            self.inside = a.get("action") == self.action
        if not self.inside:
            return
        if tag == "input" and a.get("name"):
            if a.get("type") != "checkbox":
                self.fields[a["name"]] = a.get("value", "")
            elif "checked" in a:
                self.fields[a["name"]] = "on"
        elif tag == "select":
            self._select, self._first = a["name"], None
        elif tag == "option" and self._select:
            self._first = self._first if self._first is not None else a["value"]
            if "selected" in a:
                self.fields[self._select] = a["value"]
        elif tag == "textarea":
            self._textarea = a["name"]
            self.fields[a["name"]] = ""

    def handle_data(self, data: str) -> None:
        if self._textarea:
            self.fields[self._textarea] += data

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self.inside = False
        elif tag == "select" and self._select:
            self.fields.setdefault(self._select, self._first or "")
            self._select = None
        elif tag == "textarea":
            self._textarea = None


def form_of(html: str, action: str) -> dict[str, str]:
    parser = _Form(action)
    parser.feed(html)
    assert "csrf_token" in parser.fields, f"no form posting to {action}"
    return dict(parser.fields)


def without_boxes(fields: dict[str, str], *prefixes: str) -> dict[str, str]:
    return {k: v for k, v in fields.items() if not k.startswith(prefixes)}


def value_of(html: str, field_id: str) -> str:
    found = re.search(rf'id="{re.escape(field_id)}"[^>]*value="([^"]*)"', html)
    assert found is not None, f"{field_id} not in the page"
    return found.group(1)


def saved(browser: httpx2.Client, pid: str, part: str, fields: dict[str, str]) -> str:
    """Post the section's form; it answers 303 back to the page, which says it saved."""
    answer = browser.post(f"/programmes/{pid}/settings/{part}", data=fields)
    assert answer.status_code == 303, answer.text
    assert answer.headers["location"] == f"/programmes/{pid}/settings?saved={part}#{part}"
    page = browser.get(answer.headers["location"])
    assert page.status_code == 200, page.text
    assert "Saved." in section(page.text, part)
    return page.text


def test_each_setup_form_saves_and_shows_the_saved_value(
    platform: Platform, own_programme: OwnProgramme
) -> None:
    pid, token = own_programme.programme_id, own_programme.token
    urls = platform.urls
    matching, meetings = Api(urls["matching"]), Api(urls["meetings"])
    messaging, analytics = Api(urls["messaging"]), Api(urls["analytics"])
    with signed_in(urls["web"], own_programme.manager) as browser:
        home = browser.get("/")
        assert f"/programmes/{pid}/settings" in home.text
        assert f"/programmes/{pid}/dashboard" in home.text
        page = browser.get(f"/programmes/{pid}/settings").text
        assert "Countries, languages, dates and formats are set when" in page
        assert "DE, PT" in section(page, "programme")

        fields = form_of(page, f"/programmes/{pid}/settings/programme")
        page = saved(browser, pid, "programme", fields | {"name": "Set-up, renamed"})
        assert value_of(page, "programme-name") == "Set-up, renamed"

        fields = without_boxes(form_of(page, f"/programmes/{pid}/settings/policy"), "hard_")
        weights = {"skills_goals": "0.4", "sector": "0.1", "availability": "0.2"}
        weights |= {"language_culture": "0.2", "format_modality": "0.1"}
        fields |= {f"weight_{c}": w for c, w in weights.items()}
        fields |= {"hard_language": "on", "min_overlap_hours": "3", "mentee_choice": "on"}
        page = saved(browser, pid, "policy", fields)
        assert value_of(page, "policy-weight_skills_goals") == "0.4"
        assert value_of(page, "policy-min_overlap_hours") == "3"
        assert 'id="policy-hard_language" name="hard_language" type="checkbox" checked' in page

        fields = form_of(page, f"/programmes/{pid}/settings/plan")
        fields |= {"activity-0-name": "Opening session", "activity-0-duration_minutes": "75"}
        fields |= {"min_notice_hours": "12", "reminders": "120, 30"}
        page = saved(browser, pid, "plan", fields)
        assert value_of(page, "plan-activity-0-name") == "Opening session"
        assert value_of(page, "plan-reminders") == "120, 30"

        fields = without_boxes(form_of(page, f"/programmes/{pid}/settings/agreement"), "channel_")
        fields |= {"channel_messages": "on", "channel_email": "on", "response_time_hours": "24"}
        fields |= {"rules": "Answer within a day.\nMeet monthly."}
        page = saved(browser, pid, "agreement", fields)
        assert value_of(page, "agreement-response_time_hours") == "24"

        fields = form_of(page, f"/programmes/{pid}/settings/retention")
        page = saved(browser, pid, "retention", fields | {"retention_days": "90"})
        assert value_of(page, "retention-retention_days") == "90"

        fields = form_of(page, f"/programmes/{pid}/settings/mail")
        wording = {"subject": "News from $programme", "text": "Hello $name: $sender wrote. $link"}
        fields |= {"template": "message-new", "mail_language": "de"} | wording
        page = saved(browser, pid, "mail", fields)
        assert "News from $programme" in section(page, "mail")

        fields = form_of(page, f"/programmes/{pid}/settings/thresholds")
        fields |= {"no_contact_days": "3.5", "no_shows": ""}
        page = saved(browser, pid, "thresholds", fields)
        assert value_of(page, "thresholds-no_contact_days") == "3.5"
        assert value_of(page, "thresholds-no_shows") == ""

    programme = matching.call("GET", f"/v1/programmes/{pid}", token)
    assert programme["name"] == "Set-up, renamed"
    policy = programme["policy"]
    assert policy["weights"] == {c: float(w) for c, w in weights.items()}
    assert (policy["hard_constraints"], policy["min_overlap_hours"]) == (["language"], 3.0)
    assert policy["mentee_choice"] is True
    assert programme["mail_overrides"] == {"message-new": {"de": wording}}
    plan = meetings.call("GET", f"/v1/programmes/{pid}/plan", token)
    assert (plan["activities"][0]["name"], plan["activities"][0]["duration_minutes"]) == (
        "Opening session",
        75,
    )
    assert plan["policy"]["min_notice_hours"] == 12
    assert plan["policy"]["reminder_offsets_minutes"] == [120, 30]
    template = messaging.call("GET", f"/v1/programmes/{pid}/agreement-template", token)
    assert template["channels"] == ["messages", "email"]
    assert template["rules"] == ["Answer within a day.", "Meet monthly."]
    assert messaging.call("GET", f"/v1/programmes/{pid}/settings", token)["retention_days"] == 90
    thresholds = analytics.call("GET", f"/v1/programmes/{pid}/risk-thresholds", token)
    assert (thresholds["no_contact_days"], thresholds["no_shows"]) == (3.5, None)
    assert thresholds["default"] is False


def test_a_refused_input_is_kept_and_explained_next_to_its_field(
    platform: Platform, own_programme: OwnProgramme
) -> None:
    pid, token = own_programme.programme_id, own_programme.token
    matching, analytics = Api(platform.urls["matching"]), Api(platform.urls["analytics"])
    before = matching.call("GET", f"/v1/programmes/{pid}", token)["policy"]
    thresholds_before = analytics.call("GET", f"/v1/programmes/{pid}/risk-thresholds", token)
    with signed_in(platform.urls["web"], own_programme.manager) as browser:
        page = browser.get(f"/programmes/{pid}/settings").text
        fields = form_of(page, f"/programmes/{pid}/settings/policy")
        refused = browser.post(
            f"/programmes/{pid}/settings/policy", data=fields | {"weight_sector": "-1"}
        )
        assert refused.status_code == 422, refused.text
        policy = section(refused.text, "policy")
        assert "This was not saved" in policy
        assert "weights must be >= 0 and at least one positive" in policy
        assert value_of(refused.text, "policy-weight_sector") == "-1"  # what she typed

        fields = form_of(page, f"/programmes/{pid}/settings/thresholds")
        refused = browser.post(
            f"/programmes/{pid}/settings/thresholds", data=fields | {"no_contact_days": "-2"}
        )
        assert refused.status_code == 422, refused.text
        assert value_of(refused.text, "thresholds-no_contact_days") == "-2"
        assert 'aria-describedby="thresholds-no_contact_days-error"' in refused.text
        error = re.search(r'id="thresholds-no_contact_days-error">([^<]+)<', refused.text)
        assert error is not None
        assert "greater than or equal to 0.04" in error.group(1)
        assert "Saved." not in refused.text

        fields = form_of(page, f"/programmes/{pid}/settings/agreement")
        refused = browser.post(
            f"/programmes/{pid}/settings/agreement", data=fields | {"response_time_hours": "soon"}
        )
        assert refused.status_code == 422, refused.text
        assert value_of(refused.text, "agreement-response_time_hours") == "soon"
        assert "Please give a whole number." in section(refused.text, "agreement")
        german = browser.post(
            f"/programmes/{pid}/settings/agreement",
            data=fields | {"response_time_hours": "bald"},
            headers={"Accept-Language": "de"},
        )
        assert german.status_code == 422
        assert "Bitte geben Sie eine ganze Zahl an." in german.text
    assert matching.call("GET", f"/v1/programmes/{pid}", token)["policy"] == before
    after = analytics.call("GET", f"/v1/programmes/{pid}/risk-thresholds", token)
    assert after == thresholds_before


def test_a_mentee_and_another_programmes_manager_are_refused(
    platform: Platform, own_programme: OwnProgramme
) -> None:
    shared, own = platform.programme_id, own_programme.programme_id
    pages = ("settings", "dashboard", "dashboard/export.csv")
    with signed_in(platform.urls["web"], platform.mentee) as browser:
        for pid in (shared, own):  # her own programme (a member) and another one
            for path in pages:
                page = browser.get(f"/programmes/{pid}/{path}")
                assert page.status_code == 403, (pid, path, page.text)
                assert "This programme is not yours to manage" in page.text
        form = form_of(browser.get("/").text, "/sign-out")
        posted = browser.post(
            f"/programmes/{shared}/settings/thresholds",
            data={"csrf_token": form["csrf_token"], "no_contact_days": "1"},
        )
        assert posted.status_code == 403, posted.text
    with signed_in(platform.urls["web"], own_programme.manager) as browser:
        for path in pages:
            page = browser.get(f"/programmes/{shared}/{path}")
            assert page.status_code == 403, (path, page.text)
            assert "This programme is not yours to manage" in page.text
            assert "Welcome, Amara!" not in page.text


def numbers_in(html: str) -> list[str]:
    return re.findall(r"<td>([^<]*)</td>", html)


def test_the_dashboard_carries_analytics_figures_and_the_csv_is_analytics_export(
    platform: Platform,
) -> None:
    pid = platform.programme_id
    manager = platform.tokens.manager(pid)
    analytics = Api(platform.urls["analytics"])

    def figures() -> dict[str, Any]:
        return {
            "dashboard": analytics.call("GET", f"/v1/programmes/{pid}/dashboard", manager),
            "survival": analytics.call("GET", f"/v1/programmes/{pid}/survival", manager),
            "breakdowns": analytics.call("GET", f"/v1/programmes/{pid}/breakdowns", manager),
        }

    with signed_in(platform.urls["web"], "demo-manager") as browser:

        def steady() -> tuple[dict[str, Any], str] | None:
            # The consumers may still be counting: the page is compared with figures that
            # stayed the same while it was drawn.
            first = figures()
            page = browser.get(f"/programmes/{pid}/dashboard")
            assert page.status_code == 200, page.text
            found = figures()
            same = all(
                {k: v for k, v in first[n].items() if k != "computed_at"}
                == {k: v for k, v in found[n].items() if k != "computed_at"}
                for n in first
            )
            return (found, page.text) if same else None

        found, page = wait_for("steady figures", steady)
        dashboard = found["dashboard"]
        main = section(page, "main-figures")
        assert f"Active relationships {dashboard['active']} " in main
        assert f"Ended early {dashboard['ended_early']} " in main
        isolated = len(dashboard["isolated_participants"])
        assert f"Isolated participants {isolated} (no contact for" in main
        assert "Check-in response rate" in main
        assert "Download CSV" in page

        activity = re.search(r'<section aria-labelledby="activity">(.*?)</section>', page, re.S)
        assert activity is not None
        weeks = dashboard["messages_per_week"]
        assert weeks, "the mentor's message is counted in a week"
        assert '<title id="weeks-chart-title">Messages per week</title>' in activity.group(1)
        assert activity.group(1).count('class="series-0"') == len(weeks) + 1  # and its legend
        assert numbers_in(activity.group(1)) == [str(w["messages"]) for w in weeks]

        meetings = re.search(r'<section aria-labelledby="meetings">(.*?)</section>', page, re.S)
        assert meetings is not None
        assert numbers_in(meetings.group(1)) == [
            str(n)
            for m in dashboard["meetings_by_mode"]
            for n in (m["planned"], m["held"], m["missed"])
        ]
        assert 'aria-labelledby="modes-chart-title modes-chart-desc"' in meetings.group(1)

        survival = re.search(r'<section aria-labelledby="survival">(.*?)</section>', page, re.S)
        assert survival is not None
        weeks_active = found["survival"]["weeks"]
        assert weeks_active
        assert "Kaplan–Meier" in survival.group(1)
        shares = [c for i, c in enumerate(numbers_in(survival.group(1))) if i % 4 == 3]
        assert shares == [f"{round(w['share_active'] * 100, 1):g}%" for w in weeks_active]

        countries = section(page, "countries")
        for group in found["breakdowns"]["groups"]:
            if group["dimension"] == "country":
                assert f"{group['value']} {group['relationships']} {group['active']}" in countries

        def same_bytes() -> bytes | None:
            before = httpx2.get(
                f"{platform.urls['analytics']}/v1/programmes/{pid}/export.csv",
                headers={"Authorization": f"Bearer {manager}"},
                timeout=30,
            )
            through = browser.get(f"/programmes/{pid}/dashboard/export.csv")
            assert through.status_code == 200, through.text
            assert through.headers["content-type"].startswith("text/csv")
            assert "attachment" in through.headers["content-disposition"]
            return through.content if through.content == before.content else None

        exported = wait_for("the same export twice", same_bytes)
        assert exported.startswith("\ufeff".encode())  # analytics' BOM, passed through untouched
        risk = browser.get(f"/programmes/{pid}/risk").text
        assert f"/programmes/{pid}/dashboard" in risk
        assert f"/programmes/{pid}/settings" in risk
