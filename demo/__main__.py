"""`make demo`: bring the platform up and run a demo programme through it.

    uv run python -m demo [--mentees 240] [--mentors 70] [--exit]

Starts the real local Kafka broker, both services (`tandem-<name> serve`, SQLite files
under .data/demo/) and a mail catcher; creates a four-country programme, imports
its participants, runs whole-pool matching, publishes and accepts the proposals,
and shows conversations opening in messaging and messages and mails flowing, kick-offs
scheduled, then analytics' dashboard, the relationships flagged at risk (on the demo's
time scale, `processes.RISK_DAY_SECONDS`) with their reasons, and a CSV export. In a
terminal it then keeps the platform up until Ctrl-C; `--exit` stops after the flow.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import time
from collections import Counter
from pathlib import Path

from demo.analytics import (
    dashboard_lines,
    export_csv,
    risk_lines,
    set_risk_thresholds,
    wait_for_at_risk_mail,
    wait_for_dashboard,
    wait_for_risk_flags,
)
from demo.client import Api, Tokens
from demo.flow import (
    MANAGER_EMAIL,
    accept_all,
    converse,
    create_programme,
    import_people,
    participant_subjects,
    population,
    run_matching,
)
from demo.meetings import (
    calendar_methods,
    member_of,
    personal_feed,
    schedule_kick_offs,
    wait_for_invitations,
)
from demo.processes import (
    KAFKA_BOOTSTRAP,
    ROOT,
    MailCatcher,
    Ports,
    running_services,
    start_kafka,
)
from demo.web import users_to_try, web_sign_in_users


def _port(name: str, default: int) -> int:
    return int(os.environ.get(f"TANDEM_DEMO_{name.upper()}_PORT", default))


def arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m demo")
    parser.add_argument("--mentees", type=int, default=240)
    parser.add_argument("--mentors", type=int, default=70)
    parser.add_argument("--exit", action="store_true", help="stop after the demo flow")
    parser.add_argument(
        "--data", type=Path, default=ROOT / ".data" / "demo", help="emptied, then filled"
    )
    defaults = Ports()
    for name in ("matching", "messaging", "meetings", "analytics", "smtp", "web"):
        parser.add_argument(f"--{name}-port", type=int, default=_port(name, defaults.of(name)))
    return parser.parse_args()


def main() -> int:
    args = arguments()
    ports = Ports(
        args.matching_port,
        args.messaging_port,
        args.meetings_port,
        args.analytics_port,
        args.smtp_port,
        args.web_port,
    )
    data: Path = args.data.resolve()
    shutil.rmtree(data, ignore_errors=True)  # a fresh programme each time
    data.mkdir(parents=True)
    print(f"1. Kafka (single KRaft node from Maven Central) on {KAFKA_BOOTSTRAP}")
    start_kafka()
    mails = MailCatcher(ports.smtp, data / "mails")
    mails.start()
    try:
        with running_services(data, ports) as urls:
            print(f"2. services up: {', '.join(f'{n} {u}' for n, u in urls.items())}")
            matching, messaging = Api(urls["matching"]), Api(urls["messaging"])
            meetings = Api(urls["meetings"])
            tokens = Tokens(data / "keys" / "jwt-signing-key.pem")
            programme_id = create_programme(matching, tokens)
            manager = tokens.manager(programme_id)
            print(f"3. programme {programme_id}: DE FR ES PT, 5 languages, pairs and groups")
            analytics = Api(urls["analytics"])
            day = set_risk_thresholds(analytics, manager, programme_id)
            print(
                "  drop-out risk: the manager flags a relationship after 2 days without "
                f"two-way contact (on the demo's time scale a day lasts {day:g} s)"
            )
            import_people(matching, manager, programme_id, population(args.mentees, args.mentors))
            print("4. whole-pool matching")
            run_matching(matching, manager, programme_id)
            print("5. participants accept their proposals")
            subjects = participant_subjects(matching, manager, programme_id)
            active = accept_all(matching, tokens, manager, programme_id, subjects)
            print("6. messaging: conversations open from relationship.started")
            posted = converse(messaging, tokens, programme_id, active, subjects)
            opened = sum(
                1
                for _ in messaging.pages(
                    f"/v1/programmes/{programme_id}/conversation-statistics", manager
                )
            )
            print(
                f"  {opened} conversations open; {posted} messages posted; the manager sees "
                "statistics only (content is encrypted at rest)"
            )
            time.sleep(3)  # the mail relay polls once a second
            print(
                f"  {len(mails.messages)} e-mails delivered to the local SMTP catcher, e.g. "
                f"“{mails.messages[0]['Subject'] if mails.messages else '-'}”"
            )
            print("7. meetings: each mentor schedules the kick-off from the plan's proposals")
            done = schedule_kick_offs(meetings, tokens, programme_id, active, subjects)
            cities = ", ".join(f"{c} {n}" for c, n in done.cities.most_common())
            print(
                f"  {sum(done.by_mode.values())} kick-offs scheduled: "
                f"{done.by_mode['face_to_face']} face to face ({cities or 'no shared city'}), "
                f"{done.by_mode['online']} online; {done.no_time} found no common time"
            )
            if done.example_link:
                print(f"  online ones get a video link, e.g. {done.example_link}")
            invitations = wait_for_invitations(mails.messages, done.attendees)
            methods = Counter(
                method for mail in invitations for method, _ in calendar_methods(mail)
            )
            agree = all(a == b for m in invitations for a, b in calendar_methods(m))
            print(
                f"  {len(invitations)} invitations in the SMTP catcher with .ics parts "
                f"({', '.join(f'METHOD:{m} {n}' for m, n in methods.items()) or 'none'}; "
                f"METHOD {'matches' if agree else 'DOES NOT match'} each part's content "
                f"type); mails in {data / 'mails'}"
            )
            if done.mentee is not None:
                mentee = tokens.participant(done.mentee, "mentee", programme_id)
                feed = personal_feed(meetings, mentee, data / "feed.ics")
                print(f"8. {done.mentee}'s personal calendar feed: {feed.url}")
                print(
                    f"  fetched once: {feed.status} ({feed.content_type}), "
                    f"{feed.events} meeting(s); saved as {data / 'feed.ics'}"
                )
            print("9. analytics: the manager's programme dashboard, from the events alone")
            dashboard = wait_for_dashboard(analytics, manager, programme_id, len(active))
            for line in dashboard_lines(dashboard):
                print(line)
            flags = wait_for_risk_flags(analytics, manager, programme_id)
            members = {
                r["id"]: " & ".join(
                    f"{subjects[m['participant_id']][0]} ({m['role']})" for m in r["members"]
                )
                for r in active
            }
            print(f"  at risk: {len(flags)} of {len(active)} relationships, with the reasons:")
            for line in risk_lines(flags, members):
                print(line)
            export = export_csv(urls["analytics"], manager, programme_id, data / "programme.csv")
            print(f"  CSV export ({export.rows} relationships): {export.path}")
            alert = wait_for_at_risk_mail(mails.messages, MANAGER_EMAIL) if flags else None
            print(
                f"  the manager's at-risk mail arrived: “{alert['Subject']}” (to {alert['To']})"
                if alert is not None
                else "  the manager's at-risk mail has not arrived (yet)"
            )
            web_users = web_sign_in_users(urls["web"])
            print(
                f"10. the web app at {urls['web']}: its sign-in page offers {len(web_users)} "
                "demo users (managers, mentors and mentees of the programme); sign in at "
                f"{urls['web']}/sign-in as, for example:"
            )
            mentor = next(
                (
                    member_of(r, subjects, "mentor")
                    for r in active
                    if done.mentee in {subjects[m["participant_id"]][0] for m in r["members"]}
                ),
                None,
            )
            for user in users_to_try(web_users, done.mentee, mentor):
                print(f"  {user.name} ({user.label})")
            services_urls = [u for n, u in urls.items() if n != "web"]
            print(
                f"\nOpenAPI: {', '.join(f'{u}/docs' for u in services_urls)}; "
                f"metrics at /metrics; logs and databases in {data}"
            )
            if not args.exit and sys.stdin.isatty():
                print("The platform is up. Ctrl-C stops it.")
                try:
                    while True:
                        time.sleep(3600)
                except KeyboardInterrupt:
                    pass
    finally:
        mails.stop()
    print("demo finished")
    return 0


if __name__ == "__main__":
    sys.exit(main())
