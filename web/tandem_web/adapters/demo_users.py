"""Who the embedded default's sign-in page offers: read from matching's public API with
an admin token minted by the local key (the local sign-in exists only where that key
does; production refuses it)."""

from __future__ import annotations

from typing import Any

import httpx2

from tandem_web.domain.sessions import DemoUser, merged

ADMIN = DemoUser(subject="admin", display_name="Administrator", label="admin", admin=True)


async def _pages(client: httpx2.AsyncClient, path: str, headers: dict[str, str]) -> list[Any]:
    items: list[Any] = []
    cursor: str | None = None
    while True:
        params = {"limit": "200", **({"cursor": cursor} if cursor else {})}
        answer = await client.get(path, headers=headers, params=params)
        answer.raise_for_status()
        page = answer.json()
        items += page["items"]
        cursor = page.get("next_cursor")
        if not cursor:
            return items


async def demo_users(client: httpx2.AsyncClient, admin_token: str) -> list[DemoUser]:
    """The admin, every programme's managers, and its mentors and mentees with a subject;
    one entry per subject, with its grants in every programme."""
    headers = {"Authorization": f"Bearer {admin_token}"}
    users = [ADMIN]
    for programme in await _pages(client, "/v1/programmes", headers):
        pid, name = programme["id"], programme["name"]
        users += [
            DemoUser(m["subject"], m["display_name"], f"manager of {name}", manager=(pid,))
            for m in programme.get("managers", [])
        ]
        for person in await _pages(client, f"/v1/programmes/{pid}/participants", headers):
            if not person.get("subject"):
                continue
            role = person["role"]
            users.append(
                DemoUser(
                    person["subject"],
                    person.get("display_name") or person["subject"],
                    f"{role} in {name}",
                    mentor=(pid,) if role == "mentor" else (),
                    mentee=(pid,) if role == "mentee" else (),
                )
            )
    return merged(users)
