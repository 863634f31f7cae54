"""The administrator's pages, as pure logic: who is an admin (the token's platform-wide
``admin`` role), the choices the programme form offers (matching's own code lists), and
a submitted form read into matching's request bodies, or into the reasons it cannot be."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from babel import Locale

from tandem_contracts.codes import countries, languages, time_zones

ADMIN = "admin"  # tandem_kit's platform-wide grant: takes no programme
FORMATS = ("pair", "group", "both")
# The form's fields, each kept as typed (several values for the multi-selects).
SINGLE = (
    "organisation_id",
    "name",
    "starts_on",
    "ends_on",
    "formats",
    "group_min",
    "group_max",
    "time_zone",
    "manager_subject",
    "manager_display_name",
    "manager_email",
    "manager_preferred_language",
    "manager_time_zone",
)
SEVERAL = ("countries", "languages")
MANAGER = ("subject", "display_name", "email", "preferred_language", "time_zone")

Values = dict[str, Any]  # a field's name: its text, or a list of texts for SEVERAL
Errors = dict[str, list[str]]  # a field's name (or "form"): the reasons, as codes or words


def is_admin(claims: Mapping[str, object]) -> bool:
    roles = claims.get("tandem_roles")
    return isinstance(roles, list) and ADMIN in roles


@dataclass(frozen=True, slots=True)
class Organisation:
    id: str
    name: str


@dataclass(frozen=True, slots=True)
class ProgrammeRow:
    id: str
    name: str
    organisation_id: str
    starts_on: dt.date
    ends_on: dt.date


@dataclass
class BadInput(Exception):
    """What the web app itself could not read (a date, a number): nothing was sent."""

    errors: Errors = field(default_factory=dict)


def choices(language: str) -> dict[str, list[tuple[str, str]]]:
    """Countries, languages and zones as matching accepts them, named in the page's
    language (CLDR), sorted by that name; zones by their IANA name."""
    locale = Locale.parse(language)

    def named(codes: frozenset[str], names: Mapping[str, str]) -> list[tuple[str, str]]:
        found = [(c, f"{names.get(c, c)} ({c})") for c in codes]
        return sorted(found, key=lambda pair: pair[1].casefold())

    return {
        "countries": named(countries(), locale.territories),
        "languages": named(languages(), locale.languages),
        "zones": [(z, z) for z in sorted(time_zones())],
    }


def form_values(form: Mapping[str, str], several: Mapping[str, Sequence[str]]) -> Values:
    values: Values = {name: form.get(name, "").strip() for name in SINGLE}
    for name in SEVERAL:
        values[name] = [v for v in several.get(name, ()) if v]
    return values


def _date(values: Values, name: str, errors: Errors) -> str:
    try:
        return dt.date.fromisoformat(values[name]).isoformat()
    except ValueError:
        errors.setdefault(name, []).append("bad_date")
        return ""


def _size(values: Values, name: str, errors: Errors) -> int:
    try:
        return int(values[name])
    except ValueError:
        errors.setdefault("group_size", []).append("bad_number")
        return 0


def programme_body(values: Values) -> dict[str, Any]:
    """Matching's ``ProgrammeCreate`` from the form. Only what the generated model cannot
    carry (a date, a number) is refused here; every other rule is matching's to apply."""
    errors: Errors = {}
    try:
        uuid.UUID(values["organisation_id"])
    except ValueError:
        errors["organisation_id"] = ["no_organisation"]
    body: dict[str, Any] = {
        "organisation_id": values["organisation_id"],
        "name": values["name"],
        "countries": values["countries"],
        "languages": values["languages"],
        "starts_on": _date(values, "starts_on", errors),
        "ends_on": _date(values, "ends_on", errors),
        "formats": values["formats"] if values["formats"] in FORMATS else "pair",
        "group_size": {
            "min": _size(values, "group_min", errors),
            "max": _size(values, "group_max", errors),
        },
        "time_zone": values["time_zone"],
        "managers": [],
    }
    manager = {k: values[f"manager_{k}"] for k in MANAGER}
    if any(manager[k] for k in ("subject", "display_name", "email")):
        body["managers"] = [manager]
    if errors:
        raise BadInput(errors)
    return body


def placed(errors: Sequence[tuple[tuple[str, ...], str]]) -> Errors:
    """Matching's 422 reasons, each beside its field: ``("body", "managers", 0, "email")``
    is the manager's e-mail; a reason about the whole body (end before start) the form's."""
    found: Errors = {}
    for loc, message in errors:
        path = [p for p in loc if p != "body"]
        if not path:  # a rule of the whole body: beside the field it names, if one
            name = "ends_on" if "ends_on" in message else "form"
        elif path[0] == "managers" and len(path) >= 3:
            name = f"manager_{path[2]}"
        elif path[0] == "group_size":
            name = "group_size"
        else:
            name = path[0]
        found.setdefault(name, []).append(message)
    return found
