"""Language and wording: gettext catalogs, CLDR plurals, locale negotiation, dates (Babel).

Each service ships its own catalog directory (one gettext domain per service) and
builds a :class:`MailCatalog` from it; programmes add their overrides
(:class:`Wording`). See :mod:`tandem_kit.i18n.mails` and :mod:`tandem_kit.i18n.catalogs`.
"""

from tandem_kit.i18n.catalogs import CatalogError, Msg, load_catalog, load_catalogs, placeholders
from tandem_kit.i18n.mails import MailCatalog, MailOverride, MailTemplate, Wording, Words
from tandem_kit.i18n.plurals import PluralForms, integer_categories, plural_forms

__all__ = [
    "CatalogError",
    "MailCatalog",
    "MailOverride",
    "MailTemplate",
    "Msg",
    "PluralForms",
    "Wording",
    "Words",
    "integer_categories",
    "load_catalog",
    "load_catalogs",
    "placeholders",
    "plural_forms",
]
