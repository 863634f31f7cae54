"""Meetings' mails in 27 languages (issue 11): the catalog is the contract's and complete,
every template renders in every language, and times are in the recipient's own zone."""

from __future__ import annotations

import shutil
import unicodedata
from datetime import UTC, datetime
from pathlib import Path
from string import Template

import pytest
from babel.messages.catalog import Message
from babel.messages.pofile import read_po, write_po

from tandem_contracts.mails import CATALOG_LANGUAGES, templates_of
from tandem_contracts.meetings import CancelReason, MeetingMode
from tandem_kit.directory import Contact
from tandem_kit.i18n import CatalogError, MailCatalog, MailOverride, Wording, plural_forms
from tandem_kit.mail import MissingTemplateValueError
from tandem_meetings.adapters import invitations
from tandem_meetings.adapters.invitations import LOCALE, MAILS, WORDS
from tandem_meetings.domain import mail_texts as texts
from tandem_meetings.domain.invitations import MeetingMail, Person, RsvpLinks, Span
from tandem_meetings.domain.places import Place
from tandem_meetings.domain.rsvp_links import RsvpResponse
from tandem_meetings.service.invitations import render_mail

UTC_SIX = datetime(2027, 3, 2, 18, 0, tzinfo=UTC)  # 18:00 in Lisbon, 20:00 in Athens
KICK_OFF = MeetingMail(
    programme="Bridges to Work 2027",
    span=Span(UTC_SIX, datetime(2027, 3, 2, 19, 0, tzinfo=UTC)),
    mode=MeetingMode.FACE_TO_FACE,
    activity_key="kick_off",
    place=Place("Café A Brasileira", "Rua Garrett 120, 1200-205 Lisboa", "upstairs room"),
    members=(Person("Nikos Papadakis", "mentor"), Person("Rita Almeida", "mentee")),
    options=(
        Span(UTC_SIX, datetime(2027, 3, 2, 19, 0, tzinfo=UTC)),
        Span(datetime(2027, 3, 4, 9, 30, tzinfo=UTC), datetime(2027, 3, 4, 10, 30, tzinfo=UTC)),
    ),
    previous=Span(datetime(2027, 3, 1, 17, 0, tzinfo=UTC), datetime(2027, 3, 1, 18, 0, tzinfo=UTC)),
    reason=CancelReason.ILLNESS,
    link="https://tandem.example.org/meetings/4f1c",
)
LINKS = RsvpLinks(
    "https://tandem.example.org/rsvp/accept-7Qk",
    "https://tandem.example.org/rsvp/tentative-9Zx",
    "https://tandem.example.org/rsvp/decline-2Lm",
)


def contact(language: str, time_zone: str, name: str = "Rita Almeida") -> Contact:
    return Contact("subject-1", name, "rita@example.org", language, time_zone)


def _entries(path: Path) -> dict[str | None, Message]:
    with path.open("rb") as source:
        return {message.context: message for message in read_po(source) if message.id}


def _forms(message: Message) -> list[str]:
    string = message.string
    if string is None or isinstance(string, str):
        return [string or ""]
    return [form or "" for form in string]


def test_the_template_matches_the_english_source_and_the_contract() -> None:
    """meetings.pot is what translators work from: the msgids of domain/mail_texts.py."""
    pot = _entries(LOCALE / "meetings.pot")
    sources: dict[str, texts.Text] = dict(texts.WORDS)
    for name, (subject, text) in texts.TEMPLATES.items():
        sources |= {f"{name}.subject": subject, f"{name}.text": text}
    assert {k: v.id for k, v in pot.items()} == sources
    assert set(texts.TEMPLATES) == set(templates_of("meetings"))
    for name, spec in templates_of("meetings").items():
        assert MAILS.templates[name].placeholders == spec.placeholders, name


