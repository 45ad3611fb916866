"""The Jinja2 engine's environment (TEMPLATES' second engine).

Jinja2 is used only where a page is made afresh for every reader and Django's template language
is most of its cost: the search results (templates/jinja2/). Its templates reverse URLs with
``url("education:drug-list")``, as ``{% url %}`` does, and translate their words with
``{{ _("...") }}`` and ``{{ ngettext(...) }}`` (Jinja2's i18n extension, on Django's catalogue:
the language is the request's, as in Django's templates).
"""

from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext, ngettext
from jinja2 import Environment


def url(name, *args):
    return reverse(name, args=args)


def environment(**options):
    # A block tag's line leaves no blank line behind, as {% %} lines mostly do not matter in
    # Django's output either.
    env = Environment(
        trim_blocks=True, lstrip_blocks=True, extensions=["jinja2.ext.i18n"], **options
    )
    env.globals["url"] = url
    # "New style": _("…", name=value) fills in its %(name)s and escapes what it fills in.
    env.install_gettext_translations(translation, newstyle=True)
    return env


def _messages_with_variables():  # pragma: no cover - never called
    """The Jinja2 templates' messages that makemessages cannot find there: it reads a plain
    ``{{ _("...") }}``, but not one with variables, nor ``ngettext``. Each is written here
    as well, exactly as in the template, for the catalogue (tests/test_languages.py checks that
    every message of the templates is in it)."""
    gettext("Did you mean %(suggestion)s?")
    ngettext(
        "%(num)s result for “%(query)s”.",
        "%(num)s results for “%(query)s”.",
        2,
    )
    gettext("Found by the name “%(name)s”.")
    gettext("Nothing on this site matches “%(query)s”.")
    gettext("%(link)s: medical words in plain language")
    gettext("%(link)s, with every brand name")
