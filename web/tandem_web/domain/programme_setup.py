"""A programme's set-up as forms: each section's service data flattened into the form's
fields (text, as the page shows them), the submitted form parsed back into the
service's body, and the service's complaints (422, by ``loc``) put next to the field
they are about. Pure: no I/O; the shapes are the services' JSON.

One form per section, each saved on its own: a manager changing the thresholds must
not resend the plan. A section's values are plain strings keyed by field name, so the
page renders the saved state and a refused input the same way (what was typed stays)."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from tandem_contracts.mails import MAIL_TEMPLATES

Json = dict[str, Any]
Values = dict[str, str]
Errors = dict[str, str]
GENERAL = "_"  # a complaint about the whole form, shown above its fields
GROUPS = ("weights", "channels", "hard_constraints")  # fieldsets a complaint may be about

CRITERIA = ("skills_goals", "sector", "availability", "language_culture", "format_modality")
SWITCHABLE = ("language", "availability", "face_to_face")
REACHES = ("same_city", "same_country")
COUNTRY_POLICIES = ("any", "same_country", "cross_country")
MODES = ("online", "face_to_face", "either")
ANCHORS = ("start", "midpoint", "end", "start_to_end")
CHANNELS = ("messages", "forum", "email", "virtual_meeting", "face_to_face")
# Analytics' thresholds: (field, kind); "off" ones may be left empty (no flag of that kind).
THRESHOLDS = (
    ("no_contact_days", "days_off"),
    ("unanswered_factor", "factor_off"),
    ("default_response_days", "days"),
    ("missed_windows", "count_off"),
    ("window_grace_days", "days"),
    ("no_shows", "count_off"),
    ("agreement_days", "days_off"),
    ("isolation_days", "days_off"),
)
ACTIVITY_FIELDS = (
    "key",
    "name",
    "mode",
    "duration_minutes",
    "anchor",
    "from_day",
    "to_day",
    "every_days",
)


class Part(StrEnum):
    PROGRAMME = "programme"
    POLICY = "policy"
    PLAN = "plan"
    AGREEMENT = "agreement"
    RETENTION = "retention"
    MAIL = "mail"
    THRESHOLDS = "thresholds"


class BadInput(Exception):
    """The form cannot become a body: the page shows these next to their fields."""

    def __init__(self, errors: Errors) -> None:
        super().__init__(errors)
        self.errors = errors


def text(value: object) -> str:
    """A figure as a number field holds it: ``2`` rather than ``2.0``; None is empty."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "on" if value else ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


# -- service data -> form values ------------------------------------------------------


def programme_values(programme: Json) -> Values:
    return {"name": programme["name"], "time_zone": programme["time_zone"]}


def policy_values(programme: Json) -> Values:
    policy = programme["policy"]
    weights = policy.get("weights", {})
    total = sum(weights.values()) or 1.0
    found: Values = {f"weight_{c}": text(round(weights.get(c, 0.0) / total, 4)) for c in CRITERIA}
    found |= {f"hard_{c}": text(c in policy.get("hard_constraints", [])) for c in SWITCHABLE}
    for name in ("min_overlap_hours", "saturation_hours", "face_to_face_reach", "country_policy"):
        found[name] = text(policy.get(name))
    found["mentee_choice"] = text(bool(policy.get("mentee_choice")))
    return found


def plan_values(plan: Json) -> Values:
    found: Values = {}
    for i, activity in enumerate(plan["activities"]):
        window = activity["window"]
        row = {**activity, **window}
        found |= {f"activity-{i}-{name}": text(row.get(name)) for name in ACTIVITY_FIELDS}
    policy = plan["policy"]
    found |= {
        "meeting_start": policy["meeting_hours"]["start"],
        "meeting_end": policy["meeting_hours"]["end"],
        "min_notice_hours": text(policy["min_notice_hours"]),
        "buffer_minutes": text(policy["buffer_minutes"]),
        "reminders": ", ".join(text(m) for m in policy["reminder_offsets_minutes"]),
        "min_mentees": text(policy["group_quorum"].get("min_mentees")),
    }
    return found


def activity_rows(values: Mapping[str, str]) -> list[int]:
    """The activity rows a form has (their indices), and one empty row to add another."""
    rows = sorted({int(k.split("-")[1]) for k in values if k.startswith("activity-")})
    return [*rows, (rows[-1] + 1) if rows else 0]


