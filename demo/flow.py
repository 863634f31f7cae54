"""The demo programme, driven through the public APIs as its people would."""

from __future__ import annotations

import datetime as dt
import time
from collections import Counter
from typing import Any

from demo.client import Api, Tokens
from demo.population import COUNTRIES, Person, population

MANAGER_EMAIL = "manager@example.org"  # where messaging mails the programme's flags


def create_programme(matching: Api, tokens: Tokens) -> str:
    admin = tokens.admin()
    organisation = matching.call(
        "POST", "/v1/organisations", admin, json={"name": "European Employment Alliance"}
    )
    today = dt.date.today()
    programme = matching.call(
        "POST",
        "/v1/programmes",
        admin,
        json={
            "organisation_id": organisation["id"],
            "name": "Back to Work 2027",
            "countries": list(COUNTRIES),
            "languages": ["de", "fr", "es", "pt", "en"],
            "starts_on": today.isoformat(),
            "ends_on": (today + dt.timedelta(days=180)).isoformat(),
            "formats": "both",
            "group_size": {"min": 3, "max": 4},
            "time_zone": "Europe/Brussels",
            "managers": [
                {
                    "subject": "demo-manager",
                    "display_name": "Maria Manager",
                    "email": MANAGER_EMAIL,
                    "preferred_language": "en",
                    "time_zone": "Europe/Brussels",
                }
            ],
        },
    )
    return str(programme["id"])


def import_people(matching: Api, manager: str, programme_id: str, people: list[Person]) -> None:
    report = matching.call(
        "POST",
        f"/v1/programmes/{programme_id}/imports",
        manager,
        params={"mode": "all_or_nothing"},
        json={"rows": [p.row for p in people]},
    )
    print(
        f"  imported {report['imported']} participants "
        f"({Counter(p.role for p in people)['mentor']} mentors), rejected {report['rejected']}"
    )


def run_matching(matching: Api, manager: str, programme_id: str) -> dict[str, Any]:
    base = f"/v1/programmes/{programme_id}/match-runs"
    run = matching.call("POST", base, manager, json={})
    compiling = False
    while run["status"] in ("queued", "running"):
        time.sleep(0.5)
        run = matching.call("GET", f"{base}/{run['id']}", manager)
        if run["phase"] == "compiling" and not compiling:  # a machine without compile-engine
            compiling = True
            print("  the matching engine is compiling on this machine (once; about a minute)")
    if run["status"] != "draft":
        raise RuntimeError(f"match run ended {run['status']}: {run.get('error')}")
    summary = run["summary"]
    gap = summary["certified_gap"]
    print(f"  waiting mentees {summary['mentees_waiting']}, mentors {summary['mentors_available']}")
    print(
        f"  matched {summary['matched']}, unmatched {len(summary['unmatched'])}, "
        f"average score {summary['average_score']:.3f}, certified gap "
        f"{'n/a' if gap is None else f'{gap:.6%}'} ({summary['solver']})"
    )
    reasons = Counter(u["code"] for u in summary["unmatched"])
    for code, count in reasons.most_common():
        example = next(u for u in summary["unmatched"] if u["code"] == code)["reasons"][0]
        print(f"    unmatched because {code}: {count}  e.g. “{example}”")
    matching.call("POST", f"{base}/{run['id']}/approvals", manager, json={"all": True})
    published = matching.call("POST", f"{base}/{run['id']}/publish", manager)
    print(f"  published: {published['relationships_proposed']} relationships proposed")
    return dict(run)


def accept_all(
    matching: Api,
    tokens: Tokens,
    manager: str,
    programme_id: str,
    subjects: dict[str, tuple[str, str]],
) -> list[dict[str, Any]]:
    base = f"/v1/programmes/{programme_id}/relationships"
    proposed = list(matching.pages(base, manager, status="proposed"))
    for relationship in proposed:
        for member in relationship["members"]:
            subject, role = subjects[member["participant_id"]]
            token = tokens.participant(subject, role, programme_id)
            matching.call("POST", f"{base}/{relationship['id']}/accept", token)
    active = list(matching.pages(base, manager, status="active"))
    formats = Counter(r["format"] for r in active)
    print(
        f"  every member accepted: {len(active)} active relationships "
        f"({formats['pair']} pairs, {formats['group']} groups)"
    )
    return active


def converse(
    messaging: Api,
    tokens: Tokens,
    programme_id: str,
    active: list[dict[str, Any]],
    subjects: dict[str, tuple[str, str]],
    pairs: int = 5,
) -> int:
    """Members of a few relationships find their conversation open and write to each other."""
    posted = 0
    for relationship in active[:pairs]:
        people = [(subjects[m["participant_id"]], m["role"]) for m in relationship["members"]]
        mentee = next(s for (s, _), role in people if role == "mentee")
        mentor = next(s for (s, _), role in people if role == "mentor")
        mentee_token = tokens.participant(mentee, "mentee", programme_id)
        mentor_token = tokens.participant(mentor, "mentor", programme_id)
        conversation = _wait_for_conversation(messaging, mentee_token, relationship["id"])
        path = f"/v1/conversations/{conversation['id']}/messages"
        first = messaging.call(
            "POST",
            path,
            mentee_token,
            json={"body": "Hello! I'd love help with my CV and interview practice."},
        )
        messaging.call(
            "POST",
            path,
            mentor_token,
            json={
                "body": "Happy to help. Shall we meet online on Tuesday evening?",
                "in_reply_to": first["id"],
            },
        )
        posted += 2
    return posted


def _wait_for_conversation(messaging: Api, token: str, relationship_id: str) -> dict[str, Any]:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        for conversation in messaging.pages("/v1/conversations", token):
            if conversation["relationship_id"] == relationship_id:
                return dict(conversation)
        time.sleep(0.3)
    raise RuntimeError(f"no conversation for relationship {relationship_id} after 60 s")


def participant_subjects(
    matching: Api, manager: str, programme_id: str
) -> dict[str, tuple[str, str]]:
    return {
        p["id"]: (p["subject"], p["role"])
        for p in matching.pages(f"/v1/programmes/{programme_id}/participants", manager)
    }


__all__ = [
    "MANAGER_EMAIL",
    "accept_all",
    "converse",
    "create_programme",
    "import_people",
    "participant_subjects",
    "population",
    "run_matching",
]