def test_every_catalog_is_complete_with_the_english_placeholders() -> None:
    """All 27 languages: every msgid translated, not fuzzy, CLDR's Plural-Forms, and each
    form with exactly the msgid's placeholders."""
    pot = _entries(LOCALE / "meetings.pot")
    found = {path.parent.parent.name for path in LOCALE.glob("*/LC_MESSAGES/meetings.po")}
    assert found == CATALOG_LANGUAGES
    for language in sorted(found):
        path = LOCALE / language / "LC_MESSAGES" / "meetings.po"
        with path.open("rb") as source:
            catalog = read_po(source)
        assert catalog.num_plurals == plural_forms(language).count, language
        entries = _entries(path)
        assert set(entries) == set(pot), language
        for context, source_entry in pot.items():
            entry = entries[context]
            ids = [source_entry.id] if isinstance(source_entry.id, str) else list(source_entry.id)
            expected = set().union(*(Template(i).get_identifiers() for i in ids))
            assert not entry.fuzzy, (language, context)
            assert all(_forms(entry)), (language, context)
            for form in _forms(entry):
                assert set(Template(form).get_identifiers()) == expected, (language, context)
    assert MAILS.languages == CATALOG_LANGUAGES


def _broken_copy(tmp_path: Path, change: str) -> Path:
    copy = tmp_path / "locale"
    shutil.copytree(LOCALE, copy)
    path = copy / "fr" / "LC_MESSAGES" / "meetings.po"
    with path.open("rb") as source:
        catalog = read_po(source, locale="fr")
    entry = catalog.get(texts.TEMPLATES[texts.REMINDER][1], f"{texts.REMINDER}.text")
    assert entry is not None
    if change == "untranslated":
        entry.string = ""
    elif change == "fuzzy":
        entry.flags.add("fuzzy")
    else:  # a placeholder lost in translation
        entry.string = str(entry.string).replace("$link", "")
    with path.open("wb") as target:
        write_po(target, catalog, width=0)
    return copy


@pytest.mark.parametrize("change", ["untranslated", "fuzzy", "placeholder"])
def test_the_catalog_refuses_to_load_when_a_language_is_not_right(
    tmp_path: Path, change: str
) -> None:
    broken = _broken_copy(tmp_path, change)
    with pytest.raises(CatalogError, match=r"fr.*meeting-reminder\.text"):
        MailCatalog("meetings", broken, list(MAILS.templates.values()), WORDS.values())


@pytest.mark.parametrize("language", sorted(CATALOG_LANGUAGES))
@pytest.mark.parametrize("template", sorted(templates_of("meetings")))
def test_every_template_renders_in_every_language(template: str, language: str) -> None:
    to = contact(language, "Europe/Lisbon")
    mail = render_mail(template, to, KICK_OFF, rsvp=LINKS)
    words = MAILS.words(language)
    assert mail.language == language
    assert "\n" not in mail.subject
    assert mail.subject
    assert "$" not in mail.subject + mail.text, "every placeholder filled"
    assert "Rita Almeida" in mail.text
    assert "Bridges to Work 2027" in mail.text
    assert invitations.activity(words, "kick_off") in mail.subject
    shown = invitations.when(words, KICK_OFF.span, "Europe/Lisbon")
    if template != texts.PROPOSALS:
        assert shown in mail.subject
        assert shown in mail.text
    else:
        assert invitations.options(words, KICK_OFF.options, "Europe/Lisbon") in mail.text
    if template in (texts.INVITATION, texts.UPDATED):
        assert all(link in mail.text for link in (LINKS.accept, LINKS.tentative, LINKS.decline))
    if template in (texts.INVITATION, texts.UPDATED, texts.REMINDER):
        assert "Rua Garrett 120" in mail.text
        assert "upstairs room" in mail.text
    if template == texts.CANCELLED:
        assert invitations.reason(words, CancelReason.ILLNESS) in mail.text
    if language != "en":
        english = render_mail(template, contact("en", "Europe/Lisbon"), KICK_OFF, rsvp=LINKS)
        assert mail.text != english.text, "translated"
        assert mail.subject != english.subject, "translated"


