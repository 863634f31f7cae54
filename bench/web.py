"""``bench/web.py``: the web app's main pages with all four services behind them.

The platform runs as ``make demo`` runs it (each service its own process on the local
Kafka broker, ``tandem-web serve`` beside them, a local SMTP catcher), with the demo's
programme set up through the public APIs (by default 240 mentees and 70 mentors, matched,
accepted, five conversations, the kick-off meetings), and one conversation given
``--messages`` messages more so that the conversation page has a real thread to render.
A mentee and the programme's manager then sign in through the web app's local sign-in
page, and each page is fetched ``--requests`` times in turn after a warm-up.

Figures:

- **Server-side time** of the mentee's home ("what next": matching, messaging and
  meetings behind it), her conversation page (messaging, and matching for the names) and
  the manager's dashboard (analytics and matching): p50 and p95 of the time from sending
  the request to the last byte, on loopback, so the network adds next to nothing.
  Target: p95 at most 300 ms.
- **JavaScript shipped per page**: every ``<script src>`` the page loads, fetched and
  gzip-compressed (level 9, as a server would send it). Target: at most 50 KB.

Run: ``uv run python bench/web.py [--requests 200] [--messages 200] [--mentees 240]
[--mentors 70]`` (starts the local Kafka if it is not running). Time on a shared machine
varies run to run; the figures are printed, never asserted.
"""

from __future__ import annotations

import argparse
import gzip
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

import httpx2

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

SCRIPT = re.compile(r'<script[^>]+src="([^"]+)"')
CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


def signed_in(web: str, subject: str) -> httpx2.Client:
    """A browser session of ``subject`` through the local sign-in page."""
    browser = httpx2.Client(base_url=web, timeout=60)
    page = browser.get("/sign-in")
    token = CSRF.search(page.text)
    assert token is not None, page.text
    assert subject in page.text, f"{subject} is not offered"
    answer = browser.post("/sign-in/local", data={"csrf_token": token.group(1), "subject": subject})
    assert answer.status_code == 303, answer.text
    return browser


def timings(browser: httpx2.Client, path: str, requests: int) -> list[float]:
    """Milliseconds per request after ten unmeasured ones; every answer must be a 200."""
    for _ in range(10):
        assert browser.get(path).status_code == 200, path
    measured: list[float] = []
    for _ in range(requests):
        started = time.perf_counter()
        answer = browser.get(path)
        measured.append((time.perf_counter() - started) * 1000)
        assert answer.status_code == 200, (path, answer.status_code)
    return measured


def script_bytes(browser: httpx2.Client, path: str) -> tuple[int, int, int]:
    """(scripts, raw bytes, gzip bytes) of the JavaScript the page at ``path`` loads."""
    html = browser.get(path).text
    sources = SCRIPT.findall(html)
    raw = b"".join(browser.get(source).content for source in sources)
    return len(sources), len(raw), len(gzip.compress(raw, 9)) if raw else 0


def dashboard_path(manager: httpx2.Client, programme_id: str) -> str:
    """The programme dashboard's page; the risk page (which shows the dashboard's
    figures) where the web app has no dashboard page of its own."""
    path = f"/programmes/{programme_id}/dashboard"
    return path if manager.get(path).status_code == 200 else f"/programmes/{programme_id}/risk"


def main() -> int:
    parser = argparse.ArgumentParser(prog="bench/web.py")
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--messages", type=int, default=200)
    parser.add_argument("--mentees", type=int, default=240)
    parser.add_argument("--mentors", type=int, default=70)
    args = parser.parse_args()

    from demo.client import Api, Tokens
    from demo.flow import (
        accept_all,
        converse,
        create_programme,
        import_people,
        participant_subjects,
        run_matching,
    )
    from demo.meetings import schedule_kick_offs
    from demo.population import population
    from demo.processes import MailCatcher, Ports, running_services
    from tests.support.infra import ensure_kafka
    from tests.support.smtp import free_port

    ensure_kafka()
    data = Path(tempfile.mkdtemp(prefix="bench-web-"))
    names = ("matching", "messaging", "meetings", "analytics", "smtp", "web")
    ports = Ports(**{name: free_port() for name in names})
    mails = MailCatcher(ports.smtp, data / "mails")
    mails.start()
    try:
        with running_services(data, ports) as urls:
            matching, messaging = Api(urls["matching"]), Api(urls["messaging"])
            tokens = Tokens(data / "keys" / "jwt-signing-key.pem")
            programme_id = create_programme(matching, tokens)
            manager_token = tokens.manager(programme_id)
            import_people(
                matching, manager_token, programme_id, population(args.mentees, args.mentors)
            )
            run_matching(matching, manager_token, programme_id)
            subjects = participant_subjects(matching, manager_token, programme_id)
            active = accept_all(matching, tokens, manager_token, programme_id, subjects)
            converse(messaging, tokens, programme_id, active, subjects)
            schedule_kick_offs(Api(urls["meetings"]), tokens, programme_id, active, subjects)
            first = active[0]
            mentee = next(
                subjects[m["participant_id"]][0] for m in first["members"] if m["role"] == "mentee"
            )
            mentee_token = tokens.participant(mentee, "mentee", programme_id)
            [conversation] = [
                c
                for c in messaging.pages("/v1/conversations", mentee_token)
                if c["relationship_id"] == first["id"]
            ]
            for i in range(args.messages):
                messaging.call(
                    "POST",
                    f"/v1/conversations/{conversation['id']}/messages",
                    mentee_token,
                    json={"body": f"Note {i}: my CV's next draft is attached to our plan."},
                )
            her, manager = signed_in(urls["web"], mentee), signed_in(urls["web"], "demo-manager")
            pages = [
                ("mentee's home", her, "/"),
                ("conversation", her, f"/conversations/{conversation['id']}"),
                ("dashboard", manager, dashboard_path(manager, programme_id)),
            ]
            print(
                f"web app with four services: {len(active)} active relationships, "
                f"a conversation of {args.messages + 2} messages, {args.requests} requests per page"
            )
            print(f"{'page':<16} {'path':<58} {'p50 ms':>8} {'p95 ms':>8} {'JS gzip':>9}")
            for label, browser, path in pages:
                measured = timings(browser, path, args.requests)
                p50 = statistics.median(measured)
                p95 = statistics.quantiles(measured, n=20)[-1]
                scripts, raw, packed = script_bytes(browser, path)
                print(
                    f"{label:<16} {path:<58} {p50:>8.1f} {p95:>8.1f} "
                    f"{packed / 1024:>7.1f} KB ({scripts} script(s), {raw} B raw)"
                )
            print("targets: p95 at most 300 ms; at most 50 KB of JavaScript per page")
            her.close()
            manager.close()
    finally:
        mails.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