def agreement_values(template: Json) -> Values:
    found: Values = {f"channel_{c}": text(c in template["channels"]) for c in CHANNELS}
    found |= {
        "response_time_hours": text(template["response_time_hours"]),
        "meeting_cadence_days": text(template["meeting_cadence_days"]),
        "confidentiality_statement": template["confidentiality_statement"],
        "rules": "\n".join(template.get("rules", [])),
    }
    return found


def retention_values(settings: Json) -> Values:
    return {"retention_days": text(settings["retention_days"])}


def threshold_values(thresholds: Json) -> Values:
    found = {name: text(thresholds.get(name)) for name, _ in THRESHOLDS}
    return found | {"nudge_members": text(bool(thresholds.get("nudge_members")))}


def mail_choices() -> list[tuple[str, str, str]]:
    """Every mail a programme may reword: (template id, its placeholders, what it is)."""
    return [
        (t.id, ", ".join(f"${p}" for p in sorted(t.placeholders)), t.description)
        for t in sorted(MAIL_TEMPLATES.values(), key=lambda t: t.id)
    ]


# -- form -> service body -------------------------------------------------------------


@dataclass
class _Reader:
    form: Mapping[str, str]
    errors: Errors = field(default_factory=dict)

    def raw(self, name: str) -> str:
        return self.form.get(name, "").strip()

    def number(self, name: str, *, whole: bool = False, optional: bool = False) -> Any:
        raw = self.raw(name)
        if not raw:
            if not optional:
                self.errors[name] = "Please give a number."
            return None
        try:
            return int(raw) if whole else float(raw.replace(",", "."))
        except ValueError:
            self.errors[name] = "Please give a whole number." if whole else "Please give a number."
            return None

    def one_of(self, name: str, allowed: Sequence[str]) -> str:
        # A value the select never offered would fail the generated client's enum.
        raw = self.raw(name)
        if raw not in allowed:
            self.errors[name] = "Please choose one of the options."
        return raw

    def checked(self, name: str) -> bool:
        return bool(self.form.get(name))

    def body(self, built: Json) -> Json:
        if self.errors:
            raise BadInput(self.errors)
        return built


def programme_body(form: Mapping[str, str]) -> Json:
    read = _Reader(form)
    return read.body({"name": read.raw("name"), "time_zone": read.raw("time_zone")})


def policy_body(form: Mapping[str, str]) -> Json:
    read = _Reader(form)
    weights = {c: read.number(f"weight_{c}") for c in CRITERIA}
    policy = {
        "hard_constraints": [c for c in SWITCHABLE if read.checked(f"hard_{c}")],
        "weights": weights,
        "min_overlap_hours": read.number("min_overlap_hours"),
        "saturation_hours": read.number("saturation_hours"),
        "face_to_face_reach": read.one_of("face_to_face_reach", REACHES),
        "country_policy": read.one_of("country_policy", COUNTRY_POLICIES),
        "mentee_choice": read.checked("mentee_choice"),
    }
    return read.body({"policy": policy})


def plan_body(form: Mapping[str, str]) -> tuple[Json, list[int]]:
    """The plan's body, and the form row each of its activities came from (a row left
    empty or marked for removal is no activity)."""
    read = _Reader(form)
    activities, rows = [], []
    for i in activity_rows(form):
        at = f"activity-{i}-"
        if read.checked(at + "remove") or not any(read.raw(at + n) for n in ("key", "name")):
            continue
        activities.append(
            {
                "key": read.raw(at + "key"),
                "name": read.raw(at + "name"),
                "mode": read.one_of(at + "mode", MODES),
                "duration_minutes": read.number(at + "duration_minutes", whole=True),
                "window": {
                    "anchor": read.one_of(at + "anchor", ANCHORS),
                    "from_day": read.number(at + "from_day", whole=True),
                    "to_day": read.number(at + "to_day", whole=True),
                },
                "every_days": read.number(at + "every_days", whole=True, optional=True),
            }
        )
        rows.append(i)
    reminders = []
    for part in read.raw("reminders").replace(";", ",").split(","):
        if part.strip():
            try:
                reminders.append(int(part))
            except ValueError:
                read.errors["reminders"] = "Please give minutes as whole numbers, e.g. 1440, 60."
    policy = {
        "meeting_hours": {"start": read.raw("meeting_start"), "end": read.raw("meeting_end")},
        "min_notice_hours": read.number("min_notice_hours", whole=True),
        "buffer_minutes": read.number("buffer_minutes", whole=True),
        "reminder_offsets_minutes": reminders,
        "group_quorum": {"min_mentees": read.number("min_mentees", whole=True, optional=True)},
    }
    return read.body({"activities": activities, "policy": policy}), rows


