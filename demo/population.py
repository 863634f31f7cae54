"""A synthetic but plausible multi-country programme: who the demo imports.

Four countries, four languages, several time zones, mentors with skills and
capacity, mentees with employment goals; some online-only (limited mobility,
parents of small children), some wanting to meet face to face.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from typing import Any

COUNTRIES = {
    "DE": {"zone": "Europe/Berlin", "cities": ["Berlin", "Hamburg", "Munich"], "lang": "de"},
    "FR": {"zone": "Europe/Paris", "cities": ["Paris", "Lyon"], "lang": "fr"},
    "ES": {"zone": "Europe/Madrid", "cities": ["Madrid", "Barcelona"], "lang": "es"},
    "PT": {"zone": "Europe/Lisbon", "cities": ["Lisbon", "Porto"], "lang": "pt"},
}
FIRST = [
    "Amira",
    "Jonas",
    "Lucía",
    "Mateus",
    "Chloé",
    "Omar",
    "Lena",
    "Pablo",
    "Inês",
    "Hugo",
    "Sara",
    "Karim",
    "Marta",
    "Nils",
    "Élodie",
    "Rui",
    "Yasmin",
    "Felix",
    "Carmen",
    "Théo",
]
LAST = [
    "Haddad",
    "Berg",
    "García",
    "Silva",
    "Martin",
    "Nowak",
    "Schmidt",
    "López",
    "Costa",
    "Dubois",
    "Fischer",
    "Moreau",
    "Santos",
    "Ruiz",
    "Weber",
]
GOALS = [
    "cv",
    "interviews",
    "networking",
    "changing_sector",
    "starting_business",
    "digital_skills",
    "language_at_work",
]
SECTORS = ["logistics", "health", "it", "retail", "public_sector", "finance", "hospitality"]


@dataclass(frozen=True)
class Person:
    subject: str
    role: str
    row: dict[str, Any]


def _windows(rng: random.Random) -> list[dict[str, Any]]:
    evenings = [{"weekday": d, "start": "18:00", "end": "21:00"} for d in rng.sample(range(5), 2)]
    weekend = [{"weekday": rng.choice([5, 6]), "start": "09:00", "end": "12:00"}]
    return evenings + (weekend if rng.random() < 0.6 else [])


def _person(rng: random.Random, index: int, role: str) -> Person:
    country = rng.choice(list(COUNTRIES))
    facts = COUNTRIES[country]
    local: str = str(facts["lang"])
    languages = [local, "en"] if rng.random() < 0.8 else [local]
    name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
    subject = f"demo-{role}-{index:04d}"
    modality = rng.choices(["online_only", "face_to_face", "either"], [0.3, 0.2, 0.5])[0]
    row: dict[str, Any] = {
        "subject": subject,
        "role": role,
        "display_name": name,
        "email": f"{subject}@example.org",
        "preferred_language": local,
        "country": country,
        "time_zone": facts["zone"],
        "languages": languages,
        "city": rng.choice(facts["cities"]),
        "availability": _windows(rng),
        "sector": rng.choice(SECTORS),
        "preferred_format": rng.choices(["pair", "group", "either"], [0.5, 0.15, 0.35])[0],
        "modality": modality,
        "linkedin_consent": rng.random() < 0.7,
    }
    row["linkedin_url"] = f"https://www.linkedin.com/in/{subject}"
    if role == "mentor":
        row["skills"] = rng.sample(GOALS, 3)
        row["capacity"] = rng.choice([1, 2, 3, 4])
    else:
        row["goals"] = rng.sample(GOALS, 2)
    return Person(subject, role, row)


def population(mentees: int, mentors: int, seed: int = 7) -> list[Person]:
    rng = random.Random(seed)
    return [_person(rng, i, "mentor") for i in range(mentors)] + [
        _person(rng, i, "mentee") for i in range(mentees)
    ]
