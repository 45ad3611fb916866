"""The same page in the site's other languages: the language link at the top of each page, and
the ``hreflang`` alternates in its head."""

from dataclasses import dataclass

from django import template
from django.conf import settings
from django.urls import reverse, translate_url
from django.utils import translation

from education.site_url import absolute_url

register = template.Library()


@dataclass(frozen=True)
class Twin:
    code: str
    #: The language's name in that language ("Español"), so a reader finds their own.
    name: str
    url: str


@register.simple_tag(takes_context=True)
def other_languages(context):
    """This page's address in each other language; the home page there when this address has
    no twin (a page that is not found)."""
    request = context.get("request")
    if request is None:
        return []
    here = request.get_full_path()
    twins = []
    for code, name in settings.LANGUAGES:
        if code == translation.get_language():
            continue
        url = translate_url(here, code)
        if url == here:
            with translation.override(code):
                url = reverse("education:home")
        twins.append(Twin(code, name, url))
    return twins


@register.simple_tag(takes_context=True)
def language_alternates(context, languages=None):
    """The page's full address in each language its words are published in (all of them for a
    page of interface words alone), for search engines; none for a page in one language."""
    request = context.get("request")
    if request is None:
        return []
    languages = [code for code, _ in settings.LANGUAGES if languages is None or code in languages]
    if len(languages) < 2:
        return []
    here = request.get_full_path()
    return [
        Twin(code, name, absolute_url(translate_url(here, code)))
        for code, name in settings.LANGUAGES
        if code in languages
    ]
