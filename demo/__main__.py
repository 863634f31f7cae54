"""`make demo`: bring the platform up and run a demo programme through it.

    uv run python -m demo [--mentees 240] [--mentors 70] [--exit]

Starts the real local Kafka broker, both services (`tandem-<name> serve`, SQLite files
under .data/demo/) and a mail catcher; creates a four-country programme, imports
its participants, runs whole-pool matching, publishes and accepts the proposals,
and shows conversations opening in messaging and messages and mails flowing. In a
terminal it then keeps the platform up until Ctrl-C; `--exit` stops after the flow.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import time

from demo.client import Api, Tokens
from demo.flow import (
    accept_all,
    converse,
    create_programme,
    import_people,
    participant_subjects,
    population,
    run_matching,
)
from demo.processes import KAFKA_BOOTSTRAP, ROOT, MailCatcher, running_services, start_kafka

SMTP_PORT = 2525


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m demo")
    parser.add_argument("--mentees", type=int, default=240)
    parser.add_argument("--mentors", type=int, default=70)
    parser.add_argument("--exit", action="store_true", help="stop after the demo flow")
    args = parser.parse_args()

    data = ROOT / ".data" / "demo"
    shutil.rmtree(data, ignore_errors=True)  # a fresh programme each time
    data.mkdir(parents=True)
    print(f"1. Kafka (single KRaft node from Maven Central) on {KAFKA_BOOTSTRAP}")
    start_kafka()
    mails = MailCatcher(SMTP_PORT)
    mails.start()
    try:
        with running_services(data, SMTP_PORT) as urls:
            print(f"2. services up: {', '.join(f'{n} {u}' for n, u in urls.items())}")
            matching, messaging = Api(urls["matching"]), Api(urls["messaging"])
            tokens = Tokens(data / "keys" / "jwt-signing-key.pem")
            programme_id = create_programme(matching, tokens)
            manager = tokens.manager(programme_id)
            print(f"3. programme {programme_id}: DE FR ES PT, 5 languages, pairs and groups")
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
            print(
                f"\nOpenAPI: {urls['matching']}/docs and {urls['messaging']}/docs; "
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
