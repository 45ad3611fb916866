"""The same page in the site's other languages, for the language link at the top of each page."""

from dataclasses import dataclass

from django import template
from django.conf import settings
from django.urls import reverse, translate_url
from django.utils import translation

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