def test_the_same_instant_shows_each_recipients_own_clock() -> None:
    """18:00 UTC on 2 March 2027: 18:00 in Lisbon (WET), 20:00 in Athens (EET)."""
    rita = render_mail(texts.INVITATION, contact("pt-PT", "Europe/Lisbon"), KICK_OFF, rsvp=LINKS)
    assert (
        "Quando: terça-feira, 2 de março de 2027 18:00\u2009–\u200919:00 (hora de Lisboa)\n"
        in rita.text
    )
    eleni = render_mail(texts.INVITATION, contact("de", "Europe/Athens"), KICK_OFF, rsvp=LINKS)
    assert "Wann: Dienstag, 2. März 2027, 20:00–21:00 Uhr (Zeitzone: Athen)\n" in eleni.text
    nikos = render_mail(texts.INVITATION, contact("el", "Europe/Athens"), KICK_OFF, rsvp=LINKS)
    assert "Πότε: Τρίτη 2 Μαρτίου 2027 - 8:00–9:00\u202fμ.μ. (ζώνη ώρας: Αθήνα)\n" in nikos.text
    amy = render_mail(texts.INVITATION, contact("en", "America/New_York"), KICK_OFF, rsvp=LINKS)
    assert (
        "When: Tuesday, March 2, 2027, 1:00\u2009–\u20092:00\u202fPM (New York time)\n" in amy.text
    )


def _shown(language: str, zone: str, start: datetime, end: datetime) -> str:
    return invitations.when(MAILS.words(language), Span(start, end), zone)


def test_times_follow_daylight_saving_in_the_recipients_zone() -> None:
    """Europe switches on 28 March 2027 at 01:00 UTC, New York on 14 March, Sydney back on
    4 April: the same UTC hour is a different local hour on each side of a switch."""
    before = (datetime(2027, 3, 26, 17, tzinfo=UTC), datetime(2027, 3, 26, 18, tzinfo=UTC))
    after = (datetime(2027, 3, 29, 17, tzinfo=UTC), datetime(2027, 3, 29, 18, tzinfo=UTC))
    assert "17:00–18:00 Uhr" in _shown("de", "Europe/Lisbon", *before)
    assert "18:00–19:00 Uhr" in _shown("de", "Europe/Lisbon", *after)
    assert "19:00–20:00 Uhr" in _shown("de", "Europe/Athens", *before)
    assert "20:00–21:00 Uhr" in _shown("de", "Europe/Athens", *after)
    # CLDR's English spaces the range with thin spaces and "PM" with a narrow no-break one.
    friday, monday = datetime(2027, 3, 12, 17, tzinfo=UTC), datetime(2027, 3, 15, 17, tzinfo=UTC)
    assert _shown("en", "America/New_York", friday, friday.replace(hour=18)) == (
        "Friday, March 12, 2027, 12:00\u2009\u2013\u20091:00\u202fPM (New York time)"
    )
    assert _shown("en", "America/New_York", monday, monday.replace(hour=18)) == (
        "Monday, March 15, 2027, 1:00\u2009\u2013\u20092:00\u202fPM (New York time)"
    )
    saturday, monday = datetime(2027, 4, 3, 8, tzinfo=UTC), datetime(2027, 4, 5, 8, tzinfo=UTC)
    assert "19:00–20:00 Uhr" in _shown("de", "Australia/Sydney", saturday, saturday.replace(hour=9))
    assert "18:00–19:00 Uhr" in _shown("de", "Australia/Sydney", monday, monday.replace(hour=9))


def test_a_meeting_across_the_switch_shows_its_real_local_ends() -> None:
    """00:30-01:30 UTC on 28 March 2027 in Lisbon: 00:30 WET to 02:30 WEST (one real hour)."""
    shown = _shown(
        "pt",
        "Europe/Lisbon",
        datetime(2027, 3, 28, 0, 30, tzinfo=UTC),
        datetime(2027, 3, 28, 1, 30, tzinfo=UTC),
    )
    assert shown == "domingo, 28 de março de 2027 00:30\u2009–\u200902:30 (hora de Lisboa)"


def test_a_meeting_across_local_midnight_shows_both_dates() -> None:
    shown = _shown(
        "en",
        "Asia/Kolkata",
        datetime(2027, 3, 2, 18, tzinfo=UTC),
        datetime(2027, 3, 2, 19, tzinfo=UTC),
    )
    assert shown == (
        "Tuesday, March 2, 2027, 11:30\u202fPM – "
        "Wednesday, March 3, 2027, 12:30\u202fAM (Kolkata time)"
    )


def _first_strong_direction(text: str) -> str:
    return next(d for d in map(unicodedata.bidirectional, text) if d in {"L", "R", "AL"})


