"""Building the glossary linker for a page from the published glossary."""

from .models import GlossaryTerm
from .text import GlossaryLinker


def glossary_linker(exclude_url=None, links=True):
    """A linker over every published term and alias.

    ``exclude_url`` is the current page's address, so a glossary page never links to itself.
    ``links=False`` finds the terms without linking them, for a handout's word list.
    """
    terms = []
    for term in GlossaryTerm.objects.published().only("slug", "term", "aliases", "definition"):
        url = term.get_absolute_url()
        for phrase in [term.term, *term.alias_list]:
            terms.append((phrase, url, term.definition, term.term))
    linker = GlossaryLinker(terms, links=links)
    if exclude_url:
        linker.linked_urls.add(exclude_url)
    return linker