def agreement_body(form: Mapping[str, str]) -> Json:
    read = _Reader(form)
    rules = [line.strip() for line in read.raw("rules").splitlines() if line.strip()]
    return read.body(
        {
            "channels": [c for c in CHANNELS if read.checked(f"channel_{c}")],
            "response_time_hours": read.number("response_time_hours", whole=True),
            "meeting_cadence_days": read.number("meeting_cadence_days", whole=True),
            "confidentiality_statement": read.raw("confidentiality_statement"),
            "rules": rules,
        }
    )


def retention_body(form: Mapping[str, str]) -> Json:
    read = _Reader(form)
    return read.body({"retention_days": read.number("retention_days", whole=True)})


def threshold_body(form: Mapping[str, str]) -> Json:
    read = _Reader(form)
    body: Json = {
        name: read.number(name, whole=kind.startswith("count"), optional=kind.endswith("_off"))
        for name, kind in THRESHOLDS
    }
    return read.body(body | {"nudge_members": read.checked("nudge_members")})


def mail_body(form: Mapping[str, str], current: Mapping[str, Any]) -> Json:
    """Matching takes the whole set of overrides: the current ones with this form's
    change (a template's wording in one language; empty subject and text remove it)."""
    read = _Reader(form)
    template, language = read.raw("template"), read.raw("mail_language")
    subject, words = read.raw("subject"), form.get("text", "").strip()
    overrides = {t: dict(by_language) for t, by_language in current.items()}
    if not template:
        read.errors["template"] = "Please choose a mail."
    if not language:
        read.errors["mail_language"] = "Please choose a language."
    if subject or words:
        overrides.setdefault(template, {})[language] = {"subject": subject, "text": words}
    else:
        overrides.get(template, {}).pop(language, None)
        if not overrides.get(template, True):
            del overrides[template]
    return read.body({"mail_overrides": overrides})


# -- the service's complaints -> fields -------------------------------------------------


def _policy_field(loc: Sequence[str], message: str) -> str:
    rest = list(loc[2:])
    if not rest:
        return "weights" if "weight" in message else GENERAL
    if rest[0] == "weights":
        return f"weight_{rest[1]}" if len(rest) > 1 else "weights"
    return "hard_constraints" if rest[0] == "hard_constraints" else rest[0]


def _plan_field(loc: Sequence[str], rows: Sequence[int]) -> str:
    rest = list(loc[1:])
    if rest[:1] == ["activities"] and len(rest) > 2 and rest[1].isdigit():
        index = int(rest[1])
        row = rows[index] if index < len(rows) else index
        return f"activity-{row}-{rest[-1]}"
    if rest[:1] == ["policy"] and len(rest) > 1:
        named = {"meeting_hours": f"meeting_{rest[-1]}", "reminder_offsets_minutes": "reminders"}
        return named.get(rest[1], "min_mentees" if rest[1] == "group_quorum" else rest[1])
    return GENERAL


def _flat_field(loc: Sequence[str]) -> str:
    return loc[1] if len(loc) > 1 else GENERAL


def placed(
    part: Part,
    errors: Sequence[tuple[Sequence[str], str]],
    detail: str,
    fields: Mapping[str, str],
    rows: Sequence[int] = (),
) -> Errors:
    """Each complaint next to its field (one the form does not have goes above it)."""
    where: Callable[[Sequence[str], str], str] = {
        Part.POLICY: _policy_field,
        Part.PLAN: lambda loc, _m: _plan_field(loc, rows),
        Part.MAIL: lambda _loc, _m: "text",
    }.get(part, lambda loc, _m: _flat_field(loc))
    found: Errors = {}
    for loc, message in errors:
        name = where(loc, message)
        name = name if name in fields or name in GROUPS else GENERAL
        said = message.removeprefix("Value error, ")
        found[name] = f"{found[name]} {said}" if name in found else said
    return found or {GENERAL: detail or "The service did not accept this."}