def test_arabic_renders_right_to_left_with_arabic_dates() -> None:
    mail = render_mail(
        texts.INVITATION, contact("ar", "Asia/Dubai", "ليلى حداد"), KICK_OFF, rsvp=LINKS
    )
    assert mail.language == "ar"
    assert _first_strong_direction(mail.subject) == "AL"
    assert _first_strong_direction(mail.text) == "AL"
    assert mail.text.startswith("مرحبًا ليلى حداد،\n\n")
    # Dubai is UTC+4 all year: 22:00-23:00, CLDR's Arabic 12-hour clock ("م" = PM).
    assert "الموعد: الثلاثاء، 2 مارس 2027، 10:00–11:00 م (بتوقيت دبي)\n" in mail.text
    assert "- Nikos Papadakis (مرشد/ة)\n- Rita Almeida (متدرّب/ة)" in mail.text


def test_the_words_of_a_meeting_in_the_readers_language() -> None:
    french = MAILS.words("fr")
    assert invitations.activity(french, "midpoint_review") == "Bilan à mi-parcours"
    assert invitations.activity(french, "job_fair", "Salon de l'emploi Porto") == (
        "Salon de l'emploi Porto"
    ), "the manager's own activity, as named"
    assert invitations.activity(french, None) == "Rencontre de mentorat"
    assert invitations.mode(french, MeetingMode.FACE_TO_FACE) == "en présentiel"
    assert invitations.rsvp(french, RsvpResponse.TENTATIVE) == "peut-être"
    assert invitations.role(french, "manager") == "responsable du programme"
    online = invitations.where(french, MeetingMode.ONLINE, None, "https://meet.example/r/x")
    assert online == "En ligne (visioconférence) : https://meet.example/r/x"
    pending = invitations.where(french, MeetingMode.ONLINE, None, None)
    assert pending == "En ligne (visioconférence) : le lien n'est pas encore prêt"
    assert invitations.members(french, [Person(None, "mentee")]) == "- un membre (mentoré·e)"
    by_name = invitations.where(french, MeetingMode.FACE_TO_FACE, Place("Maison de l'Europe"), None)
    assert by_name == "En présentiel : Maison de l'Europe"


@pytest.mark.parametrize("language", sorted(CATALOG_LANGUAGES))
def test_every_cancel_reason_and_activity_has_its_words(language: str) -> None:
    words = MAILS.words(language)
    english = MAILS.words("en")
    reasons = {invitations.reason(words, reason) for reason in CancelReason}
    assert len(reasons) == len(CancelReason), "one distinct phrase per reason"
    keys = ("kick_off", "regular", "midpoint_review", "closing")
    activities = {invitations.activity(words, key) for key in keys}
    assert len(activities) == len(keys)
    if language != "en":
        assert reasons != {invitations.reason(english, reason) for reason in CancelReason}


def test_negotiation_then_the_programmes_override() -> None:
    meeting = KICK_OFF
    assert (
        render_mail(texts.REMINDER, contact("pt-BR", "America/Sao_Paulo"), meeting).language == "pt"
    )
    luxembourg = contact("lb", "Europe/Luxembourg")
    assert render_mail(texts.REMINDER, luxembourg, meeting).language == "en"
    programme = Wording(languages=("lb", "fr", "de"))
    french = render_mail(texts.REMINDER, luxembourg, meeting, wording=programme)
    assert french.subject.startswith("Rappel : Rencontre de lancement, mardi 2 mars 2027")
    override = Wording(
        languages=("fr",),
        overrides={
            texts.REMINDER: {"fr": MailOverride("Demain : $activity", "$name, $when. $link")}
        },
    )
    mine = render_mail(texts.REMINDER, luxembourg, meeting, wording=override)
    assert mine.subject == "Demain : Rencontre de lancement"
    assert mine.text.startswith(
        "Rita Almeida, mardi 2 mars 2027, 19:00\u2009–\u200920:00 (fuseau horaire : Luxembourg)."
    )


def test_a_value_the_template_needs_is_never_left_blank() -> None:
    """A cancellation without its reason, an invitation without RSVP links: refused loudly."""
    no_reason = MeetingMail(programme="P", span=KICK_OFF.span, mode=MeetingMode.ONLINE)
    with pytest.raises(MissingTemplateValueError):
        render_mail(texts.CANCELLED, contact("de", "Europe/Berlin"), no_reason)
    with pytest.raises(MissingTemplateValueError):
        render_mail(texts.INVITATION, contact("de", "Europe/Berlin"), KICK_OFF)
