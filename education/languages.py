"""Which language a page's words are shown in.

Interface words follow the address (English at the plain address, Spanish under /es/). A
page's content words follow the address only where they are published in that language
(``SpanishEdition``); otherwise they are shown in English, and the page says so, is marked
``lang="en"`` and is kept out of search engines (templates/base.html).
"""

import re

from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language

#: A link to a page of this site, as Markdown renders it.
SITE_LINK = re.compile(r'href="(/[^"]*)"')


def languages_published_by_all(rows):
    """The site's languages every one of these rows is published in."""
    rows = list(rows)
    return [
        code for code, _ in settings.LANGUAGES if all(row.words_published_in(code) for row in rows)
    ]


def words_language(languages):
    """The language a page's words are shown in: the reader's, if the words are published
    in it, else English."""
    language = get_language()
    return language if language in languages else settings.LANGUAGE_CODE


def words_language_context(rows):
    """What templates/base.html needs to mark a page showing these rows: the languages their
    words are all published in, and the one they are shown in."""
    languages = languages_published_by_all(rows)
    return {"content_languages": languages, "content_language": words_language(languages)}


def links_in_reader_language(html):
    """Links an editor wrote to this site's pages name their English addresses
    ("/cancer-features/her2-positive/"); on a page in another language, each leads to the
    page's twin in that language instead."""
    language = get_language()
    if language == settings.LANGUAGE_CODE:
        return html
    return SITE_LINK.sub(lambda link: f'href="{translate_url(link[1], language)}"', html)
