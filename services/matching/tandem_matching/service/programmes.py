"""Programmes (admin creates; managers read, tune the policy and the wording of the
programme's mails)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from uuid import UUID

from tandem_kit.api import Page, next_cursor
from tandem_kit.auth import Principal, require_admin
from tandem_kit.errors import Unprocessable
from tandem_kit.outbox import add_event
from tandem_matching.adapters import organisations as organisation_repo
from tandem_matching.adapters import programmes as repo
from tandem_matching.domain.programmes import Manager, Programme
from tandem_matching.domain.wording import MailOverride, MailOverrides, wording_problems
from tandem_matching.schemas.programmes import (
    MailOverridesIn,
    ProgrammeCreate,
    ProgrammePublic,
    ProgrammeUpdate,
)
from tandem_matching.service import events
from tandem_matching.service.access import caller_in, manager_in
from tandem_matching.service.context import Context
from tandem_matching.service.ids import new_id


def _overrides(body: MailOverridesIn) -> MailOverrides:
    return {
        template: {language: MailOverride(w.subject, w.text) for language, w in by_language.items()}
        for template, by_language in body.items()
    }


def _check_wording(languages: Sequence[str], overrides: MailOverrides) -> None:
    """422 naming every unknown template, foreign placeholder and language without words."""
    problems = wording_problems(languages, overrides)
    if problems:
        raise Unprocessable(
            "; ".join(p.message for p in problems),
            code=problems[0].code,
            errors=[
                {"loc": ["body", *p.location], "msg": p.message, "type": p.code} for p in problems
            ],
        )


async def create_programme(
    ctx: Context, principal: Principal, body: ProgrammeCreate
) -> ProgrammePublic:
    """The programme, its named managers and ``programme.created``, in one transaction."""
    require_admin(principal)
    at = ctx.now()
    programme = Programme(
        id=new_id(),
        organisation_id=body.organisation_id,
        name=body.name,
        countries=tuple(sorted(set(body.countries))),
        languages=tuple(dict.fromkeys(body.languages)),
        starts_on=body.starts_on,
        ends_on=body.ends_on,
        formats=body.formats,
        group_min=body.group_size.min,
        group_max=body.group_size.max,
        policy=body.policy.model_dump(mode="json"),
        time_zone=body.time_zone,
        created_at=at,
        updated_at=at,
        mail_overrides=_overrides(body.mail_overrides),
    )
    managers = [Manager(**m.model_dump()) for m in body.managers]
    _check_wording(programme.languages, programme.mail_overrides)
    async with ctx.database.transaction() as session:
        if not await organisation_repo.exists(session, body.organisation_id):
            raise Unprocessable(
                f"Organisation {body.organisation_id} does not exist.",
                code="organisation_not_found",
            )
        await repo.insert_programme(session, programme, managers)
        await add_event(session, events.programme_created(programme, managers))
    return ProgrammePublic.of(programme, managers)


def _ids(granted: Iterable[str]) -> frozenset[UUID]:
    """The programme ids a token names (as text); a grant that is no UUID names nothing."""
    found = set()
    for text in granted:
        try:
            found.add(UUID(text))
        except ValueError:
            continue
    return frozenset(found)


async def list_programmes(
    ctx: Context, principal: Principal, cursor: str | None, limit: int
) -> Page[ProgrammePublic]:
    """Admins see all; others the programmes in which their token grants a role."""
    visible = None if principal.is_admin else _ids(principal.programmes)
    async with ctx.database.transaction() as session:
        rows = await repo.list_programmes(session, visible_ids=visible, cursor=cursor, limit=limit)
        kept = rows[:limit]
        managers = await repo.managers_of_many(session, [r.id for r in kept])
    return Page[ProgrammePublic](
        items=[ProgrammePublic.of(r, managers[r.id]) for r in kept],
        next_cursor=next_cursor(rows, limit, lambda r: (r.created_at, r.id)),
    )


async def get_programme(ctx: Context, principal: Principal, programme_id: UUID) -> ProgrammePublic:
    async with ctx.database.transaction() as session:
        caller = await caller_in(session, principal, programme_id)
        managers = await repo.managers_of(session, programme_id)
    return ProgrammePublic.of(caller.programme, managers)


async def update_programme(
    ctx: Context, principal: Principal, programme_id: UUID, body: ProgrammeUpdate
) -> ProgrammePublic:
    """Rename, tune the policy, reword the mails or move the programme to another
    reference time zone; ``programme.updated`` tells the other services when the name,
    the wording or the zone was given, or the policy's face-to-face reach changed."""
    given = (body.name, body.policy, body.mail_overrides, body.time_zone)
    if all(x is None for x in given):
        raise Unprocessable(
            "Nothing to update: give a name, a policy, mail_overrides or a time_zone.",
            code="empty_update",
        )
    policy = body.policy.model_dump(mode="json") if body.policy is not None else None
    overrides = _overrides(body.mail_overrides) if body.mail_overrides is not None else None
    async with ctx.database.transaction() as session:
        caller = await manager_in(session, principal, programme_id)
        if overrides is not None:
            _check_wording(caller.programme.languages, overrides)
        await repo.update_programme(
            session,
            programme_id,
            name=body.name,
            policy=policy,
            mail_overrides=overrides,
            time_zone=body.time_zone,
            now=ctx.now(),
        )
        programme = await repo.get_programme(session, programme_id)
        assert programme is not None
        told = body.name is not None or overrides is not None or body.time_zone is not None
        # A policy says much the other services need not hear; its face-to-face reach they do.
        if told or programme.face_to_face_reach is not caller.programme.face_to_face_reach:
            await add_event(session, events.programme_updated(programme))
        managers = await repo.managers_of(session, programme_id)
    return ProgrammePublic.of(programme, managers)
